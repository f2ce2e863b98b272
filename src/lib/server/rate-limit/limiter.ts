import { and, count, eq, gte, lt, min } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { rateEvents } from './schema';

export type Limit = { bucket: string; max: number; windowMs: number };
export type RateCheck = { allowed: true } | { allowed: false; retryAt: number };

/** Whether another event fits: fewer than `max` events for this key in the window. */
export function checkRate(db: DbOrTx, limit: Limit, key: string, now: number): RateCheck {
	const since = now - limit.windowMs;
	const row = db
		.select({ n: count(), oldest: min(rateEvents.at) })
		.from(rateEvents)
		.where(and(eq(rateEvents.bucket, limit.bucket), eq(rateEvents.key, key), gte(rateEvents.at, since)))
		.get();
	if (!row || row.n < limit.max) return { allowed: true };
	return { allowed: false, retryAt: (row.oldest ?? now) + limit.windowMs };
}

export function recordRate(db: DbOrTx, limit: Limit, key: string, now: number) {
	db.insert(rateEvents).values({ bucket: limit.bucket, key, at: now }).run();
}

/** Forget old events; cheap thanks to the (bucket, key, at) index. */
export function pruneRateEvents(db: DbOrTx, olderThan: number) {
	db.delete(rateEvents).where(lt(rateEvents.at, olderThan)).run();
}
