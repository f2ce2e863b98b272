// The downloadable evaluation (JSON): the scheme, every community's raw figures with the records behind them,
// and the results. `verifyDocument` reads such a file alone, recomputes every score, the ranking and the
// awards with the same function the server used, and lists whatever differs.
import { z } from 'zod';
import { EVALUATION_INDICATORS, INDICATOR_DROPS, PERIOD_KINDS, SNAPSHOT_STATES } from '../../codes';
import { recompute } from './recompute';
import { SCORE_CAP } from './rules';
import { Z95 } from '../ratings/rules';

export const DOCUMENT_FORMAT = 'gongtong-dizao/evaluation/1';

/** How every figure is computed, in words, for the person who opens the file in a spreadsheet. */
export const METHOD = {
	actual_share: 'numerator / denominator, rounded to 6 decimals',
	actual_wilson_lower: `lower end of the 95 % Wilson score interval of numerator out of denominator (z = ${Z95}): (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with p = numerator/denominator and n = denominator, rounded to 6 decimals`,
	score: `min(actual / (targetPercent / 100), ${SCORE_CAP}), rounded to 6 decimals`,
	dropped: 'no_source: the indicator has no data source yet; below_min_n: n is below the scheme’s minimum; no_data: nothing to count. A dropped indicator is never imputed: the weights of the others are renormalised',
	composite: '100 × Σ(weight × score) / Σ weight over the indicators not dropped, rounded to 2 decimals (points, 0–125); no indicator left: not ranked',
	ranking: 'composite, higher first; equal composite: the satisfaction score, higher first (dropped counts lowest), then more satisfaction answers (n), then the community slug in alphabetical order',
	awards:
		'each ranked community gets clamp(λ × composite, floorFen, capFen) for the λ at which the awards add up to poolFen (composite 0: the floor); fractions of a fen are cut off and the fen left over go one each to the largest remainders (equal remainders: higher composite, then better rank)'
} as const;

// a time-averaged share (co-management coverage) may count in fractions; n is always whole
const figure = z.number().nonnegative().nullable();
const item = z.object({ kind: z.string(), title: z.string(), href: z.string(), numerator: z.number().optional(), denominator: z.number().optional(), note: z.string().optional() });

const documentSchema = z.object({
	format: z.literal(DOCUMENT_FORMAT),
	street: z.object({ slug: z.string(), name: z.string() }),
	period: z.object({ key: z.string(), kind: z.enum(PERIOD_KINDS), firstDay: z.string(), lastDay: z.string() }),
	state: z.enum(SNAPSHOT_STATES),
	computedAt: z.string(),
	publishedAt: z.string().nullable(),
	scheme: z.object({
		version: z.number().int(),
		periodKind: z.enum(PERIOD_KINDS),
		firstDay: z.string(),
		indicators: z.array(
			z.object({
				indicator: z.enum(EVALUATION_INDICATORS),
				weight: z.number().int().min(1).max(100),
				targetPercent: z.number().int().min(1).max(100),
				minN: z.number().int().nonnegative(),
				measure: z.enum(['share', 'wilson_lower'])
			})
		)
	}),
	method: z.record(z.string(), z.string()),
	reward: z.object({ poolFen: z.number().int().nonnegative(), floorFen: z.number().int().nonnegative(), capFen: z.number().int().nonnegative() }).nullable(),
	communities: z.array(
		z.object({
			slug: z.string(),
			name: z.string(),
			score: z.number().nullable(),
			rank: z.number().int().nullable(),
			tieBroken: z.boolean(),
			awardFen: z.number().int().nullable(),
			indicators: z.array(
				z.object({
					indicator: z.enum(EVALUATION_INDICATORS),
					source: z.boolean(),
					numerator: figure,
					denominator: figure,
					n: z.number().int().nonnegative().nullable(),
					actual: z.number().nullable(),
					score: z.number().nullable(),
					dropped: z.enum(INDICATOR_DROPS).nullable(),
					effectiveWeight: z.number().nullable(),
					items: z.array(item)
				})
			)
		})
	),
	ranking: z.array(z.string())
});

export type EvaluationDocument = z.infer<typeof documentSchema>;
export type EvidenceItem = z.infer<typeof item>;

export type Mismatch = { where: string; stated: unknown; recomputed: unknown };
export type Verification = { ok: true; communities: number; ranked: number; mismatches: Mismatch[] } | { ok: false; problem: string };

/** Reads a downloaded file and recomputes it from its own scheme and inputs. */
export function verifyDocument(json: unknown): Verification {
	const parsed = documentSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, problem: `not an evaluation file of this portal: ${issue.path.join('.') || '(top)'}: ${issue.message}` };
	}
	const doc = parsed.data;
	const out = recompute({
		scheme: doc.scheme.indicators,
		communities: doc.communities.map((c) => ({ slug: c.slug, figures: c.indicators.map(({ indicator, source, numerator, denominator, n }) => ({ indicator, source, numerator, denominator, n })) })),
		reward: doc.reward
	});
	const mismatches: Mismatch[] = [];
	const same = (where: string, stated: unknown, recomputed: unknown) => {
		if (!Object.is(stated, recomputed)) mismatches.push({ where, stated, recomputed });
	};
	for (const [i, c] of doc.communities.entries()) {
		const r = out.communities[i];
		for (const s of doc.scheme.indicators) {
			const stated = c.indicators.find((x) => x.indicator === s.indicator);
			const again = r.indicators.find((x) => x.indicator === s.indicator)!;
			const at = `${c.slug} ${s.indicator}`;
			if (!stated) {
				mismatches.push({ where: `${at}: missing from the file`, stated: undefined, recomputed: again.score });
				continue;
			}
			same(`${at} actual`, stated.actual, again.actual);
			same(`${at} score`, stated.score, again.score);
			same(`${at} dropped`, stated.dropped, again.dropped);
			same(`${at} effective weight`, stated.effectiveWeight, again.effectiveWeight);
		}
		same(`${c.slug} score`, c.score, r.score);
		same(`${c.slug} rank`, c.rank, r.rank);
		same(`${c.slug} tie broken`, c.tieBroken, r.tieBroken);
		same(`${c.slug} award (fen)`, c.awardFen, r.awardFen);
	}
	same('ranking', doc.ranking.join(' > '), out.ranking.join(' > '));
	return { ok: true, communities: doc.communities.length, ranked: out.ranking.length, mismatches };
}
