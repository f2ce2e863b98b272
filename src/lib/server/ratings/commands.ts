// 效果共評: a verified resident rates (and, while the window is open, re-rates) what was done; a report's
// reporter rates its handling; the committee hides a comment with a reason, restores it, and opens and closes
// 物業 rating periods. A rating writes only ratings: the thing rated stays as it was.
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type Context } from '../kernel/command';
import type { DbOrTx } from '../db/client';
import { chinaDate, chinaDayStart } from '../db/time';
import { err, ok, type Result } from '../result';
import { loadCommunity, communitySubject, type CommunityRecord } from '../org/records';
import { propertyPeriods, ratings, ratingScores, ratingSubjects, RATING_SHAPES, type RatingDimension } from './schema';
import { loadPropertyPeriod, loadRatingSubject, propertyLink, ratingSubjectPolicy, type PropertyPeriodRecord, type RatingSubjectRecord } from './records';
import { ensureSubject, openRatingSubject } from './subjects';
import { ratingBlocked, windowState } from './rules';
import { hideRatingSchema, openPeriodSchema, rateInput, ratingIdSchema, type RawRating } from './validation';

const onSubject = { load: loadRatingSubject, subject: ratingSubjectPolicy };

// ── Rating ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The marks the subject's kind asks for, on its scale: what is stored. */
function marksOf(record: RatingSubjectRecord, v: RawRating): { overall: number; scores: [RatingDimension, number][] } {
	const { dimensions } = RATING_SHAPES[record.subject.kind];
	const scores = dimensions.flatMap((d) => (v[d] ? [[d, Number(v[d])] as [RatingDimension, number]] : []));
	return { overall: Number(v.overall), scores };
}

/** Marks above a 3-point scale (a report) are refused beside their field. */
function onScale(record: RatingSubjectRecord, v: RawRating) {
	const { scale, dimensions } = RATING_SHAPES[record.subject.kind];
	const fields: Record<string, string> = {};
	if (Number(v.overall) > scale) fields.overall = 'err_rating_overall';
	for (const d of dimensions) if (v[d] && Number(v[d]) > scale) fields[d] = 'err_rating_mark';
	return Object.keys(fields).length ? err('invalid', { fields }) : null;
}

type Rated = { ratingId: number; edited: boolean; overall: number };

/** Writes the person's rating (or replaces it while the window is open); never touches the subject itself. */
function writeRating({ tx, actor, record, input, now }: Context<RatingSubjectRecord, RawRating>): Result<Rated> {
	const row = ensureSubject(tx, record.subject, now);
	// Guarded: the window as it stands in this transaction (the committee may have just closed a 物業 period).
	const blocked = ratingBlocked(row, now);
	if (blocked) return err(blocked);
	const { overall, scores } = marksOf(record, input);
	const comment = input.comment ? input.comment : null;
	const key = and(eq(ratings.subjectKind, row.kind), eq(ratings.subjectId, row.subjectId), eq(ratings.raterId, actor.userId));
	const existing = tx.select().from(ratings).where(key).get();
	let ratingId: number;
	if (existing) {
		// A changed comment is a new text: the committee's hiding of the old one does not carry over.
		const unchanged = existing.comment === comment;
		tx.update(ratings)
			.set({
				overall,
				comment,
				updatedAt: now,
				...(unchanged ? {} : { commentHiddenReason: null, commentHiddenBy: null, commentHiddenAt: null })
			})
			.where(eq(ratings.id, existing.id))
			.run();
		tx.delete(ratingScores).where(eq(ratingScores.ratingId, existing.id)).run();
		ratingId = existing.id;
	} else {
		ratingId = tx
			.insert(ratings)
			.values({ subjectKind: row.kind, subjectId: row.subjectId, raterId: actor.userId, overall, comment, createdAt: now, updatedAt: now })
			.returning({ id: ratings.id })
			.get().id;
	}
	if (scores.length) tx.insert(ratingScores).values(scores.map(([dimension, score]) => ({ ratingId, dimension, score }))).run();
	return ok({ ratingId, edited: existing !== undefined, overall });
}

