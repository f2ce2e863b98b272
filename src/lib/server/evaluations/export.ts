// The downloads of a period's evaluation: the JSON document (scheme, method, every community's raw figures with
// the records behind them, and the results) that `npm run evaluation -- verify` recomputes, and the same inputs
// and results as CSV, one row per community and indicator, for a spreadsheet.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { chinaDate } from '../db/time';
import type { EvaluationIndicator } from '../../codes';
import { evaluationInputs, evaluationResults } from './schema';
import { schemesOf, withMeasure } from './schemes';
import { DOCUMENT_FORMAT, METHOD, type EvaluationDocument, type EvidenceItem } from './document';
import { periodDays } from './periods';
import type { PeriodRecord } from './records';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** The snapshot of the period as a self-contained document, or null when the period has none. Four statements. */
export function evaluationDocument(db: DbOrTx, record: PeriodRecord): EvaluationDocument | null {
	const { street, period, snapshot } = record;
	if (!snapshot) return null;
	const scheme = schemesOf(db, street.id).find((s) => s.id === snapshot.schemeId) ?? record.scheme;
	const results = db.select().from(evaluationResults).where(eq(evaluationResults.snapshotId, snapshot.id)).orderBy(asc(evaluationResults.communityId)).all();
	const inputs = db.select().from(evaluationInputs).where(eq(evaluationInputs.snapshotId, snapshot.id)).all();
	const order = new Map(scheme.indicators.map((i, position) => [i.indicator, position]));
	const [firstDay, lastDay] = periodDays(period);
	const communities = results.map((r) => ({
		slug: r.communitySlug,
		name: r.communityName,
		score: r.score,
		rank: r.rank,
		tieBroken: r.tieBroken,
		awardFen: r.awardFen,
		indicators: inputs
			.filter((i) => i.communityId === r.communityId)
			.sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0))
			.map((i) => ({
				indicator: i.indicator,
				source: i.dropped !== 'no_source',
				numerator: i.numerator,
				denominator: i.denominator,
				n: i.n,
				actual: i.actual,
				score: i.score,
				dropped: i.dropped,
				effectiveWeight: i.effectiveWeight,
				items: JSON.parse(i.items) as EvidenceItem[]
			}))
	}));
	const ranking = results
		.filter((r) => r.rank !== null)
		.sort((a, b) => a.rank! - b.rank!)
		.map((r) => r.communitySlug);
	const reward =
		snapshot.rewardPoolFen === null || snapshot.rewardFloorFen === null || snapshot.rewardCapFen === null
			? null
			: { poolFen: snapshot.rewardPoolFen, floorFen: snapshot.rewardFloorFen, capFen: snapshot.rewardCapFen };
	return {
		format: DOCUMENT_FORMAT,
		street: { slug: street.slug, name: street.name },
		period: { key: period.key, kind: period.kind, firstDay, lastDay },
		state: snapshot.state,
		computedAt: iso(snapshot.computedAt)!,
		publishedAt: iso(snapshot.publishedAt),
		scheme: {
			version: scheme.version,
			periodKind: scheme.periodKind,
			firstDay: chinaDate(scheme.startsAt),
			// the weights, targets and minimums as the snapshot used them (stored with each input)
			indicators: scheme.indicators.map((s) => {
				const used = inputs.find((i) => i.indicator === s.indicator);
				return withMeasure({ indicator: s.indicator as EvaluationIndicator, weight: used?.weight ?? s.weight, targetPercent: used?.targetPercent ?? s.targetPercent, minN: used?.minN ?? s.minN });
			})
		},
		method: { ...METHOD },
		reward,
		communities,
		ranking
	};
}

const CSV_COLUMNS = [
	'community_slug',
	'community_name',
	'indicator',
	'numerator',
	'denominator',
	'n',
	'weight',
	'target_percent',
	'min_n',
	'measure',
	'actual',
	'score',
	'dropped',
	'effective_weight',
	'community_score',
	'rank',
	'award_yuan'
] as const;

/** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
function field(v: unknown): string {
	if (v === null || v === undefined) return '';
	let s = String(v);
	if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The document as CSV (UTF-8 with a byte-order mark so that spreadsheets read the Chinese names). */
export function evaluationCsv(doc: EvaluationDocument): string {
	const scheme = new Map(doc.scheme.indicators.map((s) => [s.indicator, s]));
	const rows = doc.communities.flatMap((c) =>
		c.indicators.map((i) => {
			const s = scheme.get(i.indicator)!;
			return [
				c.slug,
				c.name,
				i.indicator,
				i.numerator,
				i.denominator,
				i.n,
				s.weight,
				s.targetPercent,
				s.minN,
				s.measure,
				i.actual,
				i.score,
				i.dropped,
				i.effectiveWeight,
				c.score,
				c.rank,
				c.awardFen === null ? null : (c.awardFen / 100).toFixed(2)
			];
		})
	);
	return '\uFEFF' + [CSV_COLUMNS, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
