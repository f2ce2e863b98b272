// Reads for the evaluation pages: the street's ranking with each community's trend, a period's full table, and
// one community's indicators with what moved them. Published snapshots only, except for the street's staff,
// who also see the drafts they are preparing. A bounded number of statements each, however many periods.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { chinaDate } from '../db/time';
import { evaluationInputs, evaluationResults, evaluationSnapshots } from './schema';
import { periodsUntil, schemesOf, type Scheme } from './schemes';
import { periodDays } from './periods';
import type { EvidenceItem } from './document';

/** How many past periods a trend line shows. */
export const TREND_PERIODS = 8;

export type TrendPoint = { key: string; score: number | null };
export type PeriodState = 'running' | 'awaiting' | 'draft' | 'published';

/** The street's periods (newest first) with their state, the latest published ranking, and trends. Four statements. */
export function streetEvaluations(db: DbOrTx, streetId: number, staff: boolean, now: number) {
	const schemes = schemesOf(db, streetId);
	const snapshots = db.select().from(evaluationSnapshots).where(eq(evaluationSnapshots.streetId, streetId)).orderBy(desc(evaluationSnapshots.startsAt)).all();
	const byKey = new Map(snapshots.map((s) => [s.periodKey, s]));
	const periods = periodsUntil(schemes, now, 12).map((p) => {
		const s = byKey.get(p.key);
		const state: PeriodState = p.endsAt > now ? 'running' : !s ? 'awaiting' : s.state === 'published' ? 'published' : 'draft';
		const [firstDay, lastDay] = periodDays(p);
		return { key: p.key, firstDay, lastDay, state, version: p.scheme.version, publishedAt: s?.publishedAt ?? null };
	});
	const published = snapshots.filter((s) => s.state === 'published').slice(0, TREND_PERIODS);
	const results = published.length
		? db
				.select()
				.from(evaluationResults)
				.where(inArray(evaluationResults.snapshotId, published.map((s) => s.id)))
				.all()
		: [];
	const latest = published[0] ?? null;
	const oldestFirst = [...published].reverse();
	const trendOf = (communityId: number): TrendPoint[] =>
		oldestFirst.map((s) => ({ key: s.periodKey, score: results.find((r) => r.snapshotId === s.id && r.communityId === communityId)?.score ?? null }));
	const ranking = latest
		? results
				.filter((r) => r.snapshotId === latest.id)
				.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.communitySlug.localeCompare(b.communitySlug))
				.map((r) => ({ slug: r.communitySlug, name: r.communityName, score: r.score, rank: r.rank, tieBroken: r.tieBroken, awardFen: r.awardFen, trend: trendOf(r.communityId) }))
		: [];
	return {
		schemes: schemes.map(schemeSummary),
		periods: staff ? periods : periods.filter((p) => p.state === 'published' || p.state === 'running'),
		latest: latest ? { key: latest.periodKey, publishedAt: latest.publishedAt!, rewardPoolFen: latest.rewardPoolFen } : null,
		ranking
	};
}

export const schemeSummary = (s: Scheme) => ({ version: s.version, periodKind: s.periodKind, firstDay: chinaDate(s.startsAt), startsAt: s.startsAt, note: s.note, indicators: s.indicators });

/**
 * One community's latest published evaluation: each indicator with its figures, score, weight, why it was
 * dropped and the records behind it; its rank among how many; and its trend. Five statements.
 */
export function communityEvaluation(db: DbOrTx, community: { id: number; streetId: number }) {
	const published = db
		.select()
		.from(evaluationSnapshots)
		.where(and(eq(evaluationSnapshots.streetId, community.streetId), eq(evaluationSnapshots.state, 'published')))
		.orderBy(desc(evaluationSnapshots.startsAt))
		.limit(TREND_PERIODS)
		.all();
	const latest = published[0];
	if (!latest) return null;
	const mine = db
		.select()
		.from(evaluationResults)
		.where(and(eq(evaluationResults.communityId, community.id), inArray(evaluationResults.snapshotId, published.map((s) => s.id))))
		.all();
	const ranked = db
		.select({ rank: evaluationResults.rank })
		.from(evaluationResults)
		.where(eq(evaluationResults.snapshotId, latest.id))
		.all()
		.filter((r) => r.rank !== null).length;
	const inputs = db
		.select()
		.from(evaluationInputs)
		.where(and(eq(evaluationInputs.snapshotId, latest.id), eq(evaluationInputs.communityId, community.id)))
		.all();
	const scheme = schemesOf(db, community.streetId).find((s) => s.id === latest.schemeId);
	const order = new Map(scheme?.indicators.map((i, n) => [i.indicator, n]) ?? []);
	const result = mine.find((r) => r.snapshotId === latest.id) ?? null;
	return {
		key: latest.periodKey,
		days: periodDays(latest),
		publishedAt: latest.publishedAt!,
		version: scheme?.version ?? null,
		score: result?.score ?? null,
		rank: result?.rank ?? null,
		ranked,
		awardFen: result?.awardFen ?? null,
		trend: [...published].reverse().map((s) => ({ key: s.periodKey, score: mine.find((r) => r.snapshotId === s.id)?.score ?? null })),
		indicators: inputs
			.sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0))
			.map((i) => ({ ...i, items: JSON.parse(i.items) as EvidenceItem[] }))
	};
}
