import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobRuns, outbox } from './schema';

/** Effects that failed too often, newest first: what the admin looks at. */
export function deadEffects(db: DbOrTx, limit = 50) {
	return db
		.select({ id: outbox.id, kind: outbox.kind, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt })
		.from(outbox)
		.where(eq(outbox.state, 'dead'))
		.orderBy(desc(outbox.id))
		.limit(limit)
		.all();
}

/** Every scheduled job's last run, for the admin page. */
export function jobStatus(db: DbOrTx) {
	return db.select().from(jobRuns).orderBy(jobRuns.name).all();
}
