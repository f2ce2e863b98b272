// 效果共評: residents rate what was done for them. One table of ratings for every kind of subject, keyed by
// (subject kind, subject id, rater) with a unique index; the marks beyond the overall one in a child table.
// A rating never changes the thing it rates: nothing here points back into another domain's state.
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey, check, foreignKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, grids } from '../org/schema';
import { RATING_DIMENSIONS, RATING_KINDS } from '../../codes';

export { RATING_DIMENSIONS, RATING_KINDS, RATING_SHAPES, type RatingDimension, type RatingKind } from '../../codes';

/**
 * Something residents may rate, with its rating window. Opened by the domain it belongs to (an accepted
 * project by the ratings job, a 物業 period by the committee, a handled report by dispatch), once per
 * (kind, subject id). Title and link are kept as they were when it opened, for lists and evaluations.
 */
export const ratingSubjects = sqliteTable(
	'rating_subjects',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: RATING_KINDS }).notNull(),
		/** The project's, report's, area's or 物業 period's id. */
		subjectId: integer('subject_id').notNull(),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		/** The grid it belongs to, when it has one (an area). */
		gridId: integer('grid_id').references(() => grids.id),
		title: text('title').notNull(),
		link: text('link').notNull(),
		/** Only this person may rate it (a report's reporter); null: any verified resident of the community. */
		raterId: integer('rater_id').references(() => users.id),
		opensAt: integer('opens_at').notNull(),
		closesAt: integer('closes_at').notNull(),
		/** When the invitations went to people's inboxes, and to how many. */
		invitedAt: integer('invited_at'),
		invited: integer('invited').notNull().default(0),
		openedBy: integer('opened_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('rating_subjects_subject_uq').on(t.kind, t.subjectId),
		// a community's subjects by when their window closes: lists, /my, and the satisfaction indicator
		index('rating_subjects_community_idx').on(t.communityId, t.closesAt),
		index('rating_subjects_rater_idx').on(t.raterId),
		check('rating_subjects_window_ck', sql`${t.closesAt} > ${t.opensAt}`),
		check('rating_subjects_invited_ck', sql`${t.invited} >= 0`)
	]
);

/** One rating per person per subject (the unique index: two at once end in one row). */
export const ratings = sqliteTable(
	'ratings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		subjectKind: text('subject_kind', { enum: RATING_KINDS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		raterId: integer('rater_id')
			.notNull()
			.references(() => users.id),
		/** 1–5; for a report 1 不滿意, 2 基本滿意, 3 滿意. */
		overall: integer('overall').notNull(),
		/** Markdown, rendered through markdown.ts. */
		comment: text('comment'),
		/** The committee hid the comment (never the marks); the reason shows in its place. */
		commentHiddenReason: text('comment_hidden_reason'),
		commentHiddenBy: integer('comment_hidden_by').references(() => users.id),
		commentHiddenAt: integer('comment_hidden_at'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('ratings_subject_rater_uq').on(t.subjectKind, t.subjectId, t.raterId),
		index('ratings_rater_idx').on(t.raterId, t.updatedAt),
		foreignKey({ name: 'ratings_subject_fk', columns: [t.subjectKind, t.subjectId], foreignColumns: [ratingSubjects.kind, ratingSubjects.subjectId] }).onDelete('cascade'),
		check('ratings_overall_ck', sql`${t.overall} between 1 and 5 and (${t.subjectKind} <> 'report' or ${t.overall} <= 3)`),
		check('ratings_comment_ck', sql`${t.comment} is null or length(${t.comment}) between 1 and 2000`),
		check('ratings_hidden_ck', sql`${t.commentHiddenAt} is null or (${t.commentHiddenReason} is not null and ${t.comment} is not null)`)
	]
);

/** The marks of a rating beyond the overall one (quality, timeliness …), on the subject kind's scale. */
export const ratingScores = sqliteTable(
	'rating_scores',
	{
		ratingId: integer('rating_id')
			.notNull()
			.references(() => ratings.id, { onDelete: 'cascade' }),
		dimension: text('dimension', { enum: RATING_DIMENSIONS }).notNull(),
		score: integer('score').notNull()
	},
	(t) => [primaryKey({ columns: [t.ratingId, t.dimension] }), check('rating_scores_score_ck', sql`${t.score} between 1 and 5`)]
);

/** A period in which a community's residents rate its property management (物業), opened by the committee. */
export const propertyPeriods = sqliteTable(
	'property_rating_periods',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		title: text('title').notNull(),
		/** What the committee asks residents to think about (plain text). */
		note: text('note').notNull().default(''),
		/** Set when the committee closed the window before its date. */
		closedEarlyAt: integer('closed_early_at'),
		openedBy: integer('opened_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('property_rating_periods_community_idx').on(t.communityId, t.createdAt), check('property_rating_periods_title_ck', sql`length(${t.title}) between 1 and 100`)]
);
