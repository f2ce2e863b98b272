// THE recompute: from a scheme and every community's raw figures to each indicator's score, the composite,
// the ranking and the 以獎代補 awards. The server stores what this returns; `npm run evaluation -- verify`
// runs it on a downloaded file and compares. Pure: no database, no clock.
import { evaluateCommunity, rank, type Figures, type IndicatorOutcome, type SchemeIndicator } from './rules';
import { splitAwards, type AwardError } from './awards';

export type Reward = { poolFen: number; floorFen: number; capFen: number };
export type RecomputeInput = {
	scheme: readonly SchemeIndicator[];
	communities: readonly { slug: string; figures: readonly Figures[] }[];
	reward: Reward | null;
};
export type CommunityResult = {
	slug: string;
	score: number | null;
	rank: number | null;
	tieBroken: boolean;
	awardFen: number | null;
	indicators: IndicatorOutcome[];
};
export type RecomputeOutput = {
	communities: CommunityResult[];
	/** Slugs, best first; communities without a score are not ranked. */
	ranking: string[];
	/** Why no awards could be split (the pool outside what floors and caps allow). */
	awardError: AwardError | null;
};

export function recompute(input: RecomputeInput): RecomputeOutput {
	const evaluated = input.communities.map((c) => ({ slug: c.slug, ...evaluateCommunity(input.scheme, c.figures), figures: c.figures }));
	const ranked = rank(
		evaluated.map((c) => {
			const satisfaction = c.indicators.find((i) => i.indicator === 'satisfaction');
			const n = c.figures.find((f) => f.indicator === 'satisfaction')?.n ?? null;
			return { slug: c.slug, score: c.score, satisfaction: { score: satisfaction?.score ?? null, n } };
		})
	);
	const place = new Map(ranked.map((r) => [r.slug, r]));
	let awards = new Map<string, number>();
	let awardError: AwardError | null = null;
	if (input.reward) {
		const entries = ranked.map((r) => ({ slug: r.slug, points: evaluated.find((c) => c.slug === r.slug)!.score! }));
		const split = splitAwards(entries, input.reward.poolFen, input.reward.floorFen, input.reward.capFen);
		if (split.ok) awards = new Map(entries.map((e, i) => [e.slug, split.value[i]]));
		else awardError = split.error;
	}
	return {
		communities: evaluated.map((c) => ({
			slug: c.slug,
			score: c.score,
			rank: place.get(c.slug)?.rank ?? null,
			tieBroken: place.get(c.slug)?.tieBroken ?? false,
			awardFen: awards.get(c.slug) ?? null,
			indicators: c.indicators
		})),
		ranking: ranked.map((r) => r.slug),
		awardError
	};
}