const auditRating = ({ record, input }: Context<RatingSubjectRecord, RawRating>, v: Rated) => ({
	subjectType: `rating_${record.subject.kind}`,
	subjectId: record.subject.subjectId,
	summary: { rating: v.ratingId, overall: v.overall, scores: Object.fromEntries(marksOf(record, input).scores), comment: Boolean(input.comment), edited: v.edited }
});

/**
 * A verified resident of the community rates an accepted project, a 物業 period or an area's upkeep: once, and
 * again while the window is open (the unique index keeps it one row). A report is rated by `rateReport`.
 */
export const rateSubject = defineCommand({
	action: 'rating.rate',
	...onSubject,
	rule: (actor, { subject }, now) =>
		subject.kind === 'report' ? 'rating_report_only_reporter' : subject.raterId !== null && subject.raterId !== actor.userId ? 'rating_not_yours' : ratingBlocked(subject, now),
	input: rateInput,
	check: (_db, { record, input }) => onScale(record, input),
	conflict: 'rating_conflict',
	run: writeRating,
	audit: auditRating
});

/**
 * The reporter rates how their report was handled: 滿意 (3) / 基本滿意 (2) / 不滿意 (1), with speed and attitude.
 * Dispatch opens the subject (`openRatingSubject` with kind 'report' and the reporter as `raterId`) when the
 * report is handled, and its report page puts this command behind its `rate` action.
 */
export const rateReport = defineCommand({
	action: 'rating.rate_report',
	...onSubject,
	rule: (_actor, { subject }, now) => (subject.kind !== 'report' ? 'not_found' : ratingBlocked(subject, now)),
	input: rateInput,
	check: (_db, { record, input }) => onScale(record, input),
	conflict: 'rating_conflict',
	run: writeRating,
	audit: auditRating
});

// ── Moderating comments ───────────────────────────────────────────────────────────────────────────────────────

/** The rating named in the form is one of this subject's, with a comment. */
function ratingOf(db: DbOrTx, record: RatingSubjectRecord, ratingId: number) {
	return db
		.select()
		.from(ratings)
		.where(and(eq(ratings.id, ratingId), eq(ratings.subjectKind, record.subject.kind), eq(ratings.subjectId, record.subject.subjectId), isNotNull(ratings.comment)))
		.get();
}
const commentOfSubject = (db: DbOrTx, { record, input }: { record: RatingSubjectRecord; input: { ratingId: number } }) =>
	ratingOf(db, record, input.ratingId) ? null : err('not_found');

/** The committee hides a rating's comment (never its marks); the reason shows in its place and is sent to its author. */
export const hideRatingComment = defineCommand({
	action: 'rating.hide_comment',
	...onSubject,
	input: hideRatingSchema,
	check: commentOfSubject,
	run: ({ tx, actor, record, input, now, notify }) => {
		const hidden = tx
			.update(ratings)
			.set({ commentHiddenReason: input.reason, commentHiddenBy: actor.userId, commentHiddenAt: now })
			.where(and(eq(ratings.id, input.ratingId), isNotNull(ratings.comment), isNull(ratings.commentHiddenAt)))
			.returning({ raterId: ratings.raterId })
			.get();
		if (!hidden) return err('rating_comment_already_hidden');
		notify([hidden.raterId], 'rating_comment_hidden', { title: record.subject.title, reason: input.reason }, record.subject.link);
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'rating', subjectId: input.ratingId, summary: { subject: `${record.subject.kind}:${record.subject.subjectId}`, reason: input.reason } })
});

