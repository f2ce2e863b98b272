import { sqliteTable, integer, text, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities } from '../org/schema';
import { proposals } from '../proposals/schema';
import { COMMENT_STATUSES, REPORT_REASONS, STAGES, STANCES, THREAD_STATES } from '../../codes';

export { COMMENT_STATUSES, REPORT_REASONS, STAGES, STANCES, THREAD_STATES, type CommentStatus, type Stance } from '../../codes';

/** A consultation thread (協商議事), opened by the committee from a proposal or on its own. */
export const consultations = sqliteTable(
	'consultations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		proposalId: integer('proposal_id').references(() => proposals.id),
		topic: text('topic').notNull(),
		/** Markdown. */
		background: text('background').notNull(),
		/** Comments are taken until then (null: until the committee closes the thread). */
		closesAt: integer('closes_at'),
		/** 重大事項: follows 四議兩公開 with recorded stages. */
		major: integer('major', { mode: 'boolean' }).notNull().default(false),
		state: text('state', { enum: THREAD_STATES }).notNull().default('open'),
		lockedAt: integer('locked_at'),
		/** The committee's pinned summary of the discussion so far (Markdown). */
		pinnedSummary: text('pinned_summary'),
		pinnedAt: integer('pinned_at'),
		/** 決議 (Markdown), set when the thread is closed. */
		resolution: text('resolution'),
		closedAt: integer('closed_at'),
		closedBy: integer('closed_by').references(() => users.id),
		/** 實施結果公開 (Markdown) for 重大事項, published after the resolution. */
		implementation: text('implementation'),
		implementationAt: integer('implementation_at'),
		createdBy: integer('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('consultations_community_idx').on(t.communityId, t.state, t.createdAt),
		index('consultations_proposal_idx').on(t.proposalId),
		check('consultations_closed_ck', sql`${t.state} = 'open' or (${t.resolution} is not null and ${t.closedAt} is not null)`),
		check('consultations_implementation_ck', sql`${t.implementation} is null or ${t.state} = 'closed'`)
	]
);

export const comments = sqliteTable(
	'consultation_comments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultations.id, { onDelete: 'cascade' }),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		/** A reply names its top-level comment; replies never nest deeper. */
		parentId: integer('parent_id'),
		/** Required on top-level comments, optional on replies. */
		stance: text('stance', { enum: STANCES }),
		/** A reply the committee or street staff wrote as such: it takes no side and is marked in the thread. */
		official: integer('official', { mode: 'boolean' }).notNull().default(false),
		body: text('body').notNull(),
		status: text('status', { enum: COMMENT_STATUSES }).notNull().default('visible'),
		hiddenReason: text('hidden_reason'),
		hiddenBy: integer('hidden_by').references(() => users.id),
		hiddenAt: integer('hidden_at'),
		/** Reports since the committee last reviewed the comment (restoring resets it). */
		openReports: integer('open_reports').notNull().default(0),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('comments_thread_idx').on(t.consultationId, t.createdAt),
		index('comments_parent_idx').on(t.parentId),
		index('comments_author_idx').on(t.authorId, t.createdAt),
		index('comments_status_idx').on(t.consultationId, t.status),
		check('comments_body_ck', sql`length(${t.body}) between 1 and 2000`),
		check('comments_stance_ck', sql`${t.parentId} is not null or ${t.stance} is not null`),
		check('comments_reports_ck', sql`${t.openReports} >= 0`)
	]
);

/** One report per person per comment. */
export const commentReports = sqliteTable(
	'comment_reports',
	{
		commentId: integer('comment_id')
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		reporterId: integer('reporter_id')
			.notNull()
			.references(() => users.id),
		reason: text('reason', { enum: REPORT_REASONS }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.commentId, t.reporterId] }), index('comment_reports_reporter_idx').on(t.reporterId, t.createdAt)]
);

/**
 * A meeting of 四議兩公開. A stage may be held again when its vote fails; only one passing record per
 * stage, and the database refuses a stage whose earlier stage has not passed (checked in the command).
 */
export const stages = sqliteTable(
	'consultation_stages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultations.id, { onDelete: 'cascade' }),
		stage: integer('stage').notNull(),
		heldAt: integer('held_at').notNull(),
		/** Markdown: what was proposed, discussed, decided. */
		body: text('body').notNull(),
		/** The result in one line (what was agreed, or the vote's outcome in words). */
		outcome: text('outcome').notNull().default(''),
		entitled: integer('entitled').notNull(),
		attended: integer('attended').notNull(),
		votesFor: integer('votes_for'),
		votesAgainst: integer('votes_against'),
		votesAbstain: integer('votes_abstain'),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		recordedBy: integer('recorded_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('stages_thread_idx').on(t.consultationId, t.stage),
		uniqueIndex('stages_passed_uq').on(t.consultationId, t.stage).where(sql`${t.passed} = 1`),
		check('stages_stage_ck', sql`${t.stage} between 1 and 4`),
		check('stages_attendance_ck', sql`${t.entitled} >= 1 and ${t.attended} >= 0 and ${t.attended} <= ${t.entitled}`),
		check(
			'stages_votes_ck',
			sql`(${t.stage} <= 2 and ${t.votesFor} is null and ${t.votesAgainst} is null and ${t.votesAbstain} is null)
			 or (${t.stage} >= 3 and ${t.votesFor} >= 0 and ${t.votesAgainst} >= 0 and ${t.votesAbstain} >= 0
			     and ${t.votesFor} + ${t.votesAgainst} + ${t.votesAbstain} <= ${t.attended})`
		)
	]
);
