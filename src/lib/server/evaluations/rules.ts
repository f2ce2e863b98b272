// Pure rules of 社區評價: an indicator's actual value and score, dropping and renormalising, the composite
// score and the ranking. Functions of plain data only: the server's snapshot and `npm run evaluation -- verify`
// both run them (through recompute.ts), so a downloaded file recomputes to the same figures.
//
//   actual       share: numerator / denominator; wilson_lower: the lower end of the 95 % Wilson interval of
//                numerator out of denominator (z = 1.96) — rounded to 6 decimals
//   score        min(actual / (targetPercent / 100), 1.25), rounded to 6 decimals
//   dropped      no data source yet (no_source), n below the scheme's minimum (below_min_n), nothing to count
//                (no_data): never imputed; the other indicators' weights are renormalised to add up to 1
//   composite    100 × Σ weight × score / Σ weight over the indicators kept, rounded to 2 decimals (points, 0–125)
//   ranking      composite, higher first; on equal composite: the satisfaction score, higher first (a community
//                whose satisfaction was dropped after one where it counted); then more satisfaction answers (n);
//                then the community's address (slug) in alphabetical order
import { wilson } from '../ratings/rules';
import type { EvaluationIndicator, IndicatorDrop } from '../../codes';

export const SCORE_CAP = 1.25;
export type Measure = 'share' | 'wilson_lower';
/** How each indicator's actual value is read from its numerator and denominator. */
export const MEASURES: Record<EvaluationIndicator, Measure> = {
	satisfaction: 'wilson_lower',
	dispatch_resolution: 'share',
	proposals_on_time: 'share',
	vote_participation: 'share',
	coverage: 'share'
};

/** Rounded half away from zero at `places` decimals (as JavaScript's Math.round does for positive numbers). */
export function round(x: number, places: number): number {
	const f = 10 ** places;
	return Math.round(x * f) / f;
}

export type SchemeIndicator = { indicator: EvaluationIndicator; weight: number; targetPercent: number; minN: number; measure: Measure };
export type Figures = { indicator: EvaluationIndicator; source: boolean; numerator: number | null; denominator: number | null; n: number | null };
export type IndicatorOutcome = {
	indicator: EvaluationIndicator;
	actual: number | null;
	score: number | null;
	dropped: IndicatorDrop | null;
	/** The weight it carried after renormalising (a share of 1, 6 decimals); null when dropped. */
	effectiveWeight: number | null;
};
export type CommunityOutcome = { score: number | null; indicators: IndicatorOutcome[] };

export function actualOf(measure: Measure, numerator: number, denominator: number): number | null {
	if (denominator <= 0) return null;
	const value = measure === 'wilson_lower' ? wilson(numerator, denominator)!.lower : numerator / denominator;
	return round(value, 6);
}

export function indicatorScore(actual: number, targetPercent: number): number {
	return round(Math.min(actual / (targetPercent / 100), SCORE_CAP), 6);
}

/** Why an indicator counts for nothing in this community, or null when it counts. */
export function dropOf(s: SchemeIndicator, f: Figures | undefined): IndicatorDrop | null {
	if (!f || !f.source || f.numerator === null || f.denominator === null || f.n === null) return 'no_source';
	if (f.n < s.minN) return 'below_min_n';
	if (f.denominator <= 0) return 'no_data';
	return null;
}

/** One community under a scheme: each indicator's actual, score or reason for being dropped, and the composite. */
export function evaluateCommunity(scheme: readonly SchemeIndicator[], figures: readonly Figures[]): CommunityOutcome {
	const kept = scheme.filter((s) => dropOf(s, figures.find((f) => f.indicator === s.indicator)) === null);
	const total = kept.reduce((sum, s) => sum + s.weight, 0);
	let weighted = 0;
	const indicators = scheme.map((s): IndicatorOutcome => {
		const f = figures.find((x) => x.indicator === s.indicator);
		const dropped = dropOf(s, f);
		if (dropped) return { indicator: s.indicator, actual: null, score: null, dropped, effectiveWeight: null };
		const actual = actualOf(s.measure, f!.numerator!, f!.denominator!)!;
		const score = indicatorScore(actual, s.targetPercent);
		weighted += s.weight * score;
		return { indicator: s.indicator, actual, score, dropped: null, effectiveWeight: round(s.weight / total, 6) };
	});
	return { score: total > 0 ? round((100 * weighted) / total, 2) : null, indicators };
}

export type Rankable = { slug: string; score: number | null; satisfaction: { score: number | null; n: number | null } };
export type Ranked = { slug: string; rank: number; tieBroken: boolean };

/** The documented order between two communities with a score (see the top of this file). */
export function compareRanked(a: Rankable, b: Rankable): number {
	if (a.score !== b.score) return b.score! - a.score!;
	const sa = a.satisfaction.score ?? -1;
	const sb = b.satisfaction.score ?? -1;
	if (sa !== sb) return sb - sa;
	const na = a.satisfaction.score === null ? -1 : (a.satisfaction.n ?? -1);
	const nb = b.satisfaction.score === null ? -1 : (b.satisfaction.n ?? -1);
	if (na !== nb) return nb - na;
	return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Ranks 1…k for the communities with a score; `tieBroken` marks one placed after an equal composite by the tie-break. */
export function rank(items: readonly Rankable[]): Ranked[] {
	const sorted = items.filter((i) => i.score !== null).sort(compareRanked);
	return sorted.map((item, i) => ({ slug: item.slug, rank: i + 1, tieBroken: i > 0 && sorted[i - 1].score === item.score }));
}
