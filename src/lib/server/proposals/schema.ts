import { sqliteTable, integer, text, index, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities } from '../org/schema';

import { CATEGORIES, PROPOSAL_EVENTS, PROPOSAL_STATES } from '../../codes';

export { CATEGORIES, PROPOSAL_STATES, type Category, type ProposalState, type ProposalEventKind } from '../../codes';

/** A resident's issue (議題), seconded by neighbours until the committee must answer it. */
export const proposals = sqliteTable(
	'proposals',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		title: text('title').notNull(),
		/** Markdown, rendered through markdown.ts. */
		body: text('body').notNull(),
		category: text('category', { enum: CATEGORIES }).notNull(),
		location: text('location'),
		state: text('state', { enum: PROPOSAL_STATES }).notNull().default('open'),
		/** Kept equal to the number of proposal_seconds rows, in the transaction that adds them. */
		secondCount: integer('second_count').notNull().default(0),
		qualifiedAt: integer('qualified_at'),
		/** When the committee must have responded (set when the proposal qualifies). */
		responseDueAt: integer('response_due_at'),
		respondedAt: integer('responded_at'),
		respondedBy: integer('responded_by').references(() => users.id),
		/** The committee's answer or note (Markdown): why it was closed, what the menu will do. */
		responseNote: text('response_note'),
		mergedIntoId: integer('merged_into_id'),
		consultationId: integer('consultation_id'),
		editedAt: integer('edited_at'),
		withdrawnAt: integer('withdrawn_at'),
		createdAt: integer('created_at').notNull(),
		/** Last change of any kind (state, seconds): for "recently active". */
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('proposals_community_state_idx').on(t.communityId, t.state, t.createdAt),
		index('proposals_community_created_idx').on(t.communityId, t.createdAt),
		// with created_at (and the rowid every index ends with) the "most seconded" order is one backward scan
		index('proposals_community_seconds_idx').on(t.communityId, t.secondCount, t.createdAt),
		index('proposals_community_state_seconds_idx').on(t.communityId, t.state, t.secondCount, t.createdAt),
		index('proposals_due_idx').on(t.communityId, t.state, t.responseDueAt),
		index('proposals_author_idx').on(t.authorId, t.createdAt),
		index('proposals_merged_into_idx').on(t.mergedIntoId),
		// The list's "deadline" order (queries.ts deadlineOrder) read straight from an index: qualified proposals by
		// their response deadline first, then the rest, newest first. The expressions must stay the query's own.
		index('proposals_deadline_idx').on(t.communityId, sql`(case when ${t.state} = 'qualified' then ${t.responseDueAt} end) is null`, sql`(case when ${t.state} = 'qualified' then ${t.responseDueAt} end)`, sql`${t.createdAt} desc`, sql`${t.id} desc`),
		check('proposals_seconds_ck', sql`${t.secondCount} >= 0`),
		check('proposals_title_ck', sql`length(${t.title}) between 1 and 200`),
		check('proposals_qualified_ck', sql`${t.state} in ('open', 'withdrawn') or ${t.qualifiedAt} is not null or ${t.respondedAt} is not null`)
	]
);

/** One second (附議) per person per proposal: the primary key makes a race end in one row. */
export const proposalSeconds = sqliteTable(
	'proposal_seconds',
	{
		proposalId: integer('proposal_id')
			.notNull()
			.references(() => proposals.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		/** Set when the second was carried over from a proposal merged into this one. */
		carriedFrom: integer('carried_from'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('proposal_seconds_user_idx').on(t.userId, t.createdAt)]
);


/**
 * How many proposals a community has in each state and category, kept by triggers of migration 0018 in the
 * transaction of every write: the list's page count without counting 100,000 rows on every request.
 */
export const proposalCounts = sqliteTable(
	'proposal_counts',
	{
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		state: text('state', { enum: PROPOSAL_STATES }).notNull(),
		category: text('category', { enum: CATEGORIES }).notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.communityId, t.state, t.category] }), check('proposal_counts_n_ck', sql`${t.n} >= 0`)]
);

/** The public history of a proposal: every change, when and by whom. */
export const proposalEvents = sqliteTable(
	'proposal_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		proposalId: integer('proposal_id')
			.notNull()
			.references(() => proposals.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: PROPOSAL_EVENTS }).notNull(),
		/** Null when the portal itself made the change (reaching the threshold). */
		actorId: integer('actor_id').references(() => users.id),
		/** Another proposal involved (merged into / from). */
		otherId: integer('other_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('proposal_events_proposal_idx').on(t.proposalId, t.createdAt)]
);
