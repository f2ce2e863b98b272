// The admin sends a dead effect again (after fixing what made it fail, e.g. a department's web address).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../kernel/command';
import { err, ok } from '../result';
import { outbox } from './schema';

export const retryEffect = defineCommand({
	action: 'jobs.retry_effect',
	load: (db, target: { id: number }) => db.select().from(outbox).where(eq(outbox.id, target.id)).get(),
	subject: () => ({}),
	rule: (_actor, effect) => (effect.state === 'dead' ? null : 'effect_not_dead'),
	input: z.object({}),
	run: ({ tx, record, now }) => {
		const changed = tx
			.update(outbox)
			.set({ state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
			.where(and(eq(outbox.id, record.id), eq(outbox.state, 'dead')))
			.run();
		return changed.changes ? ok(null) : err('effect_not_dead');
	},
	audit: ({ record }) => ({ subjectType: 'effect', subjectId: record.id, summary: { kind: record.kind, attempts: record.attempts, error: record.lastError } })
});
