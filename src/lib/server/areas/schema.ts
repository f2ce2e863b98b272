// 建設共管: the catalogue of areas and duties, the community plan they are pinned on, claims on them (by a person,
// a household or a volunteer team), care logs with photos, thanks and nudges. The capacity of an area is held by a
// trigger (see the migration): a claim that would exceed it is refused by the database itself.
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, grids } from '../org/schema';
import { PHOTO_TYPES } from '../media/photos';
import { AREA_KINDS, CARE_KINDS, CARE_LOG_STATES, CLAIMANT_KINDS, CLAIM_STATES, TEAM_STATES } from '../../codes';

export { AREA_KINDS, CARE_KINDS, CLAIM_STATES, LIVE_CLAIM_STATES, HELD_CLAIM_STATES } from '../../codes';

const LIVE = sql.raw(`state in ('pending', 'active', 'at_risk')`);

/** An area (a green belt, a stairwell) or a duty (visiting elderly people living alone) residents may claim. */
export const areas = sqliteTable(
	'areas',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		gridId: integer('grid_id').references(() => grids.id),
		name: text('name').notNull(),
		kind: text('kind', { enum: AREA_KINDS }).notNull(),
		/** Where it is, in words (金韋花園 3 棟東側). */
		place: text('place').notNull().default(''),
		/** What looking after it means (Markdown). */
		duties: text('duties').notNull().default(''),
		/** The current photo (area_photos.id); older ones stay stored under their own ids. */
		photoId: integer('photo_id'),
		/** How many live claims it takes at once. */
		capacity: integer('capacity').notNull().default(1),
		termMonths: integer('term_months').notNull().default(12),
		/** One care log at least every this many days, or the claim is at risk (and after twice as long, lapses). */
		minCareDays: integer('min_care_days').notNull().default(30),
		priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
		adoptable: integer('adoptable', { mode: 'boolean' }).notNull().default(true),
		/** Why it cannot be claimed (another body maintains it), shown to everyone (Markdown). */
		notAdoptableReason: text('not_adoptable_reason'),
		/** The pin on the community plan, as thousandths of the plan's width and height (it survives a new image). */
		pinX: integer('pin_x'),
		pinY: integer('pin_y'),
		latitude: real('latitude'),
		longitude: real('longitude'),
		retiredAt: integer('retired_at'),
		retiredReason: text('retired_reason'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('areas_community_idx').on(t.communityId, t.retiredAt, t.kind),
		index('areas_grid_idx').on(t.gridId),
		check('areas_name_ck', sql`length(${t.name}) between 1 and 60`),
		check('areas_capacity_ck', sql`${t.capacity} between 1 and 50`),
		check('areas_term_ck', sql`${t.termMonths} between 1 and 36`),
		check('areas_min_care_ck', sql`${t.minCareDays} between 1 and 365`),
		check('areas_pin_ck', sql`(${t.pinX} is null and ${t.pinY} is null) or (${t.pinX} between 0 and 1000 and ${t.pinY} between 0 and 1000)`),
		check('areas_position_ck', sql`(${t.latitude} is null and ${t.longitude} is null) or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180)`),
		check('areas_adoptable_ck', sql`${t.adoptable} = 1 or length(coalesce(${t.notAdoptableReason}, '')) > 0`)
	]
);

/** A photo of an area; the file lives under UPLOADS_DIR/areas with a name we chose. */
export const areaPhotos = sqliteTable(
	'area_photos',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		areaId: integer('area_id')
			.notNull()
			.references(() => areas.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
		size: integer('size').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('area_photos_area_idx').on(t.areaId), uniqueIndex('area_photos_file_uq').on(t.fileName)]
);

/** The community plan (網格圖): the newest row of a community is the one shown. */
export const areaPlans = sqliteTable(
	'area_plans',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		size: integer('size').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('area_plans_community_idx').on(t.communityId, t.id), uniqueIndex('area_plans_file_uq').on(t.fileName), check('area_plans_size_ck', sql`${t.width} > 0 and ${t.height} > 0`)]
);

