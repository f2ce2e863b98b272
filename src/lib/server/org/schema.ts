import { sqliteTable, integer, text, uniqueIndex, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const streets = sqliteTable('streets', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	createdAt: integer('created_at').notNull()
});

export const communities = sqliteTable(
	'communities',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** Seconds (附議) that qualify a proposal. */
		secondThreshold: integer('second_threshold').notNull().default(10),
		/** Days the committee has to respond to a qualified proposal. */
		responseDays: integer('response_days').notNull().default(14),
		/** Distinct reports that hide a comment pending review. */
		reportHideThreshold: integer('report_hide_threshold').notNull().default(3),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('communities_street_idx').on(t.streetId),
		check('communities_settings_ck', sql`${t.secondThreshold} >= 1 AND ${t.responseDays} >= 1 AND ${t.reportHideThreshold} >= 1`)
	]
);

export const grids = sqliteTable(
	'grids',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		name: text('name').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('grids_community_name_uq').on(t.communityId, t.name)]
);

/** A department (職能部門) of a street: where dispatched reports go. Department accounts are appointed to one. */
export const departments = sqliteTable(
	'departments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		name: text('name').notNull(),
		/** Telephone, office, or whatever residents and the street use to reach it. */
		contact: text('contact').notNull().default(''),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('departments_street_name_uq').on(t.streetId, t.name)]
);

/**
 * One number that triggers (migration 0018) raise with every change to streets and communities, in the writer's
 * own transaction: a process keeps the street and community rows it serves on every page (org/cache.ts) for as
 * long as the number stays the same, whichever process made the change.
 */
export const orgVersion = sqliteTable(
	'org_version',
	{
		id: integer('id').primaryKey(),
		version: integer('version').notNull()
	},
	(t) => [check('org_version_one_ck', sql`${t.id} = 1`)]
);
