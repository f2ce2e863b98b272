// Pure rules of 建設共管: a claim's term, when it is at risk, lapses or expires, whether the minimum of care was
// met, when it may be renewed, what an area shows on the plan, and covered time. Plain data in, no database;
// `now` is always given, so tests move time freely.
import { DAY, chinaDate, chinaDayStart } from '../db/time';
import type { AreaState, ClaimState } from '../../codes';

const CHINA_OFFSET = 8 * 60 * 60 * 1000;

/** The China day that contains `at`, as the UTC ms of its midnight there. */
export const dayOf = (at: number) => chinaDayStart(chinaDate(at));

/**
 * The end of a term of `months` calendar months from `startedAt`, in China's calendar: 31 January + 1 month is
 * 28 (or 29) February at the same time of day, not 3 March.
 */
export function termEnd(startedAt: number, months: number): number {
	const local = new Date(startedAt + CHINA_OFFSET);
	const year = local.getUTCFullYear();
	const month = local.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const day = Math.min(local.getUTCDate(), lastDay);
	const ms = local.getUTCHours() * 3_600_000 + local.getUTCMinutes() * 60_000 + local.getUTCSeconds() * 1000 + local.getUTCMilliseconds();
	return Date.UTC(year, month, day) + ms - CHINA_OFFSET;
}

/** What decides a held claim's state: when its term began and ends, and the days care was given (counted logs). */
export type ClaimTimeline = { startedAt: number; termEndsAt: number; careDays: readonly number[] };

export type ClaimStatus =
	| { state: 'active'; atRiskAt: number; lapseAt: number }
	| { state: 'at_risk'; atRiskAt: number; lapseAt: number }
	| { state: 'lapsed'; at: number }
	| { state: 'expired'; at: number };

/**
 * The days that count, in order: the day the term began, then each day care was given (up to `until`). Care
 * is counted by day, so a log on the 30th day after the last one is in time whatever the hour.
 */
function careRefs(c: ClaimTimeline, until: number): number[] {
	const start = dayOf(c.startedAt);
	const days = c.careDays.filter((d) => d >= start && d <= until);
	return [start, ...new Set(days)].sort((a, b) => a - b);
}

/**
 * A held claim's state at `now`. After `minCareDays` full days without care it is at risk (from the start of the
 * next day); after twice as long it lapses, at that moment, however late anyone looks. A lapse is final even if
 * care was logged afterwards (a log is only accepted while the claim holds). Otherwise the term ends: expired.
 */
export function claimStatus(c: ClaimTimeline, minCareDays: number, now: number): ClaimStatus {
	const refs = careRefs(c, now);
	const riskAfter = (minCareDays + 1) * DAY;
	const lapseAfter = (2 * minCareDays + 1) * DAY;
	// the first gap of two periods, in time order, ends the claim at that moment
	for (let i = 0; i < refs.length; i++) {
		const lapseAt = refs[i] + lapseAfter;
		const next = refs[i + 1] ?? Infinity;
		if (lapseAt < next && lapseAt <= now && lapseAt < c.termEndsAt) return { state: 'lapsed', at: lapseAt };
	}
	if (c.termEndsAt <= now) return { state: 'expired', at: c.termEndsAt };
	const last = refs[refs.length - 1];
	const atRiskAt = last + riskAfter;
	return { state: atRiskAt <= now ? 'at_risk' : 'active', atRiskAt, lapseAt: last + lapseAfter };
}

/** Whether care was given at least every `minCareDays` days from the start of the term up to `until` (or its end). */
export function minimumMet(c: ClaimTimeline, minCareDays: number, until: number): boolean {
	const end = dayOf(Math.min(until, c.termEndsAt));
	const refs = careRefs(c, end);
	const points = [...refs, end];
	for (let i = 1; i < points.length; i++) if (points[i] - points[i - 1] > minCareDays * DAY) return false;
	return true;
}

/** Renewal opens this long before a term ends and stays open this long after it expired. */
export const RENEWAL_WINDOW = 30 * DAY;

/** Why this claim cannot be renewed now, or null: only near its term's end, and only if the minimum was met. */
export function renewalBlocked(claim: { state: ClaimState; termEndsAt: number | null; startedAt: number | null }, careDays: readonly number[], minCareDays: number, now: number): string | null {
	if (claim.startedAt === null || claim.termEndsAt === null) return 'claim_not_renewable';
	const held = claim.state === 'active' || claim.state === 'at_risk';
	if (held && now < claim.termEndsAt - RENEWAL_WINDOW) return 'claim_not_renewable';
	if (!held && (claim.state !== 'expired' || now > claim.termEndsAt + RENEWAL_WINDOW)) return 'claim_not_renewable';
	const timeline = { startedAt: claim.startedAt, termEndsAt: claim.termEndsAt, careDays };
	return minimumMet(timeline, minCareDays, now) ? null : 'claim_minimum_not_met';
}

