// Snapshots: at the end of a period every community of the street is measured with each indicator of the
// scheme in force, the pure recompute turns the figures into scores, a ranking and awards, and everything is
// stored. The job runner takes the snapshot when the period ends; street staff may take it again (the command
// `takeSnapshot`) until they publish it.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { communities, streets } from '../org/schema';
import type { EvaluationIndicator } from '../../codes';
import { evaluationInputs, evaluationResults, evaluationSnapshots } from './schema';
import { SOURCES, type IndicatorRegistry } from './indicators';
import type { EvidenceItem } from './document';
import { recompute, type Reward } from './recompute';
import type { Figures } from './rules';
import { periodsUntil, schemesOf, type Scheme } from './schemes';
import type { Period } from './periods';

export type SnapshotRow = typeof evaluationSnapshots.$inferSelect;
export type Measurement = { id: number; slug: string; name: string; figures: (Figures & { items: EvidenceItem[] })[] };

/** Every community of the street measured with every indicator of the scheme over the period. */
export function measure(db: DbOrTx, streetId: number, period: Pick<Period, 'startsAt' | 'endsAt'>, scheme: Scheme, sources: IndicatorRegistry = SOURCES): Measurement[] {
	const list = db.select().from(communities).where(eq(communities.streetId, streetId)).orderBy(asc(communities.id)).all();
	return list.map((c) => ({
		id: c.id,
		slug: c.slug,
		name: c.name,
		figures: scheme.indicators.map(({ indicator }) => figuresOf(db, sources, indicator, c, period))
	}));
}

function figuresOf(db: DbOrTx, sources: IndicatorRegistry, indicator: EvaluationIndicator, c: { id: number; slug: string }, period: Pick<Period, 'startsAt' | 'endsAt'>) {
	const source = sources[indicator];
	if (!source) return { indicator, source: false, numerator: null, denominator: null, n: null, items: [] };
	const m = source(db, c, period.startsAt, period.endsAt);
	return { indicator, source: true, numerator: m.numerator, denominator: m.denominator, n: m.n, items: m.items };
}

const rewardOf = (s: Pick<SnapshotRow, 'rewardPoolFen' | 'rewardFloorFen' | 'rewardCapFen'>): Reward | null =>
	s.rewardPoolFen === null || s.rewardFloorFen === null || s.rewardCapFen === null ? null : { poolFen: s.rewardPoolFen, floorFen: s.rewardFloorFen, capFen: s.rewardCapFen };

/** Writes a draft snapshot's inputs and results (the draft row exists and holds no rows). */
function writeRows(tx: DbOrTx, snapshot: SnapshotRow, scheme: Scheme, measured: Measurement[]) {
	const out = recompute({ scheme: scheme.indicators, communities: measured.map((c) => ({ slug: c.slug, figures: c.figures })), reward: rewardOf(snapshot) });
	const inputs = measured.flatMap((c, i) =>
		scheme.indicators.map((s) => {
			const f = c.figures.find((x) => x.indicator === s.indicator)!;
			const o = out.communities[i].indicators.find((x) => x.indicator === s.indicator)!;
			return {
				snapshotId: snapshot.id,
				communityId: c.id,
				indicator: s.indicator,
				numerator: f.numerator,
				denominator: f.denominator,
				n: f.n,
				weight: s.weight,
				targetPercent: s.targetPercent,
				minN: s.minN,
				actual: o.actual,
				score: o.score,
				dropped: o.dropped,
				effectiveWeight: o.effectiveWeight,
				items: JSON.stringify(f.items)
			};
		})
	);
	// SQLite takes at most 32,766 bound values per statement: write in slices.
	for (let i = 0; i < inputs.length; i += 500) tx.insert(evaluationInputs).values(inputs.slice(i, i + 500)).run();
	const results = measured.map((c, i) => {
		const r = out.communities[i];
		return { snapshotId: snapshot.id, communityId: c.id, communitySlug: c.slug, communityName: c.name, score: r.score, rank: r.rank, tieBroken: r.tieBroken, awardFen: r.awardFen };
	});
	if (results.length) tx.insert(evaluationResults).values(results).run();
	return out;
}

/**
 * Computes the period's snapshot into a new draft, or again into the existing draft. Returns null when the
 * snapshot is published (a guarded update found no draft): published figures never change.
 */
export function computeSnapshot(tx: DbOrTx, streetId: number, period: Period, scheme: Scheme, by: number | null, now: number) {
	const existing = tx
		.select()
		.from(evaluationSnapshots)
		.where(and(eq(evaluationSnapshots.streetId, streetId), eq(evaluationSnapshots.periodKey, period.key)))
		.get();
	let snapshot: SnapshotRow;
	if (existing) {
		const claimed = tx
			.update(evaluationSnapshots)
			.set({ computedAt: now, computedBy: by })
			.where(and(eq(evaluationSnapshots.id, existing.id), eq(evaluationSnapshots.state, 'draft')))
			.returning()
			.get();
		if (!claimed) return null;
		snapshot = claimed;
		tx.delete(evaluationInputs).where(eq(evaluationInputs.snapshotId, snapshot.id)).run();
		tx.delete(evaluationResults).where(eq(evaluationResults.snapshotId, snapshot.id)).run();
	} else {
		snapshot = tx
			.insert(evaluationSnapshots)
			.values({ streetId, periodKey: period.key, startsAt: period.startsAt, endsAt: period.endsAt, schemeId: scheme.id, computedAt: now, computedBy: by })
			.returning()
			.get();
	}
	const measured = measure(tx, streetId, period, scheme);
	const out = writeRows(tx, snapshot, scheme, measured);
	return { snapshot, created: !existing, communities: measured.length, ranked: out.ranking.length, awardError: out.awardError };
}

/**
 * The job: for every street, each period that has ended since its first scheme started and has no snapshot
 * yet is computed (so a missed run catches up). Two processes at once end with one snapshot: the unique
 * (street, period) index refuses the second, which moves on.
 */
export function runEvaluationSnapshots(db: Db, now: number): string[] {
	const taken: string[] = [];
	for (const street of db.select({ id: streets.id, slug: streets.slug }).from(streets).all()) {
		const schemes = schemesOf(db, street.id);
		if (!schemes.length) continue;
		const known = new Set(
			db
				.select({ key: evaluationSnapshots.periodKey })
				.from(evaluationSnapshots)
				.where(eq(evaluationSnapshots.streetId, street.id))
				.all()
				.map((s) => s.key)
		);
		const ended = periodsUntil(schemes, now).filter((p) => p.endsAt <= now && !known.has(p.key));
		for (const period of ended.reverse()) {
			try {
				const done = db.transaction((tx) => computeSnapshot(tx, street.id, period, period.scheme, null, now), { behavior: 'immediate' });
				if (done?.created) taken.push(`${street.slug}/${period.key}`);
			} catch (e) {
				if (!isUniqueViolation(e)) throw e;
			}
		}
	}
	return taken;
}
