// 實施 and 驗收: what happens to a selected project after the vote. The project's state and percent
// live on menu_projects (the menus schema); these tables hold the record behind them.
import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../../auth/schema';
import { menuProjects } from '../schema';

import { PHOTO_TYPES } from '../../media/photos';

/** A progress update posted by street staff: what was done, how far along, with photos. */
export const projectUpdates = sqliteTable(
	'project_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => menuProjects.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		percent: integer('percent').notNull(),
		authorId: integer('author_id').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('project_updates_project_idx').on(t.projectId, t.createdAt),
		check('project_updates_percent_ck', sql`${t.percent} between 0 and 100`)
	]
);

/** A photo of an update. The file lives under UPLOADS_DIR with a name we chose; the type was read from its bytes. */
export const projectPhotos = sqliteTable(
	'project_photos',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		updateId: integer('update_id')
			.notNull()
			.references(() => projectUpdates.id, { onDelete: 'cascade' }),
		projectId: integer('project_id')
			.notNull()
			.references(() => menuProjects.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
		size: integer('size').notNull(),
		position: integer('position').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('project_photos_update_idx').on(t.updateId, t.position),
		index('project_photos_project_idx').on(t.projectId, t.createdAt),
		uniqueIndex('project_photos_file_uq').on(t.fileName),
		check('project_photos_size_ck', sql`${t.size} > 0 and ${t.size} <= 5242880`),
		check('project_photos_position_ck', sql`${t.position} between 0 and 5`)
	]
);

/** One line of spending, in fen: what was planned and (once known) what was actually paid. */
export const projectSpending = sqliteTable(
	'project_spending',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => menuProjects.id, { onDelete: 'cascade' }),
		item: text('item').notNull(),
		planned: integer('planned').notNull(),
		actual: integer('actual'),
		authorId: integer('author_id').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('project_spending_project_idx').on(t.projectId, t.id),
		check('project_spending_amounts_ck', sql`${t.planned} >= 0 and (${t.actual} is null or ${t.actual} >= 0)`)
	]
);

/** 驗收: the committee, with resident representatives present, accepts a finished project. Once per project. */
export const projectAcceptances = sqliteTable(
	'project_acceptances',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		projectId: integer('project_id')
			.notNull()
			.references(() => menuProjects.id, { onDelete: 'cascade' }),
		remarks: text('remarks').notNull(),
		/** JSON array of the names of the resident representatives present. */
		representatives: text('representatives').notNull(),
		acceptedBy: integer('accepted_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('project_acceptances_project_uq').on(t.projectId)]
);
