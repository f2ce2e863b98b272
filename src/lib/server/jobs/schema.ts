import { sqliteTable, integer, text, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** One row per scheduled job: when it last ran, and a lease so two server processes never run it at once. */
export const jobRuns = sqliteTable('job_runs', {
	name: text('name').primaryKey(),
	lastRunAt: integer('last_run_at'),
	lastError: text('last_error'),
	/** Held while a process runs the job; a crashed run frees it when it passes. */
	leaseUntil: integer('lease_until')
});

export const EFFECT_STATES = ['pending', 'sent', 'dead'] as const;
export type EffectState = (typeof EFFECT_STATES)[number];

/**
 * After-commit effects (webhooks, messages beyond the inbox): written in the transaction of the change that
 * causes them, sent by the job runner afterwards, retried with growing pauses, and parked as `dead` for the
 * admin to look at after too many failures.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind').notNull(),
		payload: text('payload').notNull(),
		state: text('state', { enum: EFFECT_STATES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at').notNull(),
		lastError: text('last_error'),
		createdAt: integer('created_at').notNull(),
		sentAt: integer('sent_at')
	},
	(t) => [index('outbox_due_idx').on(t.state, t.nextAttemptAt), check('outbox_attempts_ck', sql`${t.attempts} >= 0`)]
);
