/** Time is stored as UTC milliseconds in integer columns. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The streets are in China (UTC+8, no summer time): a date people type means that day there. */
const CHINA_OFFSET = 8 * HOUR;

/** "2026-11-29" → the UTC ms of midnight that day in China; NaN when it is not such a date. */
export function chinaDayStart(isoDate: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	if (!m) return NaN;
	const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CHINA_OFFSET;
	// "2026-02-31" would roll over into March: not a real date
	return chinaDate(at) === isoDate ? at : NaN;
}

/** The day in China at `at`, as "2026-11-29" (for date fields and file names). */
export function chinaDate(at: number): string {
	return new Date(at + CHINA_OFFSET).toISOString().slice(0, 10);
}
