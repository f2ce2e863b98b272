// The evaluation's arithmetic pinned to exact figures: capped scores, dropped indicators and renormalised
// weights, the ranking's tie-break, and the 以獎代補 split to the fen.
import { describe, expect, it } from 'vitest';
import { compareRanked, evaluateCommunity, indicatorScore, rank, round, type Figures, type SchemeIndicator } from '../../../src/lib/server/evaluations/rules';
import { splitAwards } from '../../../src/lib/server/evaluations/awards';

export const SCHEME: SchemeIndicator[] = [
	{ indicator: 'satisfaction', weight: 30, targetPercent: 80, minN: 20, measure: 'wilson_lower' },
	{ indicator: 'dispatch_resolution', weight: 20, targetPercent: 90, minN: 5, measure: 'share' },
	{ indicator: 'proposals_on_time', weight: 20, targetPercent: 90, minN: 3, measure: 'share' },
	{ indicator: 'vote_participation', weight: 15, targetPercent: 30, minN: 20, measure: 'share' },
	{ indicator: 'coverage', weight: 15, targetPercent: 60, minN: 5, measure: 'share' }
];
export const f = (indicator: Figures['indicator'], numerator: number | null, denominator: number | null, n = denominator): Figures => ({ indicator, source: numerator !== null, numerator, denominator, n });
/** Dispatch and coverage have no data source on this branch. */
export const A = [f('satisfaction', 45, 60), f('dispatch_resolution', null, null), f('proposals_on_time', 9, 10), f('vote_participation', 12, 40), f('coverage', null, null)];
export const B = [f('satisfaction', 5, 6), f('dispatch_resolution', null, null), f('proposals_on_time', 3, 3), f('vote_participation', 30, 40), f('coverage', null, null)];

describe('an indicator’s score', () => {
	it('is actual over target, capped at 1.25, to 6 decimals', () => {
		expect(indicatorScore(0.627677, 80)).toBe(0.784596);
		expect(indicatorScore(1, 90)).toBe(1.111111);
		expect(indicatorScore(0.75, 30)).toBe(1.25);
		expect(indicatorScore(0, 50)).toBe(0);
		expect(round(2.345, 2)).toBe(2.35);
	});
});

describe('one community under the default scheme', () => {
	it('scores satisfaction by the Wilson lower bound and shares the weights of indicators without a data source', () => {
		const a = evaluateCommunity(SCHEME, A);
		expect(a.score).toBe(90.06);
		expect(a.indicators).toEqual([
			{ indicator: 'satisfaction', actual: 0.627677, score: 0.784596, dropped: null, effectiveWeight: 0.461538 },
			{ indicator: 'dispatch_resolution', actual: null, score: null, dropped: 'no_source', effectiveWeight: null },
			{ indicator: 'proposals_on_time', actual: 0.9, score: 1, dropped: null, effectiveWeight: 0.307692 },
			{ indicator: 'vote_participation', actual: 0.3, score: 1, dropped: null, effectiveWeight: 0.230769 },
			{ indicator: 'coverage', actual: null, score: null, dropped: 'no_source', effectiveWeight: null }
		]);
	});

	it('drops satisfaction under its minimum n, never imputes it, and renormalises what is left', () => {
		const b = evaluateCommunity(SCHEME, B);
		// 100 × (20 × 1.111111 + 15 × 1.25) / 35
		expect(b.score).toBe(117.06);
		expect(b.indicators.map((i) => [i.indicator, i.dropped, i.effectiveWeight])).toEqual([
			['satisfaction', 'below_min_n', null],
			['dispatch_resolution', 'no_source', null],
			['proposals_on_time', null, 0.571429],
			['vote_participation', null, 0.428571],
			['coverage', 'no_source', null]
		]);
	});

	it('leaves a community with every indicator dropped unscored, and a zero denominator counts as no data', () => {
		const c = evaluateCommunity(SCHEME, [f('satisfaction', 0, 0, 25), f('proposals_on_time', 0, 0, 5), f('vote_participation', 1, 3)]);
		expect(c.score).toBeNull();
		expect(c.indicators.map((i) => i.dropped)).toEqual(['no_data', 'no_source', 'no_data', 'below_min_n', 'no_source']);
	});
});

