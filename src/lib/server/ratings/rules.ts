// Pure rules of 效果共評: the rating window, who counts as satisfied, and what is published about a subject —
// n, a histogram per dimension, the mean, and the satisfaction rate with its 95 % Wilson interval (or 樣本不足).
import { DAY } from '../db/time';
import { RATING_SHAPES, type RatingDimension, type RatingKind } from '../../codes';

/** A subject may be rated for this long after it was accepted or opened, unless its domain says otherwise. */
export const RATING_WINDOW_DAYS = 30;
/** Below this many answers no rate is shown: 樣本不足. */
export const MIN_SAMPLE = 10;
/** The normal quantile of a two-sided 95 % interval, as a spreadsheet user would type it. */
export const Z95 = 1.96;

export type Scale = 3 | 5;
export const scaleOf = (kind: RatingKind): Scale => RATING_SHAPES[kind].scale;
export const dimensionsOf = (kind: RatingKind): readonly RatingDimension[] => RATING_SHAPES[kind].dimensions;

/** The window that opens at `opensAt` and lasts the default number of days. */
export function defaultWindow(opensAt: number, days = RATING_WINDOW_DAYS) {
	return { opensAt, closesAt: opensAt + days * DAY };
}

export type Window = { opensAt: number; closesAt: number };
export type WindowState = 'upcoming' | 'open' | 'closed';

export function windowState(w: Window, now: number): WindowState {
	if (now < w.opensAt) return 'upcoming';
	return now < w.closesAt ? 'open' : 'closed';
}

/** Why a rating cannot be given or changed now, or null when it can. */
export function ratingBlocked(w: Window, now: number): 'rating_not_open' | 'rating_closed' | null {
	const state = windowState(w, now);
	return state === 'upcoming' ? 'rating_not_open' : state === 'closed' ? 'rating_closed' : null;
}

/** 4 and 5 of five; 滿意 (3) and 基本滿意 (2) of three. */
export const satisfiedFrom = (scale: Scale) => (scale === 5 ? 4 : 2);
export const isSatisfied = (scale: Scale, overall: number) => overall >= satisfiedFrom(scale);

/**
 * The Wilson score interval of `k` successes in `n` trials (z = 1.96 for 95 %), or null when n is 0:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 */
export function wilson(k: number, n: number, z = Z95): { lower: number; upper: number } | null {
	if (n <= 0) return null;
	const p = k / n;
	const z2 = z * z;
	const centre = p + z2 / (2 * n);
	const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const denominator = 1 + z2 / n;
	return { lower: Math.max(0, (centre - margin) / denominator), upper: Math.min(1, (centre + margin) / denominator) };
}

export type RatingRow = { overall: number; scores: Partial<Record<RatingDimension, number>> };
export type Distribution = {
	/** How many answered this part. */
	n: number;
	/** counts[v - 1]: how many gave v. */
	counts: number[];
	mean: number | null;
};
export type RatingSummary = {
	scale: Scale;
	n: number;
	overall: Distribution;
	dimensions: ({ dimension: RatingDimension } & Distribution)[];
	satisfied: number;
	/** Null below MIN_SAMPLE answers (樣本不足): no rate is shown then. */
	rate: { share: number; lower: number; upper: number } | null;
	insufficient: boolean;
};

/** A histogram (counts[v - 1]: how many gave v) with its n and mean. */
function distribution(counts: readonly number[]): Distribution {
	let n = 0;
	let sum = 0;
	counts.forEach((c, i) => {
		n += c;
		sum += c * (i + 1);
	});
	return { n, counts: [...counts], mean: n ? sum / n : null };
}

export type Histograms = { overall: readonly number[]; dimensions: Partial<Record<RatingDimension, readonly number[]>> };

/** Counts per mark of rows: what `summarizeCounts` reads (pages count in SQL instead). */
export function histograms(kind: RatingKind, rows: readonly RatingRow[]): Histograms {
	const scale = scaleOf(kind);
	const empty = () => Array.from({ length: scale }, () => 0);
	const overall = empty();
	const dimensions: Partial<Record<RatingDimension, number[]>> = {};
	for (const r of rows) {
		overall[r.overall - 1]++;
		for (const d of dimensionsOf(kind)) {
			const v = r.scores[d];
			if (v !== undefined) (dimensions[d] ??= empty())[v - 1]++;
		}
	}
	return { overall, dimensions };
}

/** What is published about a subject's ratings, from the counts of each mark. */
export function summarizeCounts(kind: RatingKind, h: Histograms): RatingSummary {
	const scale = scaleOf(kind);
	const pad = (counts: readonly number[] | undefined) => Array.from({ length: scale }, (_, i) => counts?.[i] ?? 0);
	const overall = distribution(pad(h.overall));
	const dimensions = dimensionsOf(kind).map((dimension) => ({ dimension, ...distribution(pad(h.dimensions[dimension])) }));
	const satisfied = overall.counts.slice(satisfiedFrom(scale) - 1).reduce((a, b) => a + b, 0);
	const insufficient = overall.n < MIN_SAMPLE;
	const interval = wilson(satisfied, overall.n);
	return {
		scale,
		n: overall.n,
		overall,
		dimensions,
		satisfied,
		rate: insufficient || !interval ? null : { share: satisfied / overall.n, ...interval },
		insufficient
	};
}

/** What is published about a subject's ratings. */
export const summarize = (kind: RatingKind, rows: readonly RatingRow[]): RatingSummary => summarizeCounts(kind, histograms(kind, rows));
