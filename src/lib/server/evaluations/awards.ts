// 以獎代補: a reward pool shared among the ranked communities in proportion to their scores, each award kept
// between a floor and a cap, exact to the fen. Pure and exact: whole fen and BigInt fractions, no floating point.
//
// Every award is clamp(λ × points, floor, cap) for the one λ at which they add up to the pool (a community
// scoring 0 gets the floor). Fractions of a fen are cut off and the fen left over go, one each, to the largest
// cut-off remainders; on equal remainders to the higher score, then to the better rank. The pool must lie
// between every community at its floor and every community at its cap.
import { err, ok, type Result } from '../result';

export type AwardEntry = { slug: string; points: number };
export type AwardError = 'evaluation_award_nobody' | 'evaluation_award_below_floors' | 'evaluation_award_above_caps';

/** λ = num / den. */
type Fraction = { num: bigint; den: bigint };
const lessOrEqual = (a: Fraction, b: Fraction) => a.num * b.den <= b.num * a.den;
const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);

/** Awards in fen, in the order of `entries` (ranking order); sums to `poolFen` exactly. */
export function splitAwards(entries: readonly AwardEntry[], poolFen: number, floorFen: number, capFen: number): Result<number[], AwardError> {
	if (!entries.length) return err('evaluation_award_nobody');
	const T = BigInt(poolFen);
	const F = BigInt(floorFen);
	const C = BigInt(capFen);
	const p = entries.map((e) => BigInt(Math.round(e.points * 100)));
	const n = BigInt(entries.length);
	const zero = p.filter((x) => x === 0n).length;
	const min = n * F;
	const max = BigInt(zero) * F + (n - BigInt(zero)) * C;
	if (T < min) return err('evaluation_award_below_floors', { params: { min: Number(min) } });
	if (T > max) return err('evaluation_award_above_caps', { params: { max: Number(max) } });
	if (T === min) return ok(p.map(() => floorFen));
	if (T === max) return ok(p.map((x) => (x === 0n ? floorFen : capFen)));

	// g(λ) = Σ clamp(λ·p, F, C) rises with λ: find the breakpoints (where someone leaves the floor or reaches
	// the cap) between which it crosses the pool.
	const total = (l: Fraction) => p.reduce((s, x) => s + (x === 0n ? F * l.den : clamp(l.num * x, F * l.den, C * l.den)), 0n);
	const points = p.filter((x) => x > 0n).flatMap((x) => [{ num: F, den: x }, { num: C, den: x }]);
	points.sort((a, b) => (lessOrEqual(a, b) ? (lessOrEqual(b, a) ? 0 : -1) : 1));
	const upper = points.find((l) => total(l) >= T * l.den)!;
	const lower = [...points].reverse().find((l) => !lessOrEqual(upper, l)) ?? { num: 0n, den: 1n };

	// Between them each community is at its floor, at its cap, or free (λ·p).
	const status = p.map((x) => {
		if (x === 0n || lessOrEqual(upper, { num: F, den: x })) return 'floor';
		if (lessOrEqual({ num: C, den: x }, lower)) return 'cap';
		return 'free';
	});
	const fixed = status.reduce((s, st) => s + (st === 'floor' ? F : st === 'cap' ? C : 0n), 0n);
	const D = p.reduce((s, x, i) => s + (status[i] === 'free' ? x : 0n), 0n);
	const N = T - fixed;
	const awards = p.map((x, i) => (status[i] === 'floor' ? F : status[i] === 'cap' ? C : (N * x) / D));
	let left = T - awards.reduce((s, a) => s + a, 0n);
	const order = p
		.map((x, i) => ({ i, rem: status[i] === 'free' ? (N * x) % D : -1n, x }))
		.filter((o) => o.rem >= 0n)
		.sort((a, b) => (a.rem !== b.rem ? (b.rem > a.rem ? 1 : -1) : a.x !== b.x ? (b.x > a.x ? 1 : -1) : a.i - b.i));
	for (const o of order) {
		if (left === 0n) break;
		awards[o.i] += 1n;
		left--;
	}
	return ok(awards.map(Number));
}
