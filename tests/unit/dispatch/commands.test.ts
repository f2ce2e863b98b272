// The dispatch flow through its commands on the demo street: filing, triage, the department's side, the whistle,
// the reporter's verification and rating, what the jobs do by date, and the figures that come out of it.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { dept, deskAt, dispatched, escalated, file, inProgress, jinwei, leadNamed, must, replied, reportAt, reportRow, validReport, withCatalogue } from './helpers';
import { fileReport, followReport } from '../../../src/lib/server/dispatch/filing';
import { closeAtTriage, dispatchReport, handleOnSpot, reclassifyReport } from '../../../src/lib/server/dispatch/triage';
import { acceptReport, noteProgress, replyToReport, returnReport } from '../../../src/lib/server/dispatch/handling';
import { nameLead, verifyReport } from '../../../src/lib/server/dispatch/verification';
import { rateReport } from '../../../src/lib/server/ratings/commands';
import { handlingRatings } from '../../../src/lib/server/dispatch/rating';
import { ratingSubjects } from '../../../src/lib/server/ratings/schema';
import { runDispatchJobs } from '../../../src/lib/server/dispatch/jobs';
import { figures } from '../../../src/lib/server/dispatch/figures';
import { reportAbilities } from '../../../src/lib/server/dispatch/abilities';
import { loadReport } from '../../../src/lib/server/dispatch/records';
import { listReports, reportDetail } from '../../../src/lib/server/dispatch/queries';
import { reportAnswers, reportEvents, reports } from '../../../src/lib/server/dispatch/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { DAY, HOUR } from '../../../src/lib/server/db/time';

const world = () => withCatalogue(demoWorld());
/** The reporter's 滿意 (3) / 基本滿意 (2) / 不滿意 (1), through the ratings module like every rating. */
const rate = (w: ReturnType<typeof world>, who: string, id: number, overall: number, now: number) =>
	rateReport(w.db, w.actor(who), { communityId: w.ids.community.jinwei, kind: 'report', subjectId: id }, { overall: String(overall) }, now);
const timeline = (w: ReturnType<typeof world>, id: number) =>
	w.db
		.select({ kind: reportEvents.kind })
		.from(reportEvents)
		.where(eq(reportEvents.reportId, id))
		.orderBy(reportEvents.id)
		.all()
		.map((e) => e.kind);

describe('filing', () => {
	it('a verified resident files a report with a place and the answers to its service questions; the committee hears of it', async () => {
		const w = world();
		const r = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ service: 'streetlight', 'attribute[fault]': '2', 'attribute[pole]': 'JW-017' }), w.now);
		const id = must(r).id;
		expect(reportRow(w.db, id)).toMatchObject({ state: 'reported', reporterId: w.ids.user.resident1, address: '金韋花園 3 棟門口', gridId: null });
		expect(w.db.select().from(reportAnswers).where(eq(reportAnswers.reportId, id)).all().map((a) => [a.code, a.value]).sort()).toEqual([
			['fault', '2'],
			['pole', 'JW-017']
		]);
		expect(timeline(w, id)).toEqual(['filed']);
		const told = w.db.select().from(notifications).where(and(eq(notifications.userId, w.ids.user.committee1), eq(notifications.kind, 'report_new'))).all();
		expect(told).toHaveLength(1);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'report.file')).all()).toHaveLength(1);
	});

	it('refuses a report without any place, a required question left empty, an unknown choice and an unknown service', async () => {
		const w = world();
		const noPlace = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ address: '' }), w.now);
		expect(noPlace).toMatchObject({ ok: false, error: 'invalid', fields: { address: 'err_report_place_required' } });
		const noFault = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ service: 'streetlight' }), w.now);
		expect(noFault).toMatchObject({ ok: false, fields: { 'attribute[fault]': 'err_answer_required' } });
		const badChoice = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ service: 'fire_lane', 'attribute[blocked_by][]': ['1', '9'] }), w.now);
		expect(badChoice).toMatchObject({ ok: false, fields: { 'attribute[blocked_by]': 'err_answer_choice' } });
		const unknown = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ service: 'ufo' }), w.now);
		expect(unknown).toMatchObject({ ok: false, fields: { service: 'err_report_service' } });
		const halfPosition = await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ lat: '22.5' }), w.now);
		expect(halfPosition).toMatchObject({ ok: false, fields: { long: 'err_report_lat_long_pair' } });
		expect(w.db.select().from(reports).all()).toHaveLength(0);
	});

	it('a multiple choice keeps every box ticked; a neighbour follows instead of filing again, once', async () => {
		const w = world();
		const id = must(await fileReport(w.db, w.actor('resident1'), jinwei(w), validReport({ service: 'fire_lane', 'attribute[blocked_by][]': ['1', '3'] }), w.now)).id;
		expect(w.db.select().from(reportAnswers).where(eq(reportAnswers.reportId, id)).get()!.value).toBe('["1","3"]');
		expect(followReport(w.db, w.actor('resident2'), reportAt(w, id), {}, w.now).ok).toBe(true);
		expect(followReport(w.db, w.actor('resident2'), reportAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'report_already_following' });
		expect(followReport(w.db, w.actor('resident1'), reportAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'report_own' });
	});

	it('a resident of another community cannot file in 金韋; a department account cannot file at all', async () => {
		const w = world();
		expect(await fileReport(w.db, w.actor('resident9'), jinwei(w), validReport(), w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(await fileReport(w.db, w.actor('dept1'), jinwei(w), validReport(), w.now)).toEqual({ ok: false, error: 'forbidden' });
	});
});

