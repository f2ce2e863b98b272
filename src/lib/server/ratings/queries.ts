// Reads for the pages that show ratings: a subject's panel (the published figures, the person's own rating,
// the comments), summaries of many subjects at once, what a person can still rate, a community's list.
// Each is a bounded number of statements, however many ratings there are: marks are counted in SQL.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../policy';
import { renderMarkdown } from '../../markdown';
import { communities } from '../org/schema';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';
import { propertyPeriods, ratings, ratingScores, ratingSubjects, type RatingDimension, type RatingKind } from './schema';
import { loadRatingSubject, type RatingSubject, type RatingTarget } from './records';
import { ratingAbilities } from './abilities';
import { summarizeCounts, windowState, type Histograms, type RatingSummary, type WindowState } from './rules';

/** How many comments a subject's page lists (the newest). */
export const PANEL_COMMENTS = 50;

type Key = { kind: RatingKind; subjectId: number };
const keyOf = (k: Key) => `${k.kind}:${k.subjectId}`;

/** Counts of each mark, overall and per dimension, of some subjects: two grouped statements. */
function countsOf(db: DbOrTx, keys: Key[]): Map<string, Histograms> {
	const out = new Map<string, Histograms>();
	if (!keys.length) return out;
	const wanted = new Set(keys.map(keyOf));
	const where = and(inArray(ratings.subjectKind, [...new Set(keys.map((k) => k.kind))]), inArray(ratings.subjectId, [...new Set(keys.map((k) => k.subjectId))]));
	const entry = (kind: RatingKind, subjectId: number) => {
		const key = keyOf({ kind, subjectId });
		if (!wanted.has(key)) return null;
		let h = out.get(key);
		if (!h) out.set(key, (h = { overall: [0, 0, 0, 0, 0], dimensions: {} }));
		return h as { overall: number[]; dimensions: Partial<Record<RatingDimension, number[]>> };
	};
	const overall = db
		.select({ kind: ratings.subjectKind, subjectId: ratings.subjectId, mark: ratings.overall, n: count() })
		.from(ratings)
		.where(where)
		.groupBy(ratings.subjectKind, ratings.subjectId, ratings.overall)
		.all();
	for (const r of overall) {
		const h = entry(r.kind, r.subjectId);
		if (h) h.overall[r.mark - 1] = r.n;
	}
	const parts = db
		.select({ kind: ratings.subjectKind, subjectId: ratings.subjectId, dimension: ratingScores.dimension, mark: ratingScores.score, n: count() })
		.from(ratingScores)
		.innerJoin(ratings, eq(ratings.id, ratingScores.ratingId))
		.where(where)
		.groupBy(ratings.subjectKind, ratings.subjectId, ratingScores.dimension, ratingScores.score)
		.all();
	for (const r of parts) {
		const h = entry(r.kind, r.subjectId);
		if (h) (h.dimensions[r.dimension] ??= [0, 0, 0, 0, 0])[r.mark - 1] = r.n;
	}
	return out;
}

const NONE: Histograms = { overall: [], dimensions: {} };

export type PublishedRating = {
	kind: RatingKind;
	subjectId: number;
	title: string;
	opensAt: number;
	closesAt: number;
	state: WindowState;
	invited: number;
	summary: RatingSummary;
};

const published = (subject: RatingSubject, counts: Histograms | undefined, now: number): PublishedRating => ({
	kind: subject.kind,
	subjectId: subject.subjectId,
	title: subject.title,
	opensAt: subject.opensAt,
	closesAt: subject.closesAt,
	state: windowState(subject, now),
	invited: subject.invited,
	summary: summarizeCounts(subject.kind, counts ?? NONE)
});

export type RatingComment = { id: number; overall: number; html: string | null; hiddenReason: string | null; updatedAt: number; mine: boolean };
export type RatingPanelData = PublishedRating & {
	mine: { overall: number; scores: Partial<Record<RatingDimension, number>>; comment: string | null; updatedAt: number } | null;
	canRate: boolean;
	canModerate: boolean;
	/** Signed in, but not someone who may rate here (not a verified resident; not this report's reporter). */
	signedIn: boolean;
	comments: RatingComment[];
};

/**
 * Everything a subject's rating panel shows, or null when the subject is not open for rating (a project not
 * accepted yet). Comments are shown without names; hidden ones show the committee's reason to everyone and
 * their text only to the committee.
 */
