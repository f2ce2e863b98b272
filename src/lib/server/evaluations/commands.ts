// 社區評價: street staff define scheme versions (announced to every committee of the street), take a period's
// snapshot again until they publish it, set the 以獎代補 pool with its floor and cap, and publish. Every write to a
// snapshot is guarded by state = 'draft'; the database refuses any change to a published one besides.
import { and, eq, gt, max, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type Context } from '../kernel/command';
import type { DbOrTx } from '../db/client';
import { chinaDate } from '../db/time';
import { err, ok } from '../result';
import { communities } from '../org/schema';
import { memberships } from '../residency/schema';
import { COMMITTEE_ROLE } from '../policy';
import { evaluationResults, evaluationSchemes, evaluationSnapshots, schemeIndicators } from './schema';
import { loadPeriod, loadScheme, loadStreetSchemes, onStreet, periodLink, type PeriodRecord } from './records';
import { computeSnapshot } from './snapshot';
import { isFrozen, startProblem } from './schemes';
import { schemeSchema, awardsSchema, type SchemeInput } from './validation';
import { splitAwards } from './awards';
import { periodContaining } from './periods';

/** Every committee member of the street's communities: told of a new scheme and of a published evaluation. */
function streetCommittees(tx: DbOrTx, streetId: number): number[] {
	return tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.innerJoin(communities, eq(communities.id, memberships.communityId))
		.where(and(eq(communities.streetId, streetId), eq(memberships.role, COMMITTEE_ROLE), eq(memberships.status, 'verified')))
		.all()
		.map((r) => r.userId);
}

const firstPeriodKey = (input: SchemeInput) => periodContaining(input.periodKind, input.startsAt).key;

function writeIndicators(tx: DbOrTx, schemeId: number, input: SchemeInput) {
	tx.insert(schemeIndicators)
		.values(input.indicators.map((i, position) => ({ schemeId, indicator: i.indicator, weight: i.weight, targetPercent: i.targetPercent, minN: i.minN, position })))
		.run();
}

const schemeAudit = (streetId: number, version: number, input: SchemeInput) => ({
	subjectType: 'evaluation_scheme',
	subjectId: streetId,
	summary: { version, periodKind: input.periodKind, from: chinaDate(input.startsAt), indicators: Object.fromEntries(input.indicators.map((i) => [i.indicator, [i.weight, i.targetPercent, i.minN]])) }
});

/**
 * A new version of the street's scheme, applying from a period that has not started (after every existing
 * version); the committees are told. Two at once: the unique (street, version) index keeps one.
 */
export const createScheme = defineCommand({
	action: 'evaluation.create_scheme',
	load: loadStreetSchemes,
	subject: onStreet,
	input: schemeSchema,
	check: (_db, { record, input, now }) => {
		const problem = startProblem(record.schemes, input.periodKind, input.startsAt, now);
		return problem ? err('invalid', { fields: { firstPeriod: problem } }) : null;
	},
	conflict: 'evaluation_scheme_conflict',
	run: ({ tx, actor, record: { street }, input, now, notify }) => {
		const version = (tx.select({ v: max(evaluationSchemes.version) }).from(evaluationSchemes).where(eq(evaluationSchemes.streetId, street.id)).get()?.v ?? 0) + 1;
		const scheme = tx
			.insert(evaluationSchemes)
			.values({ streetId: street.id, version, periodKind: input.periodKind, startsAt: input.startsAt, note: input.note, createdBy: actor.userId, createdAt: now, updatedAt: now })
			.returning()
			.get();
		writeIndicators(tx, scheme.id, input);
		notify(streetCommittees(tx, street.id), 'evaluation_scheme_announced', { street: street.name, version, from: firstPeriodKey(input) }, `/street/${street.slug}/evaluations/schemes`);
		return ok({ version });
	},
	audit: ({ record: { street }, input }, { version }) => schemeAudit(street.id, version, input)
});

/** Changes the latest version while its first period has not started; the committees are told again. */
export const editScheme = defineCommand({
	action: 'evaluation.edit_scheme',
	load: loadScheme,
	subject: onStreet,
	rule: (_actor, { scheme, schemes }, now) => (isFrozen(scheme, now) ? 'evaluation_scheme_frozen' : scheme.version !== schemes.at(-1)!.version ? 'evaluation_scheme_not_latest' : null),
	input: schemeSchema,
	check: (_db, { record, input, now }) => {
		const problem = startProblem(record.schemes.filter((s) => s.version !== record.scheme.version), input.periodKind, input.startsAt, now);
		return problem ? err('invalid', { fields: { firstPeriod: problem } }) : null;
	},
	conflict: 'evaluation_scheme_conflict',
	run: ({ tx, record: { street, scheme }, input, now, notify }) => {
		// Guarded: not once its first period has started, nor after a newer version appeared meanwhile.
		const newer = tx
			.select({ id: evaluationSchemes.id })
			.from(evaluationSchemes)
			.where(and(eq(evaluationSchemes.streetId, street.id), gt(evaluationSchemes.version, scheme.version)));
		const changed = tx
			.update(evaluationSchemes)
			.set({ periodKind: input.periodKind, startsAt: input.startsAt, note: input.note, updatedAt: now })
			.where(and(eq(evaluationSchemes.id, scheme.id), gt(evaluationSchemes.startsAt, now), notExists(newer)))
			.run();
		if (changed.changes === 0) return err('evaluation_scheme_frozen');
		tx.delete(schemeIndicators).where(eq(schemeIndicators.schemeId, scheme.id)).run();
		writeIndicators(tx, scheme.id, input);
		notify(streetCommittees(tx, street.id), 'evaluation_scheme_changed', { street: street.name, version: scheme.version, from: firstPeriodKey(input) }, `/street/${street.slug}/evaluations/schemes`);
		return ok({ version: scheme.version });
	},
	audit: ({ record: { street }, input }, { version }) => schemeAudit(street.id, version, input)
});

