// The outbox: effects that must happen after a change commits (a webhook to a department's system …).
// Queued in the change's transaction, so an effect exists exactly when its change does; sent by the job
// runner, at least once: a handler must accept being called again for the same effect (its id is the key).
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { MINUTE } from '../db/time';
import { outbox } from './schema';

export const EFFECT_KINDS = ['webhook'] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];
export type EffectHandler = (payload: Record<string, unknown>, effectId: number) => Promise<void>;

/** Attempts before an effect is parked as dead. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed effect is held by the process sending it; a crash frees it when this passes. */
const CLAIM_MS = 5 * MINUTE;

export function enqueueEffect(tx: DbOrTx, kind: EffectKind, payload: Record<string, unknown>, now: number) {
	tx.insert(outbox).values({ kind, payload: JSON.stringify(payload), nextAttemptAt: now, createdAt: now }).run();
}

/** 1, 2, 4 … minutes between attempts, at most an hour. */
export const retryDelay = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * MINUTE;

let waker: (() => void) | undefined;
/** Called after a commit that queued effects: the runner sends them now rather than at its next tick. */
export function wakeEffects() {
	waker?.();
}
export function onWakeEffects(fn: (() => void) | undefined) {
	waker = fn;
}

/** POSTs the payload's `body` as JSON to its `url`; anything but a 2xx within 10 s is a failure. */
async function postWebhook(payload: Record<string, unknown>, effectId: number) {
	const url = String(payload.url ?? '');
	if (!/^https?:\/\//.test(url)) throw new Error(`not a web address: ${url.slice(0, 80)}`);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': `effect-${effectId}` },
		body: JSON.stringify(payload.body ?? {}),
		signal: AbortSignal.timeout(10_000)
	});
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

export const EFFECT_HANDLERS: Record<EffectKind, EffectHandler> = { webhook: postWebhook };

/**
 * Sends what is due. Each effect is claimed with a guarded update first, so two processes never send the
 * same one at once. Returns how many were sent, retried and parked.
 */
export async function deliverEffects(db: Db, now: number, handlers: Record<string, EffectHandler> = EFFECT_HANDLERS, batch = 20) {
	const due = db
		.select()
		.from(outbox)
		.where(and(eq(outbox.state, 'pending'), lte(outbox.nextAttemptAt, now)))
		.orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
		.limit(batch)
		.all();
	const tally = { sent: 0, retried: 0, dead: 0 };
	for (const effect of due) {
		const claimed = db
			.update(outbox)
			.set({ attempts: effect.attempts + 1, nextAttemptAt: now + CLAIM_MS })
			.where(and(eq(outbox.id, effect.id), eq(outbox.state, 'pending'), eq(outbox.attempts, effect.attempts)))
			.run();
		if (claimed.changes === 0) continue;
		const attempts = effect.attempts + 1;
		try {
			const handler = handlers[effect.kind];
			if (!handler) throw new Error(`no handler for ${effect.kind}`);
			await handler(JSON.parse(effect.payload), effect.id);
			db.update(outbox).set({ state: 'sent', sentAt: Date.now(), lastError: null }).where(eq(outbox.id, effect.id)).run();
			tally.sent++;
		} catch (e) {
			const dead = attempts >= MAX_ATTEMPTS;
			const message = e instanceof Error ? e.message : String(e);
			db.update(outbox)
				.set({ state: dead ? 'dead' : 'pending', lastError: message.slice(0, 500), nextAttemptAt: now + retryDelay(attempts) })
				.where(eq(outbox.id, effect.id))
				.run();
			if (dead) tally.dead++;
			else tally.retried++;
		}
	}
	return tally;
}
