// Races on two database connections: a request has loaded, authorized and validated (prepare), another
// committee member or device commits the competing change, then the first request writes. One change stands;
// the other is refused cleanly and writes nothing (no second audit row, no second notice).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { propose, proposalAt } from '../proposals/helpers';
import { openConsultation, postComment, reportComment } from '../../../src/lib/server/consultations/commands';
import { closeThread, hideComment, lockThread, publishResolution, restoreComment, unlockThread } from '../../../src/lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '../../../src/lib/server/consultations/stages';
import { answerProposal } from '../../../src/lib/server/proposals/commands';
import { consultations, comments, commentReports, stages } from '../../../src/lib/server/consultations/schema';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import type { Action } from '../../../src/lib/server/policy';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}
function must<T>(r: Result<T>): T {
	if (!r.ok) throw new Error(`refused: ${r.error} ${JSON.stringify(r.fields ?? r.params ?? {})}`);
	return r.value;
}

/** Runs a race test on a fresh two-connection world, closing it whatever happens. */
function race(name: string, body: (w: RaceWorld) => void) {
	it(name, () => {
		const w = raceWorld();
		try {
			body(w);
		} finally {
			w.close();
		}
	});
}

const on = (w: RaceWorld, id: number) => ({ communityId: w.ids.community.jinwei, id });
const audited = (w: RaceWorld, action: Action) => w.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const inbox = (w: RaceWorld, username: string, kind: string) => w.db.select().from(notifications).where(and(eq(notifications.userId, w.ids.user[username]), eq(notifications.kind, kind))).all();
const threadRow = (w: RaceWorld, id: number) => w.db.select().from(consultations).where(eq(consultations.id, id)).get()!;
const commentRow = (w: RaceWorld, id: number) => w.db.select().from(comments).where(eq(comments.id, id)).get()!;

