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

/** A record's id in a form field: a positive whole number, else "invalid". */
export const idField = z.coerce.number({ error: 'err_invalid' }).int({ error: 'err_invalid' }).positive({ error: 'err_invalid' });