describe('triage and the department', () => {
	it('dispatch sets the deadline of the class in working days; the department signs for it and replies with evidence', async () => {
		const w = world();
		const id = await dispatched(w);
		// 2026-11-01 is a Sunday: 3 working days are Mon–Wed, the deadline the end of Wednesday 4 November in China
		expect(reportRow(w.db, id)).toMatchObject({ state: 'dispatched', departmentId: dept(w), deadlineAt: Date.UTC(2026, 10, 4, 16) - 1 });
		must(acceptReport(w.db, w.actor('dept1'), deskAt(w, id), {}, w.now));
		must(noteProgress(w.db, w.actor('dept1'), deskAt(w, id), { note: '已聯繫環衛公司。' }, w.now));
		must(await replyToReport(w.db, w.actor('dept1'), deskAt(w, id), { note: '已清運完畢。' }, w.now + HOUR));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'replied', repliedAt: w.now + HOUR });
		expect(timeline(w, id)).toEqual(['filed', 'dispatched', 'accepted', 'progress', 'replied']);
	});

	it('another department cannot touch a report it was not given', async () => {
		const w = world();
		const id = await dispatched(w);
		// the demo has one department account (城管執法隊): move the report to 住建局 and dept1 loses it
		w.db.update(reports).set({ departmentId: dept(w, '住建局') }).where(eq(reports.id, id)).run();
		expect(acceptReport(w.db, w.actor('dept1'), deskAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
	});

	it('the third return blows the whistle: the street names a lead department, which cannot return it', async () => {
		const w = world();
		const id = await escalated(w);
		expect(reportRow(w.db, id)).toMatchObject({ state: 'escalated', returnCount: 3, departmentId: null });
		expect(timeline(w, id).slice(-2)).toEqual(['returned', 'escalated']);
		expect(dispatchReport(w.db, w.actor('committee1'), reportAt(w, id), { departmentId: String(dept(w)) }, w.now)).toEqual({ ok: false, error: 'report_not_in_triage' });
		expect(nameLead(w.db, w.actor('committee1'), { streetId: w.ids.streetId, id }, { departmentId: String(dept(w)) }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		must(nameLead(w.db, w.actor('street'), { streetId: w.ids.streetId, id }, { departmentId: String(dept(w)) }, w.now));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'dispatched', lead: true });
		expect(returnReport(w.db, w.actor('dept1'), deskAt(w, id), { reason: '還是不歸我們管。' }, w.now)).toEqual({ ok: false, error: 'report_lead_cannot_return' });
		const record = loadReport(w.db, deskAt(w, id))!;
		expect(reportAbilities(w.actor('dept1'), record, w.now)).toMatchObject({ accept: true, return: false });
		const whistle = w.db.select().from(notifications).where(and(eq(notifications.userId, w.ids.user.street), eq(notifications.kind, 'report_whistle'))).all();
		expect(whistle).toHaveLength(1);
	});

	it('closing at triage as a duplicate needs the original, and the public reason shows on the list', async () => {
		const w = world();
		const first = await file(w);
		const second = await file(w, 'resident2');
		expect(closeAtTriage(w.db, w.actor('committee1'), reportAt(w, second), { reason: 'duplicate', note: '同一處垃圾，已在處理。' }, w.now)).toMatchObject({
			ok: false,
			fields: { duplicateOfId: 'err_report_duplicate_of' }
		});
		must(closeAtTriage(w.db, w.actor('committee1'), reportAt(w, second), { reason: 'duplicate', note: '同一處垃圾，已在處理。', duplicateOfId: String(first) }, w.now));
		expect(reportRow(w.db, second)).toMatchObject({ state: 'closed', closeReason: 'duplicate', duplicateOfId: first });
		const list = listReports(w.db, w.ids.community.jinwei, { state: 'closed', service: '', page: 1 }, w.now);
		expect(list.items.map((i) => i.id)).toEqual([second]);
		expect(JSON.stringify(list)).not.toContain('王秀英');
	});

	it('a grid worker reclassifies within their grid and handles a small problem on the spot; the reporter verifies it', async () => {
		const w = world();
		const id = await file(w);
		must(reclassifyReport(w.db, w.actor('grid1'), reportAt(w, id), { service: 'greenery', gridId: String(w.ids.grids.jinwei[0]) }, w.now));
		must(await handleOnSpot(w.db, w.actor('grid1'), reportAt(w, id), { note: '已當場清理。' }, w.now));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'replied', departmentId: null });
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'fixed' }, w.now + HOUR));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'closed', closeReason: 'fixed' });
	});
});

