import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Login name, stored lower-case so that names differing only in case are one account. */
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: integer('created_at').notNull()
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull(),
		/** Staff sessions end after this much idle time (ms); null for residents' sliding sessions. */
		idleTimeout: integer('idle_timeout'),
		lastSeenAt: integer('last_seen_at').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);
