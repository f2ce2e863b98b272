/**
 * Money counted exactly. People write amounts in currency units with at most two decimals ("308151.26" złoty);
 * the tally counts whole minor units (grosze, fen, cents: 30815126), so every sum and comparison is integer
 * arithmetic. A set of amounts shares one scale — the minor units per currency unit — chosen from the most
 * decimals any of them needs: 1 when all are whole, 10 or 100 otherwise.
 */

export const MAX_DECIMALS = 2;

/** An amount as written: its whole part and its significant decimals (trailing zeros dropped, so "60.0" is whole). */
export interface WrittenAmount {
	whole: string;
	decimals: string;
}

export type AmountProblem = 'malformed' | 'negative' | 'too_many_decimals';

const AMOUNT = /^(\d+)(?:\.(\d*))?$/;
const NEGATIVE = /^-\s*\d+(?:\.\d*)?$/;

/** Reads "1250", "1250.5", "1250.50" or "1250." (surrounding spaces ignored). */
export function readAmount(text: string): { ok: true; amount: WrittenAmount } | { ok: false; problem: AmountProblem } {
	const trimmed = text.trim();
	const match = AMOUNT.exec(trimmed);
	if (!match) return { ok: false, problem: NEGATIVE.test(trimmed) ? 'negative' : 'malformed' };
	const decimals = (match[2] ?? '').replace(/0+$/, '');
	if (decimals.length > MAX_DECIMALS) return { ok: false, problem: 'too_many_decimals' };
	return { ok: true, amount: { whole: match[1], decimals } };
}

/** Minor units per currency unit for amounts needing at most `decimals` decimals: 1, 10 or 100. */
export function scaleFor(decimals: number): number {
	return 10 ** decimals;
}

/** How many decimals a scale writes: 0 for 1, 1 for 10, 2 for 100. */
export function decimalsOf(scale: number): number {
	const decimals = Math.round(Math.log10(scale));
	if (scaleFor(decimals) !== scale) throw new RangeError(`scale must be a power of ten, got ${scale}`);
	return decimals;
}

/** The amount in minor units of `scale`, or null when it is too large to count exactly in a JavaScript number. */
export function toMinorUnits(amount: WrittenAmount, scale: number): number | null {
	const digits = amount.whole + amount.decimals.padEnd(decimalsOf(scale), '0');
	if (amount.decimals.length > decimalsOf(scale)) throw new RangeError(`${digits} needs a finer scale than ${scale}`);
	const value = BigInt(digits);
	return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** Minor units written in currency units with the scale's decimals: (30815126, 100) → "308151.26", (60, 1) → "60". */
export function formatMinorUnits(value: number, scale: number): string {
	if (!Number.isSafeInteger(value)) throw new RangeError(`an amount in minor units must be a safe integer, got ${value}`);
	const decimals = decimalsOf(scale);
	const sign = value < 0 ? '-' : '';
	const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
	if (decimals === 0) return sign + digits;
	return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
