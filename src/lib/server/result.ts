/** Commands return results for expected outcomes; they throw only for bugs. */
export type Ok<T> = { ok: true; value: T };
export type Err<E extends string = string> = {
	ok: false;
	error: E;
	/** Field → message key, for validation failures. */
	fields?: Record<string, string>;
	/** Values for the message (e.g. when to try again). */
	params?: Record<string, string | number>;
};
export type Result<T, E extends string = string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends string>(error: E, extra: Omit<Err<E>, 'ok' | 'error'> = {}): Err<E> => ({
	ok: false,
	error,
	...extra
});