describe('whoever reported it verifies it', () => {
	it('only the reporter verifies; "not fixed" needs a reason and goes back to the same department with a new deadline', async () => {
		const w = world();
		const id = await replied(w);
		expect(verifyReport(w.db, w.actor('resident2'), reportAt(w, id), { decision: 'fixed' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'not_fixed' }, w.now)).toMatchObject({ ok: false, fields: { reason: 'err_report_not_fixed_reason' } });
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'not_fixed', reason: '門口還是堆著兩袋垃圾。' }, w.now + DAY));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'in_progress', departmentId: dept(w), redoCount: 1 });
		must(await replyToReport(w.db, w.actor('dept1'), deskAt(w, id), { note: '已全部清走。' }, w.now + 2 * DAY));
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'fixed' }, w.now + 3 * DAY));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'closed', closeReason: 'fixed' });
		// closing it opened it for its reporter alone to rate, for 30 days
		expect(w.db.select().from(ratingSubjects).where(and(eq(ratingSubjects.kind, 'report'), eq(ratingSubjects.subjectId, id))).get()).toMatchObject({
			raterId: w.ids.user.resident1,
			closesAt: w.now + 3 * DAY + 30 * DAY
		});
		expect(rate(w, 'resident2', id, 3, w.now + 3 * DAY)).toEqual({ ok: false, error: 'forbidden' });
		must(rate(w, 'resident1', id, 2, w.now + 3 * DAY));
		expect(handlingRatings(w.db, [id]).get(id)).toEqual({ rating: 'basic', ratedAt: w.now + 3 * DAY });
		expect(rate(w, 'resident1', id, 1, w.now + 34 * DAY)).toEqual({ ok: false, error: 'rating_closed' });
	});

	it('the second "not fixed" escalates to the street', async () => {
		const w = world();
		const id = await replied(w);
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'not_fixed', reason: '還沒有處理好。' }, w.now));
		must(await replyToReport(w.db, w.actor('dept1'), deskAt(w, id), { note: '再次處理。' }, w.now));
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, id), { decision: 'not_fixed', reason: '依然沒有處理好。' }, w.now));
		expect(reportRow(w.db, id)).toMatchObject({ state: 'escalated', redoCount: 2, departmentId: null });
	});

	it('the reporter cannot rate before it is closed', async () => {
		const w = world();
		const id = await replied(w);
		expect(rate(w, 'resident1', id, 3, w.now)).toEqual({ ok: false, error: 'not_found' });
	});
});

