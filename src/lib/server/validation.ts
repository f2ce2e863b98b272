import { z } from 'zod';
import { err, type Err } from './result';

/**
 * Parses input with a zod schema whose messages are message keys. On failure returns
 * `invalid` with the first key per field, to be translated beside each field.
 */
export function parseInput<S extends z.ZodType>(
	schema: S,
	input: unknown
): { ok: true; value: z.infer<S> } | Err<'invalid'> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return { ok: true, value: parsed.data };
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		if (!fields[field]) fields[field] = issue.message.startsWith('err_') ? issue.message : 'err_invalid';
	}
	return err('invalid', { fields });
}

/** The canonical decimal form of a record id, the same as URLs take (src/params/id.ts, which the browser also runs). */
export const ID_PATTERN = /^[1-9]\d{0,14}$/;

/**
 * A record's id in a form field: a positive whole number in canonical decimal, else "invalid". "1e1", "0x1",
 * "010" or "1.0" name no record (Number() would read them as 10, 1, 10 and 1).
 */
export const idField = z.preprocess(
	(v) => (typeof v === 'number' ? v : typeof v === 'string' && ID_PATTERN.test(v.trim()) ? Number(v.trim()) : Number.NaN),
	z.number({ error: 'err_invalid' }).int({ error: 'err_invalid' }).positive({ error: 'err_invalid' })
);
