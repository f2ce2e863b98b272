// Pure rules of 吹哨派單: working days and deadlines in China time, what may happen in which state, overdue,
// when a report escalates, and how far apart two places are. No database; `now` is always passed in.
import { DAY } from '../db/time';
import { chinaDate, chinaDayStart } from '../db/time';
import type { DeadlineClass, ReportState } from '../../codes';

/** Working days each deadline class allows (12345 practice); 0 is the same day. */
export const DEADLINE_DAYS: Record<DeadlineClass, number> = { urgent: 0, help: 3, complaint: 13 };
/** A department signs for (簽收) a dispatch within this many working days. */
export const ACCEPT_WORKING_DAYS = 1;
/** The third return escalates a report to the street (吹哨). */
export const ESCALATE_AT_RETURNS = 3;
/** So does the second redo (the reporter saying "not fixed" twice). */
export const ESCALATE_AT_REDOS = 2;
/** A reporter who has not verified a reply is reminded once after 7 days … */
export const VERIFY_REMINDER_MS = 7 * DAY;
/** … and after 14 days the report closes as unverified, which never counts as fixed. */
export const AUTO_CLOSE_MS = 14 * DAY;
/** The reporter may rate the handling (and change the rating) for 30 days after it closed. */
export const RATING_WINDOW_MS = 30 * DAY;
/** Open reports of the same service within this distance are shown before filing. */
export const NEARBY_METRES = 300;

/** Saturday and Sunday, in China. */
function weekend(isoDate: string): boolean {
	const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
	return day === 0 || day === 6;
}

export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
	return !weekend(isoDate) && !holidays.has(isoDate);
}

/** The last millisecond of `at`'s day in China. */
export function endOfChinaDay(at: number): number {
	return chinaDayStart(chinaDate(at)) + DAY - 1;
}

/**
 * The end of the `n`-th working day after `from`'s day, in China (weekends and the street's holidays skipped);
 * `n = 0` is the end of `from`'s own day, whatever day it is (緊急: the same day).
 */
export function addWorkingDays(from: number, n: number, holidays: Iterable<string>): number {
	const off = holidays instanceof Set ? (holidays as ReadonlySet<string>) : new Set(holidays);
	let day = chinaDayStart(chinaDate(from));
	for (let left = n, guard = 0; left > 0; guard++) {
		// a year of holidays in a row is a mistyped list, not a calendar
		if (guard > 400) throw new Error('no working day within 400 days');
		day += DAY;
		if (isWorkingDay(chinaDate(day), off)) left--;
	}
	return day + DAY - 1;
}

/** The deadline of work dispatched (or reopened) at `from`. */
export const deadlineFor = (deadlineClass: DeadlineClass, from: number, holidays: Iterable<string>) => addWorkingDays(from, DEADLINE_DAYS[deadlineClass], holidays);

/** When a dispatch must be signed for. */
export const acceptanceDue = (dispatchedAt: number, holidays: Iterable<string>) => addWorkingDays(dispatchedAt, ACCEPT_WORKING_DAYS, holidays);

// ── States ──────────────────────────────────────────────────────────────────────────────────────────────────

type Stateful = { state: ReportState };
type Working = Stateful & { deadlineAt: number | null };

/** The committee (or grid, or street) triages what was just reported and what a department sent back. */
export const awaitsTriage = (r: Stateful) => r.state === 'reported' || r.state === 'returned';
/** A department has it and the deadline runs. */
export const inDepartment = (r: Stateful) => r.state === 'dispatched' || r.state === 'in_progress';
export const isClosed = (r: Stateful) => r.state === 'closed';

/** Past its deadline while a department still has it: shown as overdue everywhere, reminded the day after. */
export function isOverdue(r: Working, now: number): boolean {
	return inDepartment(r) && r.deadlineAt !== null && now > r.deadlineAt;
}

/** Whole days past the deadline (1 on the day after), or 0. */
export function daysOverdue(r: Working, now: number): number {
	return isOverdue(r, now) ? Math.ceil((now - (r.deadlineAt ?? now)) / DAY) : 0;
}

/** Where a department's return leaves the report: back to triage, or with the street after the third. */
export const stateAfterReturn = (returnCount: number): ReportState => (returnCount >= ESCALATE_AT_RETURNS ? 'escalated' : 'returned');

/**
 * Where "not fixed" leaves the report: back with the same department (a redo), with the street after the
 * second redo, or back to triage when nobody was dispatched (it was handled on the spot).
 */
export function stateAfterRedo(redoCount: number, departmentId: number | null): ReportState {
	if (redoCount >= ESCALATE_AT_REDOS) return 'escalated';
	return departmentId === null ? 'reported' : 'in_progress';
}

/** Open311 knows two statuses: anything not closed is open. */
export const open311Status = (r: Stateful): 'open' | 'closed' => (r.state === 'closed' ? 'closed' : 'open');

/** A reply waits for its reporter: the reminder is due after 7 days, the close after 14. */
export const verifyReminderDue = (repliedAt: number, now: number) => now - repliedAt >= VERIFY_REMINDER_MS;
export const autoCloseDue = (repliedAt: number, now: number) => now - repliedAt >= AUTO_CLOSE_MS;


// ── Places ──────────────────────────────────────────────────────────────────────────────────────────────────

type Place = { lat: number | null; long: number | null };

/** Great-circle distance in metres (haversine; plenty for a community). */
export function distanceMetres(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const dLat = rad(b.lat - a.lat);
	const dLong = rad(b.long - a.long);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLong / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const located = (p: Place): p is { lat: number; long: number } => p.lat !== null && p.long !== null;

/**
 * Open reports of the same service near a place: within 300 m when both have a position, otherwise the whole
 * community (it is small enough). Nearest first, then newest.
 */
export function nearbyFirst<T extends Place & { createdAt: number }>(reports: T[], here: Place, limit = 5): T[] {
	const distance = (r: T) => (located(r) && located(here) ? distanceMetres(r, here) : null);
	return reports
		.filter((r) => {
			const d = distance(r);
			return d === null || d <= NEARBY_METRES;
		})
		.sort((a, b) => (distance(a) ?? Infinity) - (distance(b) ?? Infinity) || b.createdAt - a.createdAt)
		.slice(0, limit);
}