/** The week of `at`, Monday to Sunday in China, as a number (a nudge is once per claim per week). */
export function chinaWeek(at: number): number {
	// 1 January 1970 was a Thursday: three days on, weeks start on Monday
	return Math.floor((at + CHINA_OFFSET + 3 * DAY) / (7 * DAY));
}

/**
 * What the plan and the list show for an area: not adoptable; at risk when any live claim is; claimed when one is
 * active; pending when claims wait for approval; lapsed when its last claim lapsed; else priority or open.
 */
export function areaState(area: { adoptable: boolean; priority: boolean }, liveStates: readonly ClaimState[], lastEnded: ClaimState | null): AreaState {
	if (!area.adoptable) return 'not_adoptable';
	if (liveStates.includes('at_risk')) return 'at_risk';
	if (liveStates.includes('active')) return 'claimed';
	if (liveStates.includes('pending')) return 'pending';
	if (lastEnded === 'lapsed') return 'lapsed';
	return area.priority ? 'priority' : 'open';
}

/** Whether someone may still claim it: adoptable, in use, with a place left. */
export function claimBlocked(area: { adoptable: boolean; retiredAt: number | null; capacity: number }, live: number): string | null {
	if (area.retiredAt !== null) return 'area_retired';
	if (!area.adoptable) return 'area_not_adoptable';
	return live >= area.capacity ? 'area_full' : null;
}

/** Minutes as hours with one decimal (volunteer hours are shown so). */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

// ── Covered time ─────────────────────────────────────────────────────────────────────────────────────────

export type Interval = { from: number; to: number };

/** The length of the union of `intervals` within `window` (overlapping claims on one area count once). */
export function coveredLength(intervals: readonly Interval[], window: Interval): number {
	const clipped = intervals
		.map((i) => ({ from: Math.max(i.from, window.from), to: Math.min(i.to, window.to) }))
		.filter((i) => i.to > i.from)
		.sort((a, b) => a.from - b.from);
	let total = 0;
	let end = -Infinity;
	for (const i of clipped) {
		if (i.to <= end) continue;
		total += i.to - Math.max(i.from, end);
		end = i.to;
	}
	return total;
}

export type CoverageFigure = { numerator: number; denominator: number; n: number; share: number | null };

/**
 * Time-averaged coverage of `areas` over `window`: Σ covered time ÷ Σ time each area existed in the window, in
 * area-days (ms / DAY, to four decimals); n counts the areas that existed in it; share is null when none did.
 */
export function timeAveragedCoverage(areas: readonly { id: number; createdAt: number; retiredAt: number | null }[], held: ReadonlyMap<number, Interval[]>, window: Interval): CoverageFigure {
	let covered = 0;
	let lived = 0;
	let n = 0;
	for (const area of areas) {
		const life = { from: Math.max(window.from, area.createdAt), to: Math.min(window.to, area.retiredAt ?? Infinity) };
		if (life.to <= life.from) continue;
		n++;
		lived += life.to - life.from;
		covered += coveredLength(held.get(area.id) ?? [], life);
	}
	const round = (ms: number) => Math.round((ms / DAY) * 10_000) / 10_000;
	return { numerator: round(covered), denominator: round(lived), n, share: lived > 0 ? covered / lived : null };
}

/** The first moment of each China month from the one containing `from` up to the one containing `to`. */
export function monthStarts(from: number, to: number): number[] {
	const out: number[] = [];
	const local = new Date(from + CHINA_OFFSET);
	let year = local.getUTCFullYear();
	let month = local.getUTCMonth();
	for (;;) {
		const start = Date.UTC(year, month, 1) - CHINA_OFFSET;
		if (start > to) return out;
		out.push(start);
		month++;
		if (month === 12) {
			month = 0;
			year++;
		}
	}
}

// ── Care on time ─────────────────────────────────────────────────────────────────────────────────────────

export type OnTime = { met: number; due: number };

/**
 * The minimum periods of one claim that fell due in `window` and whether each was kept: after the start and after
 * each counted care day, the next care is due within `minCareDays` days (by the end of that day, as `claimStatus`
 * counts). A period is due at that moment; it was kept when care came before it. A period that had not come due
 * by the time the claim stopped being held (`heldUntil`) is not counted; one that came due with no care is missed.
 */
export function careOnTime(c: { startedAt: number; careDays: readonly number[] }, minCareDays: number, heldUntil: number, window: Interval): OnTime {
	const refs = careRefs({ startedAt: c.startedAt, termEndsAt: Infinity, careDays: c.careDays }, heldUntil);
	let met = 0;
	let due = 0;
	for (let i = 0; i < refs.length; i++) {
		const deadline = refs[i] + (minCareDays + 1) * DAY;
		const next = refs[i + 1];
		if (deadline < window.from || deadline >= window.to) continue;
		if (next !== undefined && next < deadline) {
			due++;
			met++;
		} else if (next === undefined && deadline <= heldUntil) due++;
	}
	return { met, due };
}
