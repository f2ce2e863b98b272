import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';

/**
 * Inbox items. The text is not stored: `kind` names a message and `params` (JSON) fill it,
 * so an item reads in whatever language the reader uses today.
 */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		params: text('params').notNull().default('{}'),
		link: text('link').notNull(),
		readAt: integer('read_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		// unread count
		index('notifications_user_read_idx').on(t.userId, t.readAt, t.createdAt),
		// the inbox, newest first
		index('notifications_user_time_idx').on(t.userId, t.createdAt)
	]
);
