// What happens by date, with nobody acting: the overdue reminder (催辦) the day after a deadline, the reporter's
// reminder seven days after a reply, and the close as "unverified" after fourteen. The job runner calls
// runDispatchJobs every few minutes; it works out from the data what is due, so a missed run catches up, and each
// reminder is claimed by a row of report_reminders (one per report, kind and deadline), so nothing is sent twice.
import { and, eq, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { notify } from '../notifications/commands';
import { writeAudit } from '../audit/log';
import { reportReminders, reports, REPORT_REMINDER_KINDS } from './schema';
import { addEvent, departmentUserIds, deskLink, loadReport, reportLink, serviceParams, streetDeskLink, streetStaffIds, type ReportRecord } from './records';
import { AUTO_CLOSE_MS, VERIFY_REMINDER_MS } from './rules';
import { openHandlingRating } from './rating';

type Kind = (typeof REPORT_REMINDER_KINDS)[number];

/** Claims the reminder of this kind about this deadline (or reply); false when it was sent already. */
function claim(tx: DbOrTx, reportId: number, kind: Kind, dueAt: number, now: number): boolean {
	return tx.insert(reportReminders).values({ reportId, kind, dueAt, sentAt: now }).onConflictDoNothing().run().changes === 1;
}

const unclaimed = (kind: Kind, dueAt: typeof reports.deadlineAt | typeof reports.repliedAt) =>
	notExists(
		sql`(select 1 from ${reportReminders} where ${reportReminders.reportId} = ${reports.id} and ${reportReminders.kind} = ${kind} and ${reportReminders.dueAt} = ${dueAt})`
	);

/** 催辦: the department and the street are told, once per report and deadline, and the timeline says so. */
function remindOverdue(tx: DbOrTx, { report, community, service, streetSlug }: ReportRecord, now: number): boolean {
	if (report.deadlineAt === null || report.departmentId === null || !claim(tx, report.id, 'overdue', report.deadlineAt, now)) return false;
	addEvent(tx, report.id, 'overdue', null, now, { departmentId: report.departmentId, dueAt: report.deadlineAt });
	const params = { id: report.id, community: community.name, ...serviceParams(service) };
	notify(tx, departmentUserIds(tx, report.departmentId), 'report_overdue', params, deskLink(streetSlug, report.departmentId, report.id), now);
	notify(tx, streetStaffIds(tx, report.streetId), 'report_overdue', params, streetDeskLink(streetSlug, report.id), now);
	return true;
}

/** Fourteen days without a word from the reporter: closed as unverified, which never counts as fixed. */
function closeUnverified(tx: DbOrTx, { report, community, service }: ReportRecord, now: number): boolean {
	if (report.state !== 'replied' || report.repliedAt === null || now - report.repliedAt < AUTO_CLOSE_MS) return false;
	const closed = tx
		.update(reports)
		.set({ state: 'closed', closeReason: 'unverified', closedAt: now, deadlineAt: null, updatedAt: now })
		.where(and(eq(reports.id, report.id), eq(reports.state, 'replied'), eq(reports.repliedAt, report.repliedAt ?? 0)))
		.run();
	if (closed.changes === 0) return false;
	addEvent(tx, report.id, 'unverified', null, now);
	openHandlingRating(tx, report, community, now);
	writeAudit(tx, null, { action: 'report.auto_close', subjectType: 'report', subjectId: report.id, communityId: report.communityId, streetId: report.streetId, summary: { repliedAt: report.repliedAt } }, now);
	if (report.reporterId) notify(tx, [report.reporterId], 'report_unverified', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id), now);
	return true;
}

/** One reminder, a week after the reply, to whoever reported it. */
function remindVerify(tx: DbOrTx, { report, community, service }: ReportRecord, now: number): boolean {
	if (report.repliedAt === null || !report.reporterId || !claim(tx, report.id, 'verify', report.repliedAt, now)) return false;
	notify(tx, [report.reporterId], 'report_verify_reminder', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id), now);
	return true;
}

export type DispatchJobTally = { overdue: number[]; reminded: number[]; closed: number[] };

/** Everything due at `now`. Safe to run as often as wanted, and twice at once (claims and guards decide). */
export function runDispatchJobs(db: Db, now: number): DispatchJobTally {
	const tally: DispatchJobTally = { overdue: [], reminded: [], closed: [] };
	const overdue = db
		.select({ id: reports.id })
		.from(reports)
		.where(and(inArray(reports.state, ['dispatched', 'in_progress']), lt(reports.deadlineAt, now), unclaimed('overdue', reports.deadlineAt)))
		.all();
	const waiting = db
		.select({ id: reports.id, repliedAt: reports.repliedAt })
		.from(reports)
		.where(and(eq(reports.state, 'replied'), lte(reports.repliedAt, now - VERIFY_REMINDER_MS)))
		.all();
	const each = (id: number, step: (tx: DbOrTx, r: ReportRecord) => boolean, into: number[]) =>
		db.transaction(
			(tx) => {
				const record = loadReport(tx, { id });
				if (record && step(tx, record)) into.push(id);
			},
			{ behavior: 'immediate' }
		);
	for (const { id } of overdue) each(id, (tx, r) => r.report.state !== 'closed' && r.report.deadlineAt !== null && r.report.deadlineAt < now && remindOverdue(tx, r, now), tally.overdue);
	for (const { id, repliedAt } of waiting) {
		// a run that missed a week closes what is due and does not first remind of it
		if (repliedAt !== null && now - repliedAt >= AUTO_CLOSE_MS) each(id, (tx, r) => closeUnverified(tx, r, now), tally.closed);
		else each(id, (tx, r) => r.report.state === 'replied' && remindVerify(tx, r, now), tally.reminded);
	}
	return tally;
}
