// 社區評價: versioned schemes, snapshots of every community's figures at the end of a period, and the
// 以獎代補 awards. A published snapshot never changes: the commands guard it and triggers (in the migration)
// refuse any UPDATE or DELETE of its rows.
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, streets } from '../org/schema';
import { EVALUATION_INDICATORS, INDICATOR_DROPS, PERIOD_KINDS, SNAPSHOT_STATES } from '../../codes';

export { EVALUATION_INDICATORS, INDICATOR_DROPS, PERIOD_KINDS, SNAPSHOT_STATES } from '../../codes';

/**
 * A version of a street's evaluation scheme. It applies from the period starting at `startsAt` until the next
 * version starts, and is frozen from that moment (the commands' guard) and once a snapshot uses it (a trigger).
 */
export const evaluationSchemes = sqliteTable(
	'evaluation_schemes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		version: integer('version').notNull(),
		periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull().default('quarter'),
		/** The start of the first period it applies to (China midnight, UTC ms). */
		startsAt: integer('starts_at').notNull(),
		/** Why this version (plain text), announced to the committees. */
		note: text('note').notNull().default(''),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('evaluation_schemes_version_uq').on(t.streetId, t.version),
		uniqueIndex('evaluation_schemes_start_uq').on(t.streetId, t.startsAt),
		check('evaluation_schemes_version_ck', sql`${t.version} >= 1`)
	]
);

/** An indicator of a scheme: its weight (whole percent, the weights of a scheme add up to 100), target and minimum n. */
export const schemeIndicators = sqliteTable(
	'evaluation_scheme_indicators',
	{
		schemeId: integer('scheme_id')
			.notNull()
			.references(() => evaluationSchemes.id),
		indicator: text('indicator', { enum: EVALUATION_INDICATORS }).notNull(),
		weight: integer('weight').notNull(),
		/** Whole percent: the share that scores 1 (a score is min(actual / target, 1.25)). */
		targetPercent: integer('target_percent').notNull(),
		/** Below this many cases the indicator is dropped for that community and the others renormalised. */
		minN: integer('min_n').notNull(),
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.schemeId, t.indicator] }),
		check('evaluation_scheme_indicators_ck', sql`${t.weight} between 1 and 100 and ${t.targetPercent} between 1 and 100 and ${t.minN} >= 0`)
	]
);

/**
 * A street's figures for one period: computed by the job runner when the period ends, recomputed by street
 * staff until they publish it, and never changed afterwards. The reward pool and its floor and cap (in fen)
 * are set on the draft; the awards follow the scores.
 */
export const evaluationSnapshots = sqliteTable(
	'evaluation_snapshots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		/** '2026Q3', '2026H2' or '2026'. */
		periodKey: text('period_key').notNull(),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		schemeId: integer('scheme_id')
			.notNull()
			.references(() => evaluationSchemes.id),
		state: text('state', { enum: SNAPSHOT_STATES }).notNull().default('draft'),
		computedAt: integer('computed_at').notNull(),
		/** Null: the job runner computed it at the period's end. */
		computedBy: integer('computed_by').references(() => users.id),
		publishedAt: integer('published_at'),
		publishedBy: integer('published_by').references(() => users.id),
		rewardPoolFen: integer('reward_pool_fen'),
		rewardFloorFen: integer('reward_floor_fen'),
		rewardCapFen: integer('reward_cap_fen'),
		awardsMarkedAt: integer('awards_marked_at'),
		awardsMarkedBy: integer('awards_marked_by').references(() => users.id)
	},
	(t) => [
		uniqueIndex('evaluation_snapshots_period_uq').on(t.streetId, t.periodKey),
		index('evaluation_snapshots_street_idx').on(t.streetId, t.startsAt),
		check('evaluation_snapshots_period_ck', sql`${t.endsAt} > ${t.startsAt}`),
		check('evaluation_snapshots_published_ck', sql`${t.state} = 'draft' or ${t.publishedAt} is not null`),
		check(
			'evaluation_snapshots_reward_ck',
			sql`(${t.rewardPoolFen} is null and ${t.rewardFloorFen} is null and ${t.rewardCapFen} is null) or (${t.rewardPoolFen} >= 0 and ${t.rewardFloorFen} >= 0 and ${t.rewardCapFen} >= ${t.rewardFloorFen})`
		)
	]
);

/**
 * One indicator of one community in a snapshot: the raw numerator, denominator and n (null when the indicator
 * has no data source), the weight, target and minimum n the scheme gave it, what was computed from them, and
 * the records behind the figure (JSON: what a reader follows to see what moved it).
 */
export const evaluationInputs = sqliteTable(
	'evaluation_inputs',
	{
		snapshotId: integer('snapshot_id')
			.notNull()
			.references(() => evaluationSnapshots.id),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		indicator: text('indicator', { enum: EVALUATION_INDICATORS }).notNull(),
		numerator: integer('numerator'),
		denominator: integer('denominator'),
		n: integer('n'),
		weight: integer('weight').notNull(),
		targetPercent: integer('target_percent').notNull(),
		minN: integer('min_n').notNull(),
		actual: real('actual'),
		score: real('score'),
		dropped: text('dropped', { enum: INDICATOR_DROPS }),
		/** The weight it carried after the dropped ones were taken out (a share of 1). */
		effectiveWeight: real('effective_weight'),
		items: text('items').notNull().default('[]')
	},
	(t) => [
		primaryKey({ columns: [t.snapshotId, t.communityId, t.indicator] }),
		index('evaluation_inputs_community_idx').on(t.communityId, t.snapshotId),
		check('evaluation_inputs_counts_ck', sql`(${t.numerator} is null and ${t.denominator} is null and ${t.n} is null) or (${t.numerator} >= 0 and ${t.denominator} >= ${t.numerator} and ${t.n} >= 0)`)
	]
);

/** A community's result in a snapshot: its score (points, 0–125), its rank, and its 以獎代補 award in fen. */
export const evaluationResults = sqliteTable(
	'evaluation_results',
	{
		snapshotId: integer('snapshot_id')
			.notNull()
			.references(() => evaluationSnapshots.id),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		/** The community's address and name as they were when computed, for the downloads. */
		communitySlug: text('community_slug').notNull(),
		communityName: text('community_name').notNull(),
		/** Null: every indicator was dropped, so the community is not ranked. */
		score: real('score'),
		rank: integer('rank'),
		/** Ranked after a community with the same score by the documented tie-break. */
		tieBroken: integer('tie_broken', { mode: 'boolean' }).notNull().default(false),
		awardFen: integer('award_fen')
	},
	(t) => [
		primaryKey({ columns: [t.snapshotId, t.communityId] }),
		index('evaluation_results_community_idx').on(t.communityId, t.snapshotId),
		check('evaluation_results_award_ck', sql`${t.awardFen} is null or ${t.awardFen} >= 0`),
		check('evaluation_results_rank_ck', sql`(${t.score} is null) = (${t.rank} is null)`)
	]
);
