/** Commands return results for expected outcomes; they throw only for bugs. */
export type Ok<T> = { ok: true; value: T };
export type Err<E extends string = string> = {
	ok: false;
	error: E;
	/** Field → message key, for validation failures. */
	fields?: Record<string, string>;
	/** Values for the message (e.g. when to try again), any of them a message of its own. */
	params?: Record<string, string | number | MessageRef>;
};

/**
 * A message a rule chose, said in the reader's language only where it is shown (a Pabulib file's fault: which
 * line, what is wrong there). Its values may be messages too ("the cost of project 3" inside "… is not a number").
 */
export type MessageRef = { key: string; params?: Record<string, string | number | MessageRef> };

/** A message as text, each key said by `say` (the reader's language on the site, English in the command line). */
export function renderMessage(ref: MessageRef, say: (key: string, params: Record<string, string | number>) => string): string {
	return say(ref.key, renderParams(ref.params, say));
}

export function renderParams(params: MessageRef['params'], say: (key: string, params: Record<string, string | number>) => string): Record<string, string | number> {
	return Object.fromEntries(Object.entries(params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? renderMessage(value, say) : value]));
}
export type Result<T, E extends string = string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends string>(error: E, extra: Omit<Err<E>, 'ok' | 'error'> = {}): Err<E> => ({
	ok: false,
	error,
	...extra
});
