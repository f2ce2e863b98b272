// Races on two connections: a request has loaded, authorized and validated (prepare), another process commits the
// competing step, then the first request writes. The guarded update finds nothing: one winner, a clean refusal,
// nothing half-written (no timeline step, no audit row of the loser).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { dept, deskAt, dispatched, file, inProgress, must, replied, reportAt, reportRow, withCatalogue } from './helpers';
import { closeAtTriage, dispatchReport, reclassifyReport } from '../../../src/lib/server/dispatch/triage';
import { acceptReport, noteProgress, returnReport, replyToReport } from '../../../src/lib/server/dispatch/handling';
import { verifyReport } from '../../../src/lib/server/dispatch/verification';
import { runDispatchJobs } from '../../../src/lib/server/dispatch/jobs';
import { reportEvents } from '../../../src/lib/server/dispatch/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';
import { DAY } from '../../../src/lib/server/db/time';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

async function race(body: (w: RaceWorld) => Promise<void>) {
	const w = withCatalogue(raceWorld());
	try {
		await body(w);
	} finally {
		w.close();
	}
}

const steps = (w: RaceWorld, id: number, kind: (typeof reportEvents.$inferSelect)['kind']) =>
	w.db.select().from(reportEvents).where(and(eq(reportEvents.reportId, id), eq(reportEvents.kind, kind))).all().length;
const audits = (w: RaceWorld, action: string) => w.db.select().from(auditLog).where(eq(auditLog.action, action)).all().length;

describe('dispatch races', () => {
	it('a dispatch that loses to a close at triage is refused and dispatches nothing', () =>
		race(async (w) => {
			const id = await file(w);
			const late = prepared(dispatchReport.prepare(w.db, w.actor('committee1'), reportAt(w, id), { departmentId: String(dept(w)) }, w.now));
			must(closeAtTriage(w.rival, w.actor('grid1'), reportAt(w, id), { reason: 'no_action', note: '已自行恢復。' }, w.now));
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_in_triage' });
			expect(reportRow(w.db, id)).toMatchObject({ state: 'closed', departmentId: null });
			expect(steps(w, id, 'dispatched')).toBe(0);
		}));

	it('a reclassification that loses to a dispatch is refused: the department keeps the service it was given', () =>
		race(async (w) => {
			const id = await file(w);
			const before = reportRow(w.db, id).serviceId;
			const late = prepared(reclassifyReport.prepare(w.db, w.actor('grid1'), reportAt(w, id), { service: 'noise' }, w.now));
			must(dispatchReport(w.rival, w.actor('committee1'), reportAt(w, id), { departmentId: String(dept(w)) }, w.now));
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_in_triage' });
			expect(reportRow(w.db, id).serviceId).toBe(before);
		}));

	it('two colleagues of the department: one signs for it, the other’s return is refused', () =>
		race(async (w) => {
			const id = await dispatched(w);
			const late = prepared(returnReport.prepare(w.db, w.actor('dept1'), deskAt(w, id), { reason: '不屬於本隊職責範圍。' }, w.now));
			must(acceptReport(w.rival, w.actor('dept1'), deskAt(w, id), {}, w.now));
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_dispatched' });
			expect(reportRow(w.db, id)).toMatchObject({ state: 'in_progress', returnCount: 0, departmentId: dept(w) });
			expect(audits(w, 'report.return')).toBe(0);
		}));

	it('an acceptance that loses to a return is refused: the report is back in triage, not with the department', () =>
		race(async (w) => {
			const id = await dispatched(w);
			const late = prepared(acceptReport.prepare(w.db, w.actor('dept1'), deskAt(w, id), {}, w.now));
			must(returnReport(w.rival, w.actor('dept1'), deskAt(w, id), { reason: '不屬於本隊職責範圍。' }, w.now));
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_dispatched' });
			expect(reportRow(w.db, id)).toMatchObject({ state: 'returned', acceptedAt: null });
			expect(steps(w, id, 'accepted')).toBe(0);
		}));

	it('a progress note that loses to the reply is refused: the timeline ends with the reply', () =>
		race(async (w) => {
			const id = await inProgress(w);
			const late = prepared(noteProgress.prepare(w.db, w.actor('dept1'), deskAt(w, id), { note: '還在處理中。' }, w.now));
			must(await replyToReport(w.rival, w.actor('dept1'), deskAt(w, id), { note: '已處理完畢。' }, w.now));
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_in_progress' });
			expect(steps(w, id, 'progress')).toBe(0);
		}));

	it('the reporter’s "not fixed" that loses to the 14-day close is refused: it stays closed as unverified', () =>
		race(async (w) => {
			const id = await replied(w);
			const at = w.now + 14 * DAY;
			const late = prepared(verifyReport.prepare(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'not_fixed', reason: '還是沒有處理好。' }, at));
			expect(runDispatchJobs(w.rival, at).closed).toEqual([id]);
			expect(late.commit()).toEqual({ ok: false, error: 'report_not_replied' });
			expect(reportRow(w.db, id)).toMatchObject({ state: 'closed', closeReason: 'unverified', redoCount: 0 });
			expect(steps(w, id, 'reopened')).toBe(0);
		}));
});
