// Dates as a list shows them: a day's text is kept once made (format.ts), and must be the text Intl would make
// for that moment in China's time zone, on both sides of China's midnight and across the years.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/lib/format';
import { getLocale } from '../../src/lib/paraglide/runtime';

const intl = (at: number) =>
	new Intl.DateTimeFormat(getLocale(), { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(at));

describe('formatDateTime, dates only', () => {
	it('says what Intl says, at China midnight and a moment before it, asked once and again', () => {
		const midnight = Date.UTC(2026, 2, 1, 16); // 2 March 00:00 in China
		for (const at of [midnight - 1, midnight, midnight + 1, midnight + 86_399_999, midnight + 86_400_000]) {
			expect(formatDateTime(at, true)).toBe(intl(at));
			expect(formatDateTime(at, true)).toBe(intl(at));
		}
		expect(formatDateTime(midnight - 1, true)).not.toBe(formatDateTime(midnight, true));
	});

	it('says what Intl says for moments spread over fifty years, before 1991 too (China kept summer time then)', () => {
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		for (let i = 0; i < 2_000; i++) {
			const at = Date.UTC(1985, 0, 1) + Math.floor(random() * 50 * 365 * 86_400_000);
			expect(formatDateTime(at, true)).toBe(intl(at));
		}
	});
});