/** The committee shows a hidden comment again. */
export const restoreRatingComment = defineCommand({
	action: 'rating.restore_comment',
	...onSubject,
	input: ratingIdSchema,
	check: commentOfSubject,
	run: ({ tx, input }) => {
		const changed = tx
			.update(ratings)
			.set({ commentHiddenReason: null, commentHiddenBy: null, commentHiddenAt: null })
			.where(and(eq(ratings.id, input.ratingId), isNotNull(ratings.commentHiddenAt)))
			.run();
		return changed.changes ? ok(null) : err('rating_comment_not_hidden');
	},
	audit: ({ record, input }) => ({ subjectType: 'rating', subjectId: input.ratingId, summary: { subject: `${record.subject.kind}:${record.subject.subjectId}` } })
});

// ── 物業 rating periods ───────────────────────────────────────────────────────────────────────────────────────

/** Another 物業 period of the community whose window overlaps [opensAt, closesAt). */
function overlapping(db: DbOrTx, communityId: number, opensAt: number, closesAt: number) {
	return db
		.select({ id: ratingSubjects.subjectId })
		.from(ratingSubjects)
		.where(and(eq(ratingSubjects.communityId, communityId), eq(ratingSubjects.kind, 'property'), lt(ratingSubjects.opensAt, closesAt), gt(ratingSubjects.closesAt, opensAt)))
		.get();
}

/**
 * The committee opens a period in which residents rate the property-management service (物業): from today or
 * a later day, for at most MAX_PERIOD_DAYS; one period at a time. Residents are invited when it opens.
 */
export const openPropertyPeriod = defineCommand({
	action: 'rating.open_period',
	load: loadCommunity,
	subject: (community: CommunityRecord) => communitySubject(community),
	input: openPeriodSchema,
	check: (db, { record, input, now }) => {
		if (input.opensAt < chinaDayStart(chinaDate(now))) return err('invalid', { fields: { opensOn: 'err_rating_period_past' } });
		return overlapping(db, record.id, input.opensAt, input.closesAt) ? err('rating_period_overlaps') : null;
	},
	run: ({ tx, actor, record: community, input, now }) => {
		if (overlapping(tx, community.id, input.opensAt, input.closesAt)) return err('rating_period_overlaps');
		const period = tx
			.insert(propertyPeriods)
			.values({ communityId: community.id, title: input.title, note: input.note, openedBy: actor.userId, createdAt: now })
			.returning()
			.get();
		const row = openRatingSubject(
			tx,
			{ kind: 'property', subjectId: period.id, communityId: community.id, title: input.title, link: propertyLink(community, period.id), opensAt: input.opensAt, closesAt: input.closesAt, openedBy: actor.userId },
			now
		);
		return ok({ id: period.id, invited: row.invited, scheduled: input.opensAt > now });
	},
	audit: ({ input }, v) => ({ subjectType: 'property_period', subjectId: v.id, summary: { title: input.title, opensAt: input.opensAt, closesAt: input.closesAt, invited: v.invited } })
});

/** The committee closes an open 物業 period before its last day; ratings given so far stay. */
export const closePropertyPeriod = defineCommand({
	action: 'rating.close_period',
	load: loadPropertyPeriod,
	subject: ({ community }: PropertyPeriodRecord) => communitySubject(community),
	rule: (_actor, { subject }, now) => {
		const state = windowState(subject, now);
		return state === 'open' ? null : state === 'upcoming' ? 'rating_not_open' : 'rating_closed';
	},
	input: z.object({}),
	run: ({ tx, record: { period }, now }) => {
		// Guarded: of two closings at once one is recorded; a period that ended meanwhile is not reopened.
		const closed = tx
			.update(ratingSubjects)
			.set({ closesAt: now })
			.where(and(eq(ratingSubjects.kind, 'property'), eq(ratingSubjects.subjectId, period.id), gt(ratingSubjects.closesAt, now), sql`${ratingSubjects.opensAt} < ${now}`))
			.run();
		if (closed.changes === 0) return err('rating_closed');
		tx.update(propertyPeriods).set({ closedEarlyAt: now }).where(eq(propertyPeriods.id, period.id)).run();
		return ok(null);
	},
	audit: ({ record: { period } }) => ({ subjectType: 'property_period', subjectId: period.id, summary: { title: period.title } })
});