// ── A period's snapshot ───────────────────────────────────────────────────────────────────────────────────────

const published = (r: PeriodRecord) => r.snapshot?.state === 'published';
const periodAudit = ({ record }: Context<PeriodRecord, unknown>, summary: Record<string, unknown>) => ({
	subjectType: 'evaluation_period',
	subjectId: record.snapshot?.id ?? null,
	summary: { period: record.period.key, ...summary }
});

/** Takes the period's snapshot now (the job does at the period's end), or again, until it is published. */
export const takeSnapshot = defineCommand({
	action: 'evaluation.snapshot',
	load: loadPeriod,
	subject: onStreet,
	rule: (_actor, record, now) => (record.period.endsAt > now ? 'evaluation_period_running' : published(record) ? 'evaluation_published' : null),
	input: z.object({}),
	conflict: 'evaluation_snapshot_conflict',
	run: ({ tx, actor, record, now }) => {
		const done = computeSnapshot(tx, record.street.id, record.period, record.scheme, actor.userId, now);
		return done ? ok(done) : err('evaluation_published');
	},
	audit: ({ record }, v) => ({ subjectType: 'evaluation_period', subjectId: v.snapshot.id, summary: { period: record.period.key, communities: v.communities, ranked: v.ranked, again: !v.created } })
});

/** Publishes the draft: its figures, ranking and awards never change afterwards; the committees are told. */
export const publishSnapshot = defineCommand({
	action: 'evaluation.publish',
	load: loadPeriod,
	subject: onStreet,
	rule: (_actor, record) => (!record.snapshot ? 'evaluation_no_snapshot' : published(record) ? 'evaluation_published' : null),
	input: z.object({}),
	run: ({ tx, actor, record, now, notify }) => {
		const changed = tx
			.update(evaluationSnapshots)
			.set({ state: 'published', publishedAt: now, publishedBy: actor.userId })
			.where(and(eq(evaluationSnapshots.id, record.snapshot!.id), eq(evaluationSnapshots.state, 'draft')))
			.run();
		if (changed.changes === 0) return err('evaluation_published');
		notify(streetCommittees(tx, record.street.id), 'evaluation_published', { street: record.street.name, period: record.period.key }, periodLink(record.street, record.period.key));
		return ok(null);
	},
	audit: (c) => periodAudit(c, {})
});

/** The ranked communities' scores, best first, as the draft stores them. */
function rankedScores(db: DbOrTx, snapshotId: number) {
	return db
		.select({ communityId: evaluationResults.communityId, slug: evaluationResults.communitySlug, points: evaluationResults.score, rank: evaluationResults.rank })
		.from(evaluationResults)
		.where(and(eq(evaluationResults.snapshotId, snapshotId), sql`${evaluationResults.rank} is not null`))
		.orderBy(evaluationResults.rank)
		.all()
		.map((r) => ({ ...r, points: r.points! }));
}

/**
 * 以獎代補: street staff set the period's reward pool and each community's floor and cap (yuan, to the fen); the
 * awards are the pool shared by score (awards.ts) and are stored with the draft, to be published with it.
 */
export const setAwards = defineCommand({
	action: 'evaluation.set_awards',
	load: loadPeriod,
	subject: onStreet,
	rule: (_actor, record) => (!record.snapshot ? 'evaluation_no_snapshot' : published(record) ? 'evaluation_published' : null),
	input: awardsSchema,
	check: (db, { record, input }) => {
		const split = splitAwards(rankedScores(db, record.snapshot!.id), input.pool, input.floor, input.cap);
		return split.ok ? null : err(split.error, { params: Object.fromEntries(Object.entries(split.params ?? {}).map(([k, v]) => [k, (Number(v) / 100).toFixed(2)])) });
	},
	run: ({ tx, actor, record, input, now }) => {
		const snapshotId = record.snapshot!.id;
		const changed = tx
			.update(evaluationSnapshots)
			.set({ rewardPoolFen: input.pool, rewardFloorFen: input.floor, rewardCapFen: input.cap, awardsMarkedAt: now, awardsMarkedBy: actor.userId })
			.where(and(eq(evaluationSnapshots.id, snapshotId), eq(evaluationSnapshots.state, 'draft')))
			.run();
		if (changed.changes === 0) return err('evaluation_published');
		const ranked = rankedScores(tx, snapshotId);
		const split = splitAwards(ranked, input.pool, input.floor, input.cap);
		if (!split.ok) return split;
		tx.update(evaluationResults).set({ awardFen: null }).where(eq(evaluationResults.snapshotId, snapshotId)).run();
		ranked.forEach((r, i) =>
			tx
				.update(evaluationResults)
				.set({ awardFen: split.value[i] })
				.where(and(eq(evaluationResults.snapshotId, snapshotId), eq(evaluationResults.communityId, r.communityId)))
				.run()
		);
		return ok({ awards: Object.fromEntries(ranked.map((r, i) => [r.slug, split.value[i]])) });
	},
	audit: (c, v) => periodAudit(c, { poolFen: c.input.pool, floorFen: c.input.floor, capFen: c.input.cap, awardsFen: v.awards })
});
