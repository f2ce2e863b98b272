import { sqliteTable, integer, text, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { users } from '../auth/schema';
import { communities } from '../org/schema';

import { BALLOT_RULES, FEASIBILITY, IMPLEMENTATION_STATES, PHASES, TALLY_RULES, VOTE_TYPES } from '../../codes';

export { BALLOT_RULES, FEASIBILITY, IMPLEMENTATION_STATES, PHASES, TALLY_RULES, VOTE_TYPES, type Phase } from '../../codes';

/**
 * A 民生微實事 project menu put before one community, with a budget and dated phases. Every amount of a menu (its
 * budget, its projects' costs, their spending) is a whole number of `amount_scale`-ths of its currency: fen for
 * the portal's own menus (100), the file's own scale for a replayed election (1, 10 or 100).
 *
 * The CHECKs of currency, amount_scale and vote_type are column constraints written in the migration (0014): a
 * table constraint would make drizzle-kit rebuild the table, and dropping `menus` inside the migration's
 * transaction would cascade to every project and ballot.
 */
export const menus = sqliteTable(
	'menus',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		budget: integer('budget').notNull(),
		/** ISO 4217: CNY for the portal's menus; a replay keeps its file's (PLN, EUR…). */
		currency: text('currency').notNull().default('CNY'),
		/** Stored amount units per currency unit: 100 (fen) for the portal's menus, the file's scale for a replay. */
		amountScale: integer('amount_scale').notNull().default(100),
		/** The ballots' form: approval for the portal's menus; a replay keeps its file's. */
		voteType: text('vote_type', { enum: VOTE_TYPES }).notNull().default('approval'),
		ballotRule: text('ballot_rule', { enum: BALLOT_RULES }).notNull(),
		/** choose_k: at most this many projects on a ballot. */
		maxChoices: integer('max_choices'),
		/** Optional minimum number of projects on a ballot. */
		minChoices: integer('min_choices'),
		tallyRule: text('tally_rule', { enum: TALLY_RULES }).notNull().default('greedy'),
		/** greedy-threshold: votes a project needs to be considered. */
		minVotes: integer('min_votes'),
		// Each phase starts on its date (UTC ms); the vote ends when results start.
		collectStartsAt: integer('collect_starts_at').notNull(),
		reviewStartsAt: integer('review_starts_at').notNull(),
		voteStartsAt: integer('vote_starts_at').notNull(),
		resultsStartsAt: integer('results_starts_at').notNull(),
		implementationStartsAt: integer('implementation_starts_at').notNull(),
		acceptanceStartsAt: integer('acceptance_starts_at').notNull(),
		/** Street staff may move a menu on early: the phase it was advanced to, if any. */
		advancedTo: text('advanced_to', { enum: PHASES }),
		/** When the results were published (the tally is frozen into results_json then). */
		resultsPublishedAt: integer('results_published_at'),
		resultsJson: text('results_json'),
		/** 'pabulib' menus are read-only replays of a real election. */
		source: text('source', { enum: ['native', 'pabulib'] }).notNull().default('native'),
		pabulibMeta: text('pabulib_meta'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('menus_community_idx').on(t.communityId, t.createdAt),
		check('menus_budget_ck', sql`${t.budget} > 0`),
		check(
			'menus_phase_order_ck',
			sql`${t.collectStartsAt} <= ${t.reviewStartsAt} and ${t.reviewStartsAt} <= ${t.voteStartsAt} and ${t.voteStartsAt} < ${t.resultsStartsAt} and ${t.resultsStartsAt} <= ${t.implementationStartsAt} and ${t.implementationStartsAt} <= ${t.acceptanceStartsAt}`
		)
	]
);


/** A candidate project on a menu. */
export const menuProjects = sqliteTable(
	'menu_projects',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		menuId: integer('menu_id')
			.notNull()
			.references(() => menus.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		estimatedCost: integer('estimated_cost').notNull(),
		/** Set at review; the cost the ballot and the tally use. */
		finalCost: integer('final_cost'),
		feasibility: text('feasibility', { enum: FEASIBILITY }).notNull().default('pending'),
		infeasibleReason: text('infeasible_reason'),
		/** The proposal (議題) this project came from, if any. */
		proposalId: integer('proposal_id'),
		/** The project id in an imported .pb file. */
		externalId: text('external_id'),
		submittedBy: integer('submitted_by').references(() => users.id),
		/** Filled when results are published. */
		selected: integer('selected', { mode: 'boolean' }),
		votes: integer('votes'),
		implementationState: text('implementation_state', { enum: IMPLEMENTATION_STATES }).notNull().default('not_started'),
		progressPercent: integer('progress_percent').notNull().default(0),
		acceptedAt: integer('accepted_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('menu_projects_menu_idx').on(t.menuId),
		uniqueIndex('menu_projects_external_uq').on(t.menuId, t.externalId),
		check('menu_projects_cost_ck', sql`${t.estimatedCost} >= 0 and (${t.finalCost} is null or ${t.finalCost} >= 0)`),
		check('menu_projects_progress_ck', sql`${t.progressPercent} between 0 and 100`)
	]
);

/**
 * One ballot per person per menu; changing it replaces its choices. Every ballot has a voter code: random
 * (CSPRNG) for a resident's ballot, drawn when it is first cast and kept when it changes; a replayed voter's id
 * from the file. The code is what the .pb export names a voter by, and the export's order: nothing in it (not
 * the ballot's id, time or place in the audit log) says whose ballot it is. Replayed voters have no user.
 */
/**
 * A ballot's anonymous voter code: 64 random bits from the operating system's CSPRNG, drawn when the ballot is
 * first cast and never derived from who, when or which ballot — the .pb export names voters by it and lists them
 * in its order.
 */
export const newVoterCode = () => randomBytes(8).toString('hex');

export const ballots = sqliteTable(
	'ballots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		menuId: integer('menu_id')
			.notNull()
			.references(() => menus.id, { onDelete: 'cascade' }),
		voterId: integer('voter_id').references(() => users.id),
		/**
		 * The anonymous voter id of the .pb export: drawn from the CSPRNG on insert unless given (a replay gives its
		 * file's ids); a trigger of migration 0014 refuses a ballot without one.
		 */
		voterCode: text('voter_code').$defaultFn(newVoterCode),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('ballots_menu_voter_uq').on(t.menuId, t.voterId),
		// a person's own ballots, newest first (their "my" page)
		index('ballots_voter_idx').on(t.voterId, t.updatedAt),
		uniqueIndex('ballots_menu_code_uq').on(t.menuId, t.voterCode),
		check('ballots_voter_ck', sql`${t.voterId} is not null or ${t.voterCode} is not null`)
	]
);

/**
 * A project on a ballot. `position` is its place as the ballot lists it (its rank on a ranked ballot; a
 * replay keeps its file's order; null on a resident's ballot, whose ticks have no order), `points` what the
 * voter gave it when the ballot gives points (cumulative, or a ranked file's points column).
 */
export const ballotChoices = sqliteTable(
	'ballot_choices',
	{
		ballotId: integer('ballot_id')
			.notNull()
			.references(() => ballots.id, { onDelete: 'cascade' }),
		projectId: integer('project_id')
			.notNull()
			.references(() => menuProjects.id, { onDelete: 'cascade' }),
		position: integer('position'),
		points: integer('points')
	},
	(t) => [
		primaryKey({ columns: [t.ballotId, t.projectId] }),
		index('ballot_choices_project_idx').on(t.projectId),
		check('ballot_choices_position_ck', sql`${t.position} is null or ${t.position} >= 1`),
		check('ballot_choices_points_ck', sql`${t.points} is null or ${t.points} >= 0`)
	]
);

export const REMINDER_KINDS = ['vote_open', 'vote_closing', 'results'] as const;

/** What the menus domain has already told people, so that a timer can run again and again without repeating itself. */
export const menuReminders = sqliteTable(
	'menu_reminders',
	{
		menuId: integer('menu_id')
			.notNull()
			.references(() => menus.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
		recipients: integer('recipients').notNull().default(0),
		sentAt: integer('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.menuId, t.kind] })]
);