function open(w: RaceWorld, over: Record<string, unknown> = {}) {
	return must(openConsultation(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '口袋公園改造方案', background: '街道計劃改造金韋花園口袋公園，請大家發表意見。', ...over }, w.now)).id;
}
function comment(w: RaceWorld, t: number, username = 'resident1') {
	return must(postComment(w.db, w.actor(username), on(w, t), { body: '晚上散步的人很多，我贊成。', stance: 'support' }, w.now)).id;
}
const stage = (n: number) => ({
	stage: String(n),
	heldOn: `2026-10-${String(10 + n).padStart(2, '0')}`,
	body: '會議紀要：與會居民代表逐項討論了加裝電梯的費用分攤方案。',
	outcome: '形成方案',
	entitled: '40',
	attended: '30',
	...(n >= 3 ? { votesFor: '25', votesAgainst: '3', votesAbstain: '2' } : {})
});
/** A 重大事項 whose four stages have passed and whose resolution is public. */
function resolvedMajor(w: RaceWorld) {
	const t = open(w, { major: 'on' });
	for (const n of [1, 2, 3, 4]) must(recordStage(w.db, w.actor('committee1'), on(w, t), stage(n), w.now));
	must(publishResolution(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：8 棟加裝電梯，費用按樓層分攤。' }, w.now));
	return t;
}

describe('moderating at the same time', () => {
	race('two committee members hide the same comment: the first reason stands, the author is told once', (w) => {
		const t = open(w);
		const c = comment(w, t);
		const late = prepared(hideComment.prepare(w.db, w.actor('committee1'), on(w, t), { commentId: c, reason: '居委會的隱藏原因' }, w.now));
		must(hideComment(w.rival, w.actor('street'), on(w, t), { commentId: c, reason: '街道的隱藏原因' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'comment_already_hidden' });
		expect(commentRow(w, c)).toMatchObject({ status: 'hidden', hiddenReason: '街道的隱藏原因', hiddenBy: w.ids.user.street });
		expect(audited(w, 'consultation.hide')).toHaveLength(1);
		expect(inbox(w, 'resident1', 'comment_hidden')).toHaveLength(1);
	});

	race('two committee members restore the same comment: one restore, one notice', (w) => {
		const t = open(w);
		const c = comment(w, t);
		must(hideComment(w.db, w.actor('committee1'), on(w, t), { commentId: c, reason: '先隱藏再覆核' }, w.now));
		const late = prepared(restoreComment.prepare(w.db, w.actor('committee1'), on(w, t), { commentId: c }, w.now));
		must(restoreComment(w.rival, w.actor('street'), on(w, t), { commentId: c }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'comment_not_hidden' });
		expect(commentRow(w, c).status).toBe('visible');
		expect(audited(w, 'consultation.restore')).toHaveLength(1);
		expect(inbox(w, 'resident1', 'comment_restored')).toHaveLength(1);
	});

	race('two committee members lock the thread: one lock is recorded', (w) => {
		const t = open(w);
		const late = prepared(lockThread.prepare(w.db, w.actor('committee1'), on(w, t), {}, w.now + 1));
		must(lockThread(w.rival, w.actor('street'), on(w, t), {}, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_locked' });
		expect(threadRow(w, t).lockedAt).toBe(w.now);
		expect(audited(w, 'consultation.lock')).toHaveLength(1);
	});

	race('two committee members unlock the thread: one unlock is recorded', (w) => {
		const t = open(w);
		must(lockThread(w.db, w.actor('committee1'), on(w, t), {}, w.now));
		const late = prepared(unlockThread.prepare(w.db, w.actor('committee1'), on(w, t), {}, w.now));
		must(unlockThread(w.rival, w.actor('street'), on(w, t), {}, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_not_locked' });
		expect(threadRow(w, t).lockedAt).toBeNull();
		expect(audited(w, 'consultation.unlock')).toHaveLength(1);
	});
});

describe('closing at the same time', () => {
	race('two committee members close the thread: the first resolution stands, participants are told once', (w) => {
		const t = open(w);
		comment(w, t, 'resident2');
		const late = prepared(closeThread.prepare(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：居委會寫的決議內容，分兩期施工。' }, w.now));
		must(closeThread(w.rival, w.actor('street'), on(w, t), { resolution: '決議：街道寫的決議內容，一次施工完成。' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_closed' });
		expect(threadRow(w, t)).toMatchObject({ state: 'closed', resolution: '決議：街道寫的決議內容，一次施工完成。', closedBy: w.ids.user.street });
		expect(audited(w, 'consultation.close')).toHaveLength(1);
		expect(inbox(w, 'resident2', 'thread_resolved')).toHaveLength(1);
	});

	race('a comment sent as the thread is closed is refused: nothing is added after the resolution', (w) => {
		const t = open(w);
		const late = prepared(postComment.prepare(w.db, w.actor('resident1'), on(w, t), { body: '最後一句話。', stance: 'oppose' }, w.now));
		must(closeThread(w.rival, w.actor('committee1'), on(w, t), { resolution: '決議：分兩期施工，避開午休時間。' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_closed' });
		expect(w.db.select().from(comments).all()).toHaveLength(0);
		expect(audited(w, 'consultation.comment')).toHaveLength(0);
	});

	race('the same comment sent twice at once (a double submit through two server processes) is stored once', (w) => {
		const t = open(w);
		const input = { body: '晚上散步的人很多，我贊成。', stance: 'support' };
		const second = prepared(postComment.prepare(w.db, w.actor('resident1'), on(w, t), input, w.now + 1_000));
		const first = must(postComment(w.rival, w.actor('resident1'), on(w, t), input, w.now));
		expect(second.commit()).toMatchObject({ ok: true, value: { id: first.id } });
		expect(w.db.select().from(comments).all()).toHaveLength(1);
		expect(audited(w, 'consultation.comment')).toHaveLength(1);
	});

	race('a comment sent as the thread is locked is refused', (w) => {
		const t = open(w);
		const late = prepared(postComment.prepare(w.db, w.actor('resident1'), on(w, t), { body: '鎖之前寫好的。', stance: 'oppose' }, w.now));
		must(lockThread(w.rival, w.actor('committee1'), on(w, t), {}, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_locked' });
		expect(w.db.select().from(comments).all()).toHaveLength(0);
	});
});

describe('四議兩公開 at the same time', () => {
	race('two committee members record the same stage: one record, and a clean refusal', (w) => {
		const t = open(w, { major: 'on' });
		const late = prepared(recordStage.prepare(w.db, w.actor('committee1'), on(w, t), stage(1), w.now));
		must(recordStage(w.rival, w.actor('street'), on(w, t), stage(1), w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'stage_already_recorded' });
		expect(w.db.select().from(stages).where(eq(stages.consultationId, t)).all()).toHaveLength(1);
		expect(audited(w, 'consultation.record_stage')).toHaveLength(1);
	});

	race('the resolution published twice at once: the first stands', (w) => {
		const t = open(w, { major: 'on' });
		for (const n of [1, 2, 3, 4]) must(recordStage(w.db, w.actor('committee1'), on(w, t), stage(n), w.now));
		const late = prepared(publishResolution.prepare(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：居委會寫的決議內容，分兩期施工。' }, w.now));
		must(publishResolution(w.rival, w.actor('street'), on(w, t), { resolution: '決議：街道寫的決議內容，一次施工完成。' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'thread_closed' });
		expect(threadRow(w, t).resolution).toBe('決議：街道寫的決議內容，一次施工完成。');
		expect(audited(w, 'consultation.publish_resolution')).toHaveLength(1);
	});

	race('the implementation result published twice at once: the first stands', (w) => {
		const t = resolvedMajor(w);
		const late = prepared(publishImplementation.prepare(w.db, w.actor('committee1'), on(w, t), { implementation: '居委會寫的實施結果：電梯已完工。' }, w.now));
		must(publishImplementation(w.rival, w.actor('street'), on(w, t), { implementation: '街道寫的實施結果：電梯已驗收使用。' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'implementation_already_public' });
		expect(threadRow(w, t).implementation).toBe('街道寫的實施結果：電梯已驗收使用。');
		expect(audited(w, 'consultation.publish_implementation')).toHaveLength(1);
	});
});

describe('reports at the same time', () => {
	race('the same person reports from two devices at once: one report, one count', (w) => {
		const t = open(w);
		const c = comment(w, t);
		const late = prepared(reportComment.prepare(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: 'spam' }, w.now));
		must(reportComment(w.rival, w.actor('resident2'), on(w, t), { commentId: c, reason: 'offensive' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'already_reported' });
		expect(w.db.select().from(commentReports).all()).toMatchObject([{ reporterId: w.ids.user.resident2, reason: 'offensive' }]);
		expect(commentRow(w, c).openReports).toBe(1);
		expect(audited(w, 'consultation.report_comment')).toHaveLength(1);
	});

	race('a report that arrives as the committee hides the comment is refused and not counted', (w) => {
		const t = open(w);
		const c = comment(w, t);
		const late = prepared(reportComment.prepare(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: 'spam' }, w.now));
		must(hideComment(w.rival, w.actor('committee1'), on(w, t), { commentId: c, reason: '含人身攻擊' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'comment_already_hidden' });
		expect(w.db.select().from(commentReports).all()).toHaveLength(0);
		expect(commentRow(w, c)).toMatchObject({ status: 'hidden', openReports: 0 });
	});
});

describe('opening from a proposal at the same time', () => {
	race('a colleague answered the proposal a moment ago: no thread is opened, the answer stands', (w) => {
		const p = propose(w);
		const late = prepared(
			openConsultation.prepare(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '樓道堆物清理', background: '從居民的議題開啟協商，討論清理方案。', proposalId: String(p) }, w.now)
		);
		must(answerProposal(w.rival, w.actor('street'), proposalAt(w.rival, p), { reason: '物業已承諾本週清理。' }, w.now));
		expect(late.commit()).toEqual({ ok: false, error: 'proposal_already_answered' });
		expect(w.db.select().from(consultations).all()).toHaveLength(0);
		expect(w.db.select().from(proposals).where(eq(proposals.id, p)).get()).toMatchObject({ state: 'answered', consultationId: null });
		expect(inbox(w, 'resident1', 'proposal_consultation')).toHaveLength(0);
		expect(audited(w, 'consultation.open')).toHaveLength(0);
	});
});