describe('by date, with nobody acting', () => {
	it('an overdue report is reminded once, the day after its deadline, to the department and the street', async () => {
		const w = world();
		const id = await inProgress(w);
		const deadline = reportRow(w.db, id).deadlineAt!;
		expect(runDispatchJobs(w.db, deadline).overdue).toEqual([]);
		expect(runDispatchJobs(w.db, deadline + HOUR).overdue).toEqual([id]);
		expect(runDispatchJobs(w.db, deadline + 2 * HOUR).overdue).toEqual([]);
		const told = (user: number) => w.db.select().from(notifications).where(and(eq(notifications.userId, user), eq(notifications.kind, 'report_overdue'))).all().length;
		expect([told(w.ids.user.dept1), told(w.ids.user.street)]).toEqual([1, 1]);
		expect(timeline(w, id).at(-1)).toBe('overdue');
	});

	it('a reply waits: one reminder after 7 days, closed as unverified after 14 (never counted as fixed)', async () => {
		const w = world();
		const id = await replied(w);
		expect(runDispatchJobs(w.db, w.now + 7 * DAY).reminded).toEqual([id]);
		expect(runDispatchJobs(w.db, w.now + 8 * DAY).reminded).toEqual([]);
		expect(runDispatchJobs(w.db, w.now + 14 * DAY).closed).toEqual([id]);
		expect(reportRow(w.db, id)).toMatchObject({ state: 'closed', closeReason: 'unverified' });
		// the reporter may still say how it was handled
		expect(w.db.select().from(ratingSubjects).where(and(eq(ratingSubjects.kind, 'report'), eq(ratingSubjects.subjectId, id))).get()?.raterId).toBe(w.ids.user.resident1);
		const f = figures(w.db, { communityId: w.ids.community.jinwei }, w.now - DAY, w.now + 30 * DAY, w.now + 30 * DAY);
		expect(f.resolution).toEqual({ numerator: 0, denominator: 1, n: 1, rate: 0 });
	});
});

describe('figures', () => {
	it('response, resolution, satisfaction, returns, redos and the median time to fix, each with its n', async () => {
		const w = world();
		const a = await replied(w);
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, a), { decision: 'not_fixed', reason: '還有一袋沒收走。' }, w.now + HOUR));
		must(await replyToReport(w.db, w.actor('dept1'), deskAt(w, a), { note: '全部收走了。' }, w.now + 4 * HOUR));
		must(verifyReport(w.db, w.actor('resident1'), reportAt(w, a), { decision: 'fixed' }, w.now + 5 * HOUR));
		must(rate(w, 'resident1', a, 3, w.now + 5 * HOUR));
		await leadNamed(w);
		const f = figures(w.db, { communityId: w.ids.community.jinwei }, w.now - DAY, w.now + DAY, w.now + DAY);
		// four dispatches (one, three returned) and a lead: the one accepted at once and nothing else
		expect(f.response).toEqual({ numerator: 1, denominator: 5, n: 5, rate: 0.2 });
		expect(f.resolution).toEqual({ numerator: 1, denominator: 1, n: 1, rate: 1 });
		expect(f.satisfaction).toMatchObject({ numerator: 1, n: 1 });
		expect([f.returns, f.redos, f.fixed]).toEqual([3, 1, 1]);
		expect(f.medianFixMs).toBe(4 * HOUR);
		const mine = figures(w.db, { departmentId: dept(w) }, w.now - DAY, w.now + DAY, w.now + DAY);
		expect(mine.returns).toBe(3);
		expect(figures(w.db, { departmentId: dept(w, '住建局') }, w.now - DAY, w.now + DAY, w.now + DAY).response.n).toBe(0);
	});
});

describe('what the report page shows', () => {
	it('the timeline never names the reporter; staff act under their names', async () => {
		const w = world();
		const id = await replied(w);
		const detail = reportDetail(w.db, loadReport(w.db, reportAt(w, id))!, null);
		expect(JSON.stringify(detail)).not.toContain('王秀英');
		expect(detail.timeline[0]).toMatchObject({ kind: 'filed', actor: null, byReporter: true });
		expect(detail.timeline.find((e) => e.kind === 'dispatched')?.actor).toBe('林淑芬（金韋居委會）');
	});
});
