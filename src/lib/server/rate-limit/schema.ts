import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Events counted by rate limits (failed logins, posts): bucket + key + time. */
export const rateEvents = sqliteTable(
	'rate_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		bucket: text('bucket').notNull(),
		key: text('key').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('rate_events_lookup_idx').on(t.bucket, t.key, t.at)]
);
