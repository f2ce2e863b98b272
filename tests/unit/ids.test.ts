// Issue 11.11: only the canonical decimal form names a record, in a URL (src/params/id.ts) and in a form field
// (idField) alike: "1e1" is not record 10 and "0x1" is not record 1.
import { describe, expect, it } from 'vitest';
import { match } from '../../src/params/id';
import { idField } from '../../src/lib/server/validation';

const NOT_IDS = ['1e1', '0x1', '0b1', '0o1', '010', '1.0', '+1', '-1', '0', '', ' ', '1_000', 'Infinity', '1'.repeat(16)];

describe('record ids', () => {
	it.each(NOT_IDS)('%j names no record in a URL or a form field', (value) => {
		expect(match(value)).toBe(false);
		expect(idField.safeParse(value).success).toBe(false);
	});

	it('takes canonical ids, in a URL and a form field (and a number handed over as one)', () => {
		for (const value of ['1', '10', '123456789012345']) {
			expect(match(value)).toBe(true);
			expect(idField.parse(value)).toBe(Number(value));
		}
		expect(idField.parse(7)).toBe(7);
		expect(idField.safeParse('0x1').error?.issues[0]?.message).toBe('err_invalid');
	});
});
