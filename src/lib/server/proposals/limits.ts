// Posting limits for proposals, comments and reports: per person per day, and per network address.
import type { DbOrTx } from '../db/client';
import { DAY, HOUR, MINUTE } from '../db/time';
import { checkRate, recordRate, type Limit } from '../rate-limit/limiter';
import { err, type Err } from '../result';
import type { Actor } from '../policy';

export const LIMITS = {
	proposal: { bucket: 'deliberation.proposal', max: 5, windowMs: DAY },
	comment: { bucket: 'deliberation.comment', max: 100, windowMs: DAY },
	report: { bucket: 'deliberation.report', max: 20, windowMs: DAY },
	/** Everything posted from one address (a shared community-centre computer stays well under it). */
	address: { bucket: 'deliberation.address', max: 60, windowMs: HOUR }
} as const satisfies Record<string, Limit>;

export type LimitKind = 'proposal' | 'comment' | 'report';
const ERROR = { proposal: 'limit_proposals', comment: 'limit_comments', report: 'limit_reports' } as const;

/** Null when the actor may post another `kind` now; otherwise the error with when to try again. */
export function checkPostingLimits(db: DbOrTx, actor: Actor, kind: LimitKind, now: number): Err | null {
	const own = checkRate(db, LIMITS[kind], String(actor.userId), now);
	if (!own.allowed) return err(ERROR[kind], { params: { minutes: minutesUntil(own.retryAt, now), max: LIMITS[kind].max } });
	if (actor.ip) {
		const address = checkRate(db, LIMITS.address, actor.ip, now);
		if (!address.allowed) return err('limit_address', { params: { minutes: minutesUntil(address.retryAt, now) } });
	}
	return null;
}

/**
 * In the transaction of the post: checks the limits again and counts the post. The command's IMMEDIATE
 * transaction holds the write lock, so parallel posts (even through two server processes) are counted one
 * after another and never slip past the limit together. Null when counted, else the error to return.
 */
export function claimPosting(tx: DbOrTx, actor: Actor, kind: LimitKind, now: number): Err | null {
	const limited = checkPostingLimits(tx, actor, kind, now);
	if (limited) return limited;
	recordRate(tx, LIMITS[kind], String(actor.userId), now);
	if (actor.ip) recordRate(tx, LIMITS.address, actor.ip, now);
	return null;
}

function minutesUntil(at: number, now: number) {
	return Math.max(1, Math.ceil((at - now) / MINUTE));
}
