const DIGITS_ONLY = /^\d+$/;

/**
 * Project ids compare numerically when both are made only of digits (so "9" comes before "10", at any length,
 * without going through floating point), otherwise — or when they are the same number, as "010" and "10" —
 * by plain code-unit order (never locale-dependent).
 */
export function compareProjectIds(a: string, b: string): number {
	if (DIGITS_ONLY.test(a) && DIGITS_ONLY.test(b)) {
		const x = a.replace(/^0+(?=\d)/, '');
		const y = b.replace(/^0+(?=\d)/, '');
		if (x.length !== y.length) return x.length - y.length;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}
