import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';

/** Append-only: rows are inserted in the transaction of the change they record and never updated. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorId: integer('actor_id').references(() => users.id),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: integer('subject_id'),
		streetId: integer('street_id'),
		communityId: integer('community_id'),
		/** JSON: what changed, small enough to read in a table. */
		summary: text('summary').notNull(),
		ip: text('ip'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('audit_community_time_idx').on(t.communityId, t.createdAt),
		index('audit_street_time_idx').on(t.streetId, t.createdAt),
		index('audit_actor_idx').on(t.actorId, t.createdAt),
		index('audit_action_idx').on(t.action, t.createdAt)
	]
);
