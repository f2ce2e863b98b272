// Pure rules of proposals and seconds: thresholds, deadlines, what may happen in which state.
import { DAY } from '../db/time';
import type { ProposalState } from './schema';

type Stateful = { state: ProposalState };
type Due = Stateful & { responseDueAt: number | null };

/** A proposal qualifies when its seconds reach the community's threshold. */
export function reachesThreshold(secondCount: number, threshold: number): boolean {
	return secondCount >= threshold;
}

/** The committee's response deadline, counted from the moment the proposal qualified. */
export function responseDeadline(qualifiedAt: number, responseDays: number): number {
	return qualifiedAt + responseDays * DAY;
}

/** Qualified, not yet answered, and past its deadline: shown as overdue to everyone. */
export function isOverdue(p: Due, now: number): boolean {
	return p.state === 'qualified' && p.responseDueAt !== null && now > p.responseDueAt;
}

/** Whole days left before the deadline (negative when overdue), rounded towards the deadline. */
export function daysLeft(p: Due, now: number): number | null {
	if (p.state !== 'qualified' || p.responseDueAt === null) return null;
	const ms = p.responseDueAt - now;
	return ms >= 0 ? Math.ceil(ms / DAY) : -Math.ceil(-ms / DAY);
}

/** Seconds are taken while the proposal gathers support or waits for an answer. */
export function acceptsSeconds(p: Stateful): boolean {
	return p.state === 'open' || p.state === 'qualified';
}

/** The author may edit until the first second arrives. */
export function editable(p: Stateful & { secondCount: number }): boolean {
	return p.state === 'open' && p.secondCount === 0;
}

/** The author may withdraw any time before it qualifies. */
export function withdrawable(p: Stateful): boolean {
	return p.state === 'open';
}

/** The committee answers, merges, takes to consultation or to a menu: once, from open or qualified. */
export function awaitsResponse(p: Stateful): boolean {
	return p.state === 'open' || p.state === 'qualified';
}

/** A proposal others may be merged into: still alive. */
export function acceptsMerge(p: Stateful): boolean {
	return p.state === 'open' || p.state === 'qualified' || p.state === 'consultation' || p.state === 'menu';
}

/** Whether a response came after the deadline (for "answered late"). */
export function answeredLate(p: { responseDueAt: number | null; respondedAt: number | null }): boolean {
	return p.responseDueAt !== null && p.respondedAt !== null && p.respondedAt > p.responseDueAt;
}

/**
 * The committee's queue: overdue first (most overdue first), then by deadline, then oldest.
 * Items without a deadline (not yet qualified) come last.
 */
export function queueOrder<T extends Due & { id: number; createdAt: number }>(items: T[], now: number): T[] {
	return [...items].sort((a, b) => {
		const oa = isOverdue(a, now) ? 0 : 1;
		const ob = isOverdue(b, now) ? 0 : 1;
		if (oa !== ob) return oa - ob;
		const da = a.responseDueAt ?? Number.MAX_SAFE_INTEGER;
		const db = b.responseDueAt ?? Number.MAX_SAFE_INTEGER;
		if (da !== db) return da - db;
		return a.createdAt - b.createdAt || a.id - b.id;
	});
}
