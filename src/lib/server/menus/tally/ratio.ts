/** A non-negative exact ratio num / den of BigInts; den = 0n stands for +infinity. */
export interface Ratio {
	num: bigint;
	den: bigint;
}

export const INFINITE: Ratio = { num: 1n, den: 0n };

/** Sign of a − b, by cross-multiplication (no division, no rounding). */
export function compareRatios(a: Ratio, b: Ratio): number {
	const left = a.num * b.den;
	const right = b.num * a.den;
	return left > right ? 1 : left < right ? -1 : 0;
}

export function gcd(a: bigint, b: bigint): bigint {
	let x = a < 0n ? -a : a;
	let y = b < 0n ? -b : b;
	while (y !== 0n) [x, y] = [y, x % y];
	return x;
}