export function ratingPanel(db: DbOrTx, actor: Actor | null | undefined, target: RatingTarget, now: number): RatingPanelData | null {
	const record = loadRatingSubject(db, target);
	if (!record) return null;
	const { subject } = record;
	const key = { kind: subject.kind, subjectId: subject.subjectId };
	const ofSubject = and(eq(ratings.subjectKind, subject.kind), eq(ratings.subjectId, subject.subjectId));
	const can = ratingAbilities(actor, record, now);
	const moderator = can.hide;
	const own = actor ? db.select().from(ratings).where(and(ofSubject, eq(ratings.raterId, actor.userId))).get() : undefined;
	const ownScores = own
		? Object.fromEntries(db.select().from(ratingScores).where(eq(ratingScores.ratingId, own.id)).all().map((s) => [s.dimension, s.score]))
		: {};
	const comments = db
		.select()
		.from(ratings)
		.where(and(ofSubject, isNotNull(ratings.comment)))
		.orderBy(desc(ratings.updatedAt), desc(ratings.id))
		.limit(PANEL_COMMENTS)
		.all()
		.map((r) => ({
			id: r.id,
			overall: r.overall,
			html: r.commentHiddenAt === null || moderator ? renderMarkdown(r.comment!) : null,
			hiddenReason: r.commentHiddenReason,
			updatedAt: r.updatedAt,
			mine: r.raterId === actor?.userId
		}));
	return {
		...published(subject, countsOf(db, [key]).get(keyOf(key)), now),
		mine: own ? { overall: own.overall, scores: ownScores, comment: own.comment, updatedAt: own.updatedAt } : null,
		canRate: subject.kind === 'report' ? can.rateReport : can.rate,
		canModerate: moderator,
		signedIn: Boolean(actor),
		comments
	};
}

/** The published figures of many subjects of one kind (the outcomes page), keyed by subject id. Three statements. */
export function ratingSummaries(db: DbOrTx, kind: RatingKind, subjectIds: number[], now: number): Record<number, PublishedRating> {
	if (!subjectIds.length) return {};
	const subjects = db
		.select()
		.from(ratingSubjects)
		.where(and(eq(ratingSubjects.kind, kind), inArray(ratingSubjects.subjectId, subjectIds)))
		.all();
	const counts = countsOf(db, subjects.map((s) => ({ kind, subjectId: s.subjectId })));
	return Object.fromEntries(subjects.map((s) => [s.subjectId, published(s, counts.get(keyOf(s)), now)]));
}

/**
 * What this person can rate now: open subjects of the communities where they are a verified resident (and
 * the reports they reported), newest closing last, with whether they have rated each. Two statements.
 */
export function ratableFor(db: DbOrTx, userId: number, now: number, limit = 20) {
	const homes = db
		.select({ communityId: memberships.communityId })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.status, 'verified'), inArray(memberships.role, RESIDENT_ROLES)))
		.all()
		.flatMap((m) => (m.communityId === null ? [] : [m.communityId]));
	const mine = and(isNull(ratingSubjects.raterId), homes.length ? inArray(ratingSubjects.communityId, homes) : sql`0`);
	return db
		.select({
			kind: ratingSubjects.kind,
			subjectId: ratingSubjects.subjectId,
			title: ratingSubjects.title,
			link: ratingSubjects.link,
			closesAt: ratingSubjects.closesAt,
			communityName: communities.name,
			ratedAt: ratings.updatedAt
		})
		.from(ratingSubjects)
		.innerJoin(communities, eq(communities.id, ratingSubjects.communityId))
		.leftJoin(ratings, and(eq(ratings.subjectKind, ratingSubjects.kind), eq(ratings.subjectId, ratingSubjects.subjectId), eq(ratings.raterId, userId)))
		.where(and(lte(ratingSubjects.opensAt, now), gt(ratingSubjects.closesAt, now), or(mine, eq(ratingSubjects.raterId, userId))))
		.orderBy(asc(ratingSubjects.closesAt), asc(ratingSubjects.id))
		.limit(limit)
		.all();
}

/** A community's subjects: open ones first (closing soonest first), then the recently closed; with answers. Three statements. */
export function communityRatings(db: DbOrTx, communityId: number, now: number, limit = 40) {
	const subjects = db
		.select({ subject: ratingSubjects, note: propertyPeriods.note, closedEarlyAt: propertyPeriods.closedEarlyAt })
		.from(ratingSubjects)
		.leftJoin(propertyPeriods, and(eq(ratingSubjects.kind, 'property'), eq(propertyPeriods.id, ratingSubjects.subjectId)))
		// a report's rating belongs to its reporter and is shown on the report's own page
		.where(and(eq(ratingSubjects.communityId, communityId), sql`${ratingSubjects.kind} <> 'report'`))
		.orderBy(sql`case when ${ratingSubjects.closesAt} > ${now} then 0 else 1 end`, sql`case when ${ratingSubjects.closesAt} > ${now} then ${ratingSubjects.closesAt} else -${ratingSubjects.closesAt} end`, desc(ratingSubjects.id))
		.limit(limit)
		.all();
	const counts = countsOf(db, subjects.map(({ subject: s }) => ({ kind: s.kind, subjectId: s.subjectId })));
	return subjects.map(({ subject, note, closedEarlyAt }) => ({
		...published(subject, counts.get(keyOf(subject)), now),
		link: subject.link,
		note: note ?? '',
		closedEarly: closedEarlyAt !== null
	}));
}
