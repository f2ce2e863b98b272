// The figures of 吹哨派單 per community or department and period, each rate with its numerator, denominator and
// n — for the report pages and for the evaluations (which call `figures`):
//   響應率 response: dispatches (and leads) made in the period that the department signed for within one working
//          day, of all of them — a dispatch it returned stays in the denominator as not responded;
//   解決率 resolution: reports closed in the period after handling that the reporter verified as fixed, of all so
//          closed (an "unverified" close never counts as fixed; reports closed at triage were never handled);
//   滿意率 satisfaction: (滿意 + 基本滿意) of the ratings given in the period;
//   returns, redos, overdue (deadlines falling in the period that were missed), median time to fix.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { departments } from '../org/schema';
import { reportEvents, reports } from './schema';
import { holidaysOf } from './records';
import { handlingRatings } from './rating';
import { ratings } from '../ratings/schema';
import { acceptanceDue } from './rules';
import type { HandlingRating, ReportEventKind } from '../../codes';

export type Rate = { numerator: number; denominator: number; n: number; rate: number | null };
export type Figures = {
	response: Rate;
	resolution: Rate;
	satisfaction: Rate;
	returns: number;
	redos: number;
	overdue: number;
	/** Filed to the reply that was verified fixed, median over the reports fixed in the period; null without any. */
	medianFixMs: number | null;
	fixed: number;
};
export type Scope = { communityId?: number; departmentId?: number };

type ReportFacts = { id: number; createdAt: number; departmentId: number | null; rating: HandlingRating | null; ratedAt: number | null };
type EventFacts = { reportId: number; kind: ReportEventKind; departmentId: number | null; dueAt: number | null; createdAt: number };

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, n: denominator, rate: denominator ? numerator / denominator : null });

export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What ends a department's stretch of work on a report (for its deadline). */
const ENDS_WORK = new Set<ReportEventKind>(['replied', 'returned', 'closed', 'unverified', 'escalated']);
const STARTS_WORK = new Set<ReportEventKind>(['dispatched', 'lead', 'reopened']);

/**
 * The figures from plain facts: the reports in scope and every event of theirs, in time order. Pure: `now` says
 * how far an unanswered deadline has run.
 */
export function tallyFigures(list: ReportFacts[], events: EventFacts[], holidays: string[], scope: Scope, from: number, to: number, now: number): Figures {
	const off = new Set(holidays);
	const within = (at: number) => at >= from && at < to;
	const mine = (departmentId: number | null) => scope.departmentId === undefined || departmentId === scope.departmentId;
	const byReport = new Map<number, EventFacts[]>();
	for (const e of events) byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e]);
	let dispatched = 0;
	let responded = 0;
	let returns = 0;
	let redos = 0;
	let overdue = 0;
	let closed = 0;
	let fixed = 0;
	const fixTimes: number[] = [];
	for (const report of list) {
		const timeline = (byReport.get(report.id) ?? []).sort((a, b) => a.createdAt - b.createdAt);
		let current: number | null = null;
		let lastReply: number | null = null;
		timeline.forEach((e, i) => {
			const later = timeline.slice(i + 1);
			if (e.kind === 'dispatched' || e.kind === 'lead') {
				current = e.departmentId;
				if (within(e.createdAt) && mine(e.departmentId)) {
					dispatched++;
					const answer = later.find((x) => x.kind === 'accepted' || x.kind === 'returned' || x.kind === 'dispatched' || x.kind === 'lead');
					if (answer?.kind === 'accepted' && answer.createdAt <= acceptanceDue(e.createdAt, off)) responded++;
				}
			}
			if (STARTS_WORK.has(e.kind) && e.dueAt !== null && within(e.dueAt) && mine(e.kind === 'reopened' ? (e.departmentId ?? current) : e.departmentId)) {
				const end = later.find((x) => ENDS_WORK.has(x.kind));
				if ((end ? end.createdAt : Math.min(now, to)) > e.dueAt) overdue++;
			}
			if (e.kind === 'returned') {
				if (within(e.createdAt) && mine(e.departmentId)) returns++;
				current = null;
			}
			if (e.kind === 'replied' || e.kind === 'on_spot') {
				lastReply = e.createdAt;
				if (e.kind === 'on_spot') current = null;
			}
			if (e.kind === 'reopened' && within(e.createdAt) && mine(current)) redos++;
			if ((e.kind === 'fixed' || e.kind === 'unverified') && within(e.createdAt) && mine(current)) {
				closed++;
				if (e.kind === 'fixed') {
					fixed++;
					if (lastReply !== null) fixTimes.push(lastReply - report.createdAt);
				}
			}
		});
	}
	const rated = list.filter((r) => r.rating !== null && r.ratedAt !== null && within(r.ratedAt) && mine(r.departmentId));
	const satisfied = rated.filter((r) => r.rating === 'satisfied' || r.rating === 'basic').length;
	return {
		response: rate(responded, dispatched),
		resolution: rate(fixed, closed),
		satisfaction: rate(satisfied, rated.length),
		returns,
		redos,
		overdue,
		medianFixMs: median(fixTimes),
		fixed
	};
}

/**
 * The figures of a community or a department over [from, to). Five statements however many reports: the reports
 * in scope with anything in the period (a deadline or a rating falling in it), their ratings, all their events, and
 * the street's holidays.
 */
export function figures(db: DbOrTx, scope: Scope, from: number, to: number, now = Date.now()): Figures {
	const inScope: SQL[] = [];
	if (scope.communityId !== undefined) inScope.push(eq(reports.communityId, scope.communityId));
	if (scope.departmentId !== undefined)
		inScope.push(
			or(
				eq(reports.departmentId, scope.departmentId),
				sql`exists (select 1 from ${reportEvents} d where d.report_id = ${reports.id} and d.department_id = ${scope.departmentId})`
			)!
		);
	const touched = sql`exists (select 1 from ${reportEvents} e where e.report_id = ${reports.id} and ((e.created_at >= ${from} and e.created_at < ${to}) or (e.due_at >= ${from} and e.due_at < ${to})))`;
	const ratedInPeriod = sql`exists (select 1 from ${ratings} r where r.subject_kind = 'report' and r.subject_id = ${reports.id} and r.updated_at >= ${from} and r.updated_at < ${to})`;
	const rows = db
		.select({ id: reports.id, streetId: reports.streetId, createdAt: reports.createdAt, departmentId: reports.departmentId })
		.from(reports)
		.where(and(...inScope, or(touched, ratedInPeriod)))
		.all();
	if (!rows.length) return tallyFigures([], [], [], scope, from, to, now);
	const rated = handlingRatings(db, rows.map((r) => r.id));
	const list = rows.map((r) => ({ ...r, rating: rated.get(r.id)?.rating ?? null, ratedAt: rated.get(r.id)?.ratedAt ?? null }));
	const events = db
		.select({ reportId: reportEvents.reportId, kind: reportEvents.kind, departmentId: reportEvents.departmentId, dueAt: reportEvents.dueAt, createdAt: reportEvents.createdAt })
		.from(reportEvents)
		.where(inArray(reportEvents.reportId, list.map((r) => r.id)))
		.all();
	const streetId =
		scope.departmentId !== undefined ? (db.select({ s: departments.streetId }).from(departments).where(eq(departments.id, scope.departmentId)).get()?.s ?? list[0].streetId) : list[0].streetId;
	return tallyFigures(list, events, holidaysOf(db, streetId), scope, from, to, now);
}