describe('the ranking', () => {
	it('puts the higher composite first and leaves the unscored out', () => {
		const ranked = rank([
			{ slug: 'a', score: 90.06, satisfaction: { score: 0.784596, n: 60 } },
			{ slug: 'b', score: 117.06, satisfaction: { score: null, n: 6 } },
			{ slug: 'c', score: null, satisfaction: { score: null, n: 0 } }
		]);
		expect(ranked).toEqual([
			{ slug: 'b', rank: 1, tieBroken: false },
			{ slug: 'a', rank: 2, tieBroken: false }
		]);
	});

	it('breaks a tie by the satisfaction score, then its n, then the address', () => {
		const tied = [
			{ slug: 'zeta', score: 100, satisfaction: { score: 0.9, n: 30 } },
			{ slug: 'eta', score: 100, satisfaction: { score: null, n: 5 } },
			{ slug: 'beta', score: 100, satisfaction: { score: 0.9, n: 40 } },
			{ slug: 'alpha', score: 100, satisfaction: { score: 0.9, n: 30 } },
			{ slug: 'gamma', score: 100, satisfaction: { score: 0.95, n: 21 } }
		];
		expect(rank(tied).map((r) => [r.slug, r.rank, r.tieBroken])).toEqual([
			['gamma', 1, false],
			['beta', 2, true],
			['alpha', 3, true],
			['zeta', 4, true],
			['eta', 5, true]
		]);
		expect(compareRanked(tied[3], tied[0])).toBeLessThan(0);
	});
});

describe('以獎代補: the pool shared by score within floor and cap, to the fen', () => {
	it('shares in proportion and gives the fen left over to the largest remainder', () => {
		// exact shares 44148.024…, 35913.387…, 19938.589… fen
		expect(splitAwards([{ slug: 'b', points: 110.71 }, { slug: 'a', points: 90.06 }, { slug: 'c', points: 50 }], 100_000, 10_000, 50_000)).toEqual({ ok: true, value: [44148, 35913, 19939] });
	});
	it('holds a community at its cap and shares the rest among the others', () => {
		expect(splitAwards([{ slug: 'a', points: 120 }, { slug: 'b', points: 10 }, { slug: 'c', points: 10 }], 100_000, 10_000, 60_000)).toEqual({ ok: true, value: [60000, 20000, 20000] });
	});
	it('lifts a community to its floor and shares the rest among the others', () => {
		expect(splitAwards([{ slug: 'a', points: 100 }, { slug: 'b', points: 100 }, { slug: 'c', points: 1 }], 90_000, 20_000, 80_000)).toEqual({ ok: true, value: [35000, 35000, 20000] });
	});
	it('gives a fen left over on equal remainders and scores to the better rank, and a zero score the floor', () => {
		expect(splitAwards([{ slug: 'a', points: 1 }, { slug: 'b', points: 1 }, { slug: 'c', points: 1 }], 100, 0, 100)).toEqual({ ok: true, value: [34, 33, 33] });
		expect(splitAwards([{ slug: 'a', points: 1 }, { slug: 'b', points: 0 }], 100, 10, 100)).toEqual({ ok: true, value: [90, 10] });
	});
	it('refuses a pool below every floor or above every cap, and nobody to reward', () => {
		expect(splitAwards([{ slug: 'a', points: 50 }, { slug: 'b', points: 60 }], 10_000, 6_000, 9_000)).toMatchObject({ ok: false, error: 'evaluation_award_below_floors', params: { min: 12000 } });
		expect(splitAwards([{ slug: 'a', points: 50 }, { slug: 'b', points: 60 }], 20_000, 6_000, 9_000)).toMatchObject({ ok: false, error: 'evaluation_award_above_caps', params: { max: 18000 } });
		expect(splitAwards([], 100, 0, 100)).toMatchObject({ ok: false, error: 'evaluation_award_nobody' });
	});
	it('always adds up to the pool exactly', () => {
		const entries = Array.from({ length: 50 }, (_, i) => ({ slug: `c${i}`, points: round(40 + ((i * 37) % 85) + i / 7, 2) }));
		for (const pool of [1_000_000_03, 123_456_789, 50 * 300_000]) {
			const split = splitAwards(entries, pool, 300_000, 4_000_000);
			expect(split.ok).toBe(true);
			if (split.ok) {
				expect(split.value.reduce((s, x) => s + x, 0)).toBe(pool);
				expect(Math.min(...split.value)).toBeGreaterThanOrEqual(300_000);
				expect(Math.max(...split.value)).toBeLessThanOrEqual(4_000_000);
			}
		}
	});
});