/** A community's rules for claims; a community without a row has the defaults. */
export const areaSettings = sqliteTable(
	'area_settings',
	{
		communityId: integer('community_id')
			.primaryKey()
			.references(() => communities.id),
		/** Live claims one person may hold in the community at once. */
		maxActiveClaims: integer('max_active_claims').notNull().default(5),
		/** Claims wait for the committee's approval before they start. */
		approveClaims: integer('approve_claims', { mode: 'boolean' }).notNull().default(false),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [check('area_settings_max_ck', sql`${t.maxActiveClaims} between 1 and 50`)]
);

/** A volunteer team (志願隊): a named group of residents, approved by the committee before it claims. */
export const teams = sqliteTable(
	'teams',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		state: text('state', { enum: TEAM_STATES }).notNull().default('pending'),
		createdBy: integer('created_by')
			.notNull()
			.references(() => users.id),
		decidedBy: integer('decided_by').references(() => users.id),
		decidedAt: integer('decided_at'),
		decisionReason: text('decision_reason'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('teams_community_name_uq').on(t.communityId, t.name), index('teams_community_state_idx').on(t.communityId, t.state)]
);

/** Who is in a team; `named`: they agree to be named in its member list and on the community page. */
export const teamMembers = sqliteTable(
	'team_members',
	{
		teamId: integer('team_id')
			.notNull()
			.references(() => teams.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		named: integer('named', { mode: 'boolean' }).notNull().default(true),
		joinedAt: integer('joined_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)]
);

/**
 * A claim on an area, for one term. `userId` made it and answers for it (releases, renews); a household claim is
 * shared with the people of the same address, a team claim with the team's members.
 */
export const areaClaims = sqliteTable(
	'area_claims',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		areaId: integer('area_id')
			.notNull()
			.references(() => areas.id),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		claimantKind: text('claimant_kind', { enum: CLAIMANT_KINDS }).notNull(),
		teamId: integer('team_id').references(() => teams.id),
		/** compound|building|unit of the claimant's residency, for a household claim. */
		householdKey: text('household_key'),
		state: text('state', { enum: CLAIM_STATES }).notNull(),
		claimedAt: integer('claimed_at').notNull(),
		/** When the term began (approval, or the claim itself when no approval is asked). */
		startedAt: integer('started_at'),
		termEndsAt: integer('term_ends_at'),
		atRiskAt: integer('at_risk_at'),
		/** When it stopped holding the area: the moment it lapsed, was released, revoked, expired or renewed. */
		endedAt: integer('ended_at'),
		/** The committee's reason when it revokes or declines (Markdown). */
		endReason: text('end_reason'),
		decidedBy: integer('decided_by').references(() => users.id),
		renewedFromId: integer('renewed_from_id'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		// one live claim per person, per team and per household on an area: a double click or a race ends in one row
		uniqueIndex('area_claims_person_uq').on(t.areaId, t.userId).where(LIVE),
		uniqueIndex('area_claims_team_uq').on(t.areaId, t.teamId).where(sql`${LIVE} and team_id is not null`),
		uniqueIndex('area_claims_household_uq').on(t.areaId, t.householdKey).where(sql`${LIVE} and household_key is not null`),
		index('area_claims_area_state_idx').on(t.areaId, t.state),
		index('area_claims_community_state_idx').on(t.communityId, t.state),
		index('area_claims_user_state_idx').on(t.userId, t.state),
		index('area_claims_team_idx').on(t.teamId),
		check('area_claims_team_ck', sql`(${t.claimantKind} = 'team') = (${t.teamId} is not null)`),
		check('area_claims_household_ck', sql`(${t.claimantKind} = 'household') = (${t.householdKey} is not null)`),
		// a claim that held the area has a term; one that ended while it waited for approval (declined, released,
		// revoked) never began
		check('area_claims_started_ck', sql`${t.state} not in ('active', 'at_risk', 'lapsed', 'expired', 'renewed') or (${t.startedAt} is not null and ${t.termEndsAt} is not null)`),
		check('area_claims_ended_ck', sql`${t.state} in ('pending', 'active', 'at_risk') or ${t.endedAt} is not null`)
	]
);

/** A report of care given: one per person, area and day; it counts unless the committee rejects it. */
export const careLogs = sqliteTable(
	'care_logs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		claimId: integer('claim_id')
			.notNull()
			.references(() => areaClaims.id),
		areaId: integer('area_id')
			.notNull()
			.references(() => areas.id),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		/** The day the care was given: midnight of that day in China, in UTC ms. */
		caredOn: integer('cared_on').notNull(),
		minutes: integer('minutes').notNull(),
		people: integer('people').notNull().default(1),
		kind: text('kind', { enum: CARE_KINDS }).notNull(),
		/** What was done (Markdown). */
		note: text('note').notNull().default(''),
		state: text('state', { enum: CARE_LOG_STATES }).notNull().default('submitted'),
		decidedBy: integer('decided_by').references(() => users.id),
		decidedAt: integer('decided_at'),
		rejectReason: text('reject_reason'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('care_logs_daily_uq').on(t.areaId, t.authorId, t.caredOn),
		index('care_logs_claim_idx').on(t.claimId, t.state, t.caredOn),
		index('care_logs_area_idx').on(t.areaId, t.caredOn),
		index('care_logs_community_idx').on(t.communityId, t.state, t.createdAt),
		index('care_logs_author_idx').on(t.authorId, t.caredOn),
		check('care_logs_minutes_ck', sql`${t.minutes} between 1 and 720`),
		check('care_logs_people_ck', sql`${t.people} between 1 and 100`),
		check('care_logs_rejected_ck', sql`${t.state} <> 'rejected' or length(coalesce(${t.rejectReason}, '')) > 0`)
	]
);

export const carePhotos = sqliteTable(
	'care_photos',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		logId: integer('log_id')
			.notNull()
			.references(() => careLogs.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
		size: integer('size').notNull(),
		position: integer('position').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('care_photos_log_idx').on(t.logId, t.position), uniqueIndex('care_photos_file_uq').on(t.fileName), check('care_photos_position_ck', sql`${t.position} between 0 and 3`)]
);

/** A neighbour's thanks for a care log, once each. */
export const careThanks = sqliteTable(
	'care_thanks',
	{
		logId: integer('log_id')
			.notNull()
			.references(() => careLogs.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.logId, t.userId] })]
);

/** 提醒一下: a neighbour nudges an at-risk claim; once per claim per week (Monday to Sunday, China time). */
export const claimNudges = sqliteTable(
	'claim_nudges',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		claimId: integer('claim_id')
			.notNull()
			.references(() => areaClaims.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		week: integer('week').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('claim_nudges_week_uq').on(t.claimId, t.week)]
);
