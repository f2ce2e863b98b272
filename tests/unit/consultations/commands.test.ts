import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { addResidents, propose, snapshot, validProposal } from '../proposals/helpers';
import { createProposal } from '../../../src/lib/server/proposals/commands';
import { openConsultation, postComment, replyOfficially, reportComment } from '../../../src/lib/server/consultations/commands';
import { closeThread, hideComment, lockThread, pinSummary, publishResolution, restoreComment, unlockThread } from '../../../src/lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '../../../src/lib/server/consultations/stages';
import { listThreads, threadDetail, threadsToModerate } from '../../../src/lib/server/consultations/queries';
import { proposalDetail } from '../../../src/lib/server/proposals/queries';
import { consultations, comments } from '../../../src/lib/server/consultations/schema';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { DAY } from '../../../src/lib/server/db/time';

const inbox = (w: World, u: string) => w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user[u])).all().map((n) => n.kind);
const thread = (w: World, id: number) => w.db.select().from(consultations).where(eq(consultations.id, id)).get()!;
const commentRow = (w: World, id: number) => w.db.select().from(comments).where(eq(comments.id, id)).get()!;
/** A thread's command target: its community (as the URL names it) and its id. */
const on = (w: World, id: number) => ({ communityId: w.ids.community.jinwei, id });

function open(w: World, over: Record<string, unknown> = {}) {
	const r = openConsultation(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '口袋公園改造方案', background: '街道計劃改造金韋花園口袋公園，請大家發表意見。', ...over }, w.now);
	if (!r.ok) throw new Error(JSON.stringify(r));
	return r.value.id;
}
function comment(w: World, t: number, u: string, body = '我贊成，晚上散步的人很多。', stance: string = 'support', parentId?: number) {
	const r = postComment(w.db, w.actor(u), on(w, t), { body, stance, parentId: parentId ? String(parentId) : '' }, w.now);
	if (!r.ok) throw new Error(JSON.stringify(r));
	return r.value.id;
}

describe('opening a thread', () => {
	it('from a proposal: the proposal shows "in consultation" and its author is told', () => {
		const w = demoWorld();
		const p = propose(w);
		const t = open(w, { proposalId: String(p) });
		expect(w.db.select().from(proposals).where(eq(proposals.id, p)).get()).toMatchObject({ state: 'consultation', consultationId: t });
		expect(inbox(w, 'resident1')).toEqual(['proposal_consultation']);
		expect(thread(w, t)).toMatchObject({ proposalId: p, state: 'open', major: false });
	});

	it('on its own, with a closing date that must be in the future', () => {
		const w = demoWorld();
		const past = openConsultation(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '垃圾分類新規', background: '討論垃圾分類時間安排。', closesOn: '2026-10-01' }, w.now);
		expect(past).toMatchObject({ ok: false, fields: { closesOn: 'err_consultation_closes_past' } });
		const t = open(w, { closesOn: '2026-11-10', major: 'on' });
		// the last day counts in China's time: comments close at midnight there
		expect(thread(w, t)).toMatchObject({ closesAt: Date.UTC(2026, 10, 10, 16), major: true });
	});

	it('refuses a resident, a bad topic, a proposal of another community', () => {
		const w = demoWorld();
		const before = snapshot(w);
		expect(openConsultation(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, { topic: '我想開個討論', background: '居民不能開協商。' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(openConsultation(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '短', background: '短' }, w.now)).toMatchObject({ fields: { topic: 'err_consultation_topic_length', background: 'err_consultation_background_length' } });
		expect(snapshot(w)).toEqual(before);
	});
});

describe('scope', () => {
	it('a thread or proposal is found only in the community the address names', () => {
		const w = demoWorld();
		const t = open(w);
		const c = comment(w, t, 'resident1');
		const elsewhere = { communityId: w.ids.community.fenghuangshan, id: t };
		// 鳳凰山's own people, acting through 鳳凰山's address on 金韋's thread, find nothing
		expect(postComment(w.db, w.actor('resident9'), elsewhere, { body: '我是鳳凰山的', stance: 'support' }, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(hideComment(w.db, w.actor('committee2'), elsewhere, { commentId: c, reason: '別的社區的居委會' }, w.now)).toEqual({ ok: false, error: 'not_found' });
		const filed = createProposal(w.db, w.actor('resident9'), { communityId: w.ids.community.fenghuangshan }, validProposal(), w.now);
		const theirs = filed.ok ? filed.value.id : 0;
		expect(theirs).toBeGreaterThan(0);
		expect(openConsultation(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { topic: '別的社區的議題', background: '從別的社區的議題開啟協商。', proposalId: String(theirs) }, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(commentRow(w, c).status).toBe('visible');
	});
});

describe('comments', () => {
	it('a double submit of the same comment within a few seconds stores one; the same words later are a new comment', () => {
		const w = demoWorld();
		const t = open(w);
		const body = '我贊成，晚上散步的人很多。';
		const send = (at: number, text = body) => postComment(w.db, w.actor('resident1'), on(w, t), { body: text, stance: 'support', parentId: '' }, at);
		const first = send(w.now);
		const again = send(w.now + 3_000);
		expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
		const rows = () => w.db.select().from(comments).where(eq(comments.consultationId, t)).all();
		expect(rows()).toHaveLength(1);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.comment')).all()).toHaveLength(1);
		// another text at once, or the same words a minute later, is meant: it is posted
		expect(send(w.now + 4_000, '再補充一句：路燈也要修。').ok).toBe(true);
		expect(send(w.now + 60_000).ok).toBe(true);
		expect(rows()).toHaveLength(3);
	});

	it('need a stance at the top level; replies stay one level deep and notify the replied-to author', () => {
		const w = demoWorld();
		const t = open(w);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '沒有立場的留言', stance: '' }, w.now)).toMatchObject({ fields: { stance: 'err_comment_stance' } });
		const top = comment(w, t, 'resident1');
		const reply = comment(w, t, 'resident2', '晚上的照明也要一起考慮。', '', top);
		const replyToReply = comment(w, t, 'resident3', '同意樓上。', 'question', reply);
		expect(commentRow(w, reply).parentId).toBe(top);
		expect(commentRow(w, replyToReply).parentId).toBe(top);
		expect(inbox(w, 'resident1')).toEqual(['comment_reply']);
		expect(inbox(w, 'resident2')).toEqual(['comment_reply']);
		const d = threadDetail(w.db, w.ids.community.jinwei, t, null)!;
		expect(d.comments).toHaveLength(1);
		expect(d.comments[0].replies.map((r) => r.id)).toEqual([reply, replyToReply]);
		expect(d.stances).toMatchObject({ support: 1, question: 1, people: 2 });
	});

	it('the committee answers a question officially: no stance, marked, not counted, audited as such', () => {
		const w = demoWorld();
		const t = open(w);
		const question = comment(w, t, 'resident1', '施工期間兒童遊樂區還能用嗎？', 'question');
		// the committee takes no side of its own, and answers comments rather than opening a line of argument
		expect(postComment(w.db, w.actor('committee1'), on(w, t), { body: '居委會自己的立場', stance: 'support' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(replyOfficially(w.db, w.actor('committee1'), on(w, t), { body: '居委會自己的立場' }, w.now)).toMatchObject({ ok: false, error: 'invalid', fields: { parentId: 'err_invalid' } });
		expect(replyOfficially(w.db, w.actor('resident2'), on(w, t), { body: '我不是居委會', parentId: String(question) }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		const answer = replyOfficially(w.db, w.actor('committee1'), on(w, t), { body: '施工分兩期，遊樂區在第二期才圍起來。', stance: 'oppose', parentId: String(question) }, w.now);
		expect(answer.ok).toBe(true);
		if (!answer.ok) return;
		expect(commentRow(w, answer.value.id)).toMatchObject({ official: true, stance: null, parentId: question });
		expect(replyOfficially(w.db, w.actor('committee2'), on(w, t), { body: '別的社區的居委會', parentId: String(question) }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		const d = threadDetail(w.db, w.ids.community.jinwei, t, null)!;
		expect(d.comments[0].replies[0]).toMatchObject({ official: true, stance: null });
		expect(d.stances).toMatchObject({ question: 1, people: 1 });
		expect(inbox(w, 'resident1')).toEqual(['comment_reply']);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.reply_official')).all()).toHaveLength(1);
	});

	it('are 1–2,000 characters', () => {
		const w = demoWorld();
		const t = open(w);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '   ', stance: 'support' }, w.now)).toMatchObject({ fields: { body: 'err_required' } });
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '字'.repeat(2001), stance: 'support' }, w.now)).toMatchObject({ fields: { body: 'err_comment_length' } });
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '字'.repeat(2000), stance: 'support' }, w.now).ok).toBe(true);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '好', stance: 'support' }, w.now).ok).toBe(true);
	});

	it('are refused in a locked, closed or past-date thread, and from another community', () => {
		const w = demoWorld();
		const t = open(w, { closesOn: '2026-11-03' });
		expect(postComment(w.db, w.actor('resident9'), on(w, t), { body: '我是鳳凰山的', stance: 'support' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(lockThread(w.db, w.actor('committee1'), on(w, t), {}, w.now).ok).toBe(true);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '鎖了還能說嗎', stance: 'support' }, w.now)).toEqual({ ok: false, error: 'thread_locked' });
		expect(unlockThread(w.db, w.actor('committee1'), on(w, t), {}, w.now).ok).toBe(true);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '解鎖了', stance: 'support' }, w.now).ok).toBe(true);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '過了截止日', stance: 'support' }, w.now + 3 * DAY)).toEqual({ ok: false, error: 'thread_past_closing' });
		expect(closeThread(w.db, w.actor('committee1'), on(w, t), { resolution: '經討論，決定分兩期改造口袋公園。' }, w.now).ok).toBe(true);
		expect(postComment(w.db, w.actor('resident1'), on(w, t), { body: '關了還能說嗎', stance: 'support' }, w.now)).toEqual({ ok: false, error: 'thread_closed' });
		expect(w.db.select().from(comments).all()).toHaveLength(1);
	});

	it('allow 100 a day per person', () => {
		const w = demoWorld();
		const t = open(w);
		// spread over the day so the per-address hourly limit is not what stops them
		const at = (i: number) => w.now + i * 10 * 60_000;
		const me = w.actor('resident1');
		for (let i = 0; i < 100; i++) expect(postComment(w.db, me, on(w, t), { body: `第 ${i} 則`, stance: 'neutral' }, at(i)).ok).toBe(true);
		expect(postComment(w.db, me, on(w, t), { body: '第 101 則', stance: 'neutral' }, at(100))).toMatchObject({ ok: false, error: 'limit_comments' });
		expect(postComment(w.db, me, on(w, t), { body: '隔天又可以了', stance: 'neutral' }, w.now + DAY + 1).ok).toBe(true);
	});

	it('limit what one network address may post in an hour', () => {
		const w = demoWorld();
		const t = open(w);
		const names = addResidents(w, 7);
		let refused = 0;
		for (let i = 0; i < 70; i++) {
			const actor = { ...w.actor(names[i % 7]), ip: '10.0.0.9' };
			const r = postComment(w.db, actor, on(w, t), { body: `同一網絡地址的第 ${i} 則`, stance: 'neutral' }, w.now + i);
			if (!r.ok) {
				expect(r).toMatchObject({ error: 'limit_address' });
				refused++;
			}
		}
		expect(refused).toBe(10);
		expect(postComment(w.db, { ...w.actor('resident1'), ip: '10.0.0.10' }, on(w, t), { body: '別的地址', stance: 'neutral' }, w.now + 80).ok).toBe(true);
	});
});

describe('reports and moderation', () => {
	it('three distinct reports hide a comment pending review; one report per person', () => {
		const w = demoWorld();
		const t = open(w);
		const c = comment(w, t, 'resident1', '廣告：低價裝修，加微信');
		expect(reportComment(w.db, w.actor('resident1'), on(w, t), { commentId: c, reason: 'spam' }, w.now)).toEqual({ ok: false, error: 'own_comment' });
		expect(reportComment(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: 'spam' }, w.now)).toEqual({ ok: true, value: { hidden: false, reports: 1 } });
		expect(reportComment(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: 'offensive' }, w.now)).toEqual({ ok: false, error: 'already_reported' });
		expect(reportComment(w.db, w.actor('resident3'), on(w, t), { commentId: c, reason: 'weird' }, w.now)).toMatchObject({ fields: { reason: 'err_report_reason' } });
		reportComment(w.db, w.actor('resident3'), on(w, t), { commentId: c, reason: 'spam' }, w.now);
		expect(commentRow(w, c).status).toBe('visible');
		expect(reportComment(w.db, w.actor('resident4'), on(w, t), { commentId: c, reason: 'other' }, w.now)).toEqual({ ok: true, value: { hidden: true, reports: 3 } });
		expect(commentRow(w, c)).toMatchObject({ status: 'hidden_reports', openReports: 3 });
		expect(inbox(w, 'resident1')).toEqual(['comment_hidden_reports']);
		expect(inbox(w, 'committee1')).toEqual(['comment_needs_review']);
		// readers no longer see its text; the author and the committee still do
		const asVisitor = threadDetail(w.db, w.ids.community.jinwei, t, null)!.comments[0];
		expect(asVisitor.body).toBeNull();
		expect(threadDetail(w.db, w.ids.community.jinwei, t, { userId: w.ids.user.resident1, moderator: false })!.comments[0].body).toContain('低價裝修');
		expect(threadDetail(w.db, w.ids.community.jinwei, t, { userId: w.ids.user.committee1, moderator: true })!.comments[0].body).toContain('低價裝修');
	});

	it('the committee hides with a reason the author sees, restores, and every act is audited', () => {
		const w = demoWorld();
		const t = open(w);
		const c = comment(w, t, 'resident1', '某某某就是個騙子！');
		expect(hideComment(w.db, w.actor('committee1'), on(w, t), { commentId: c, reason: '' }, w.now)).toMatchObject({ fields: { reason: 'err_required' } });
		expect(hideComment(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: '人身攻擊' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(hideComment(w.db, w.actor('committee1'), on(w, t), { commentId: c, reason: '含人身攻擊，請就事論事' }, w.now).ok).toBe(true);
		expect(commentRow(w, c)).toMatchObject({ status: 'hidden', hiddenReason: '含人身攻擊，請就事論事' });
		expect(threadDetail(w.db, w.ids.community.jinwei, t, null)!.comments[0]).toMatchObject({ body: null, hiddenReason: '含人身攻擊，請就事論事' });
		expect(restoreComment(w.db, w.actor('committee1'), on(w, t), { commentId: c }, w.now).ok).toBe(true);
		expect(restoreComment(w.db, w.actor('committee1'), on(w, t), { commentId: c }, w.now)).toEqual({ ok: false, error: 'comment_not_hidden' });
		expect(inbox(w, 'resident1')).toEqual(['comment_hidden', 'comment_restored']);
		expect(pinSummary(w.db, w.actor('committee1'), on(w, t), { summary: '目前多數居民支持改造，主要分歧在施工時間。' }, w.now).ok).toBe(true);
		expect(thread(w, t).pinnedSummary).toContain('施工時間');
		const actions = w.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.subjectType, 'comment')).all().map((r) => r.a);
		expect(actions).toEqual(['consultation.comment', 'consultation.hide', 'consultation.restore']);
	});

	it('reports and the hiding they cause are audited; a pinned summary is unpinned with an empty text', () => {
		const w = demoWorld();
		const t = open(w);
		const c = comment(w, t, 'resident1', '加微信買便宜電池');
		for (const u of ['resident2', 'resident3', 'resident4']) reportComment(w.db, w.actor(u), on(w, t), { commentId: c, reason: 'spam' }, w.now);
		const rows = w.db.select().from(auditLog).where(eq(auditLog.subjectId, c)).all();
		expect(rows.filter((r) => r.action === 'consultation.report_comment')).toHaveLength(3);
		expect(rows.filter((r) => r.action === 'consultation.auto_hide')).toMatchObject([{ actorId: null }]);
		expect(pinSummary(w.db, w.actor('committee1'), on(w, t), { summary: '多數居民支持。' }, w.now).ok).toBe(true);
		expect(pinSummary(w.db, w.actor('committee1'), on(w, t), { summary: '' }, w.now)).toEqual({ ok: true, value: { pinned: false, length: 0 } });
		expect(thread(w, t)).toMatchObject({ pinnedSummary: null, pinnedAt: null });
		const pins = w.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.pin')).all();
		expect(pins.map((r) => JSON.parse(r.summary))).toEqual([{ length: 7 }, { unpinned: true }]);
	});

	it('allow 20 reports a day per person', () => {
		const w = demoWorld();
		const t = open(w);
		const ids = Array.from({ length: 21 }, (_, i) => comment(w, t, `resident${(i % 7) + 2}`, `第 ${i} 則留言`));
		const me = { ...w.actor('resident1'), ip: null };
		ids.slice(0, 20).forEach((commentId) => expect(reportComment(w.db, me, on(w, t), { commentId, reason: 'spam' }, w.now).ok).toBe(true));
		expect(reportComment(w.db, me, on(w, t), { commentId: ids[20], reason: 'spam' }, w.now)).toMatchObject({ ok: false, error: 'limit_reports', params: { max: 20 } });
	});

	it('lists threads with their comment counts and comments awaiting review', () => {
		const w = demoWorld();
		const quiet = open(w);
		const busy = open(w, { topic: '垃圾分類督導安排' });
		comment(w, busy, 'resident1');
		const spam = comment(w, busy, 'resident2', '加微信買便宜電池');
		comment(w, busy, 'resident3', '同意', 'support', spam);
		for (const u of ['resident4', 'resident5', 'resident6']) reportComment(w.db, w.actor(u), on(w, busy), { commentId: spam, reason: 'spam' }, w.now);
		const rows = threadsToModerate(w.db, w.ids.community.jinwei);
		expect(rows.find((r) => r.id === busy)).toMatchObject({ comments: 3, awaitingReview: 1 });
		expect(rows.find((r) => r.id === quiet)).toMatchObject({ comments: 0, awaitingReview: 0 });
		expect(listThreads(w.db, w.ids.community.jinwei).map((r) => r.comments).sort()).toEqual([0, 3]);
	});

	it('restoring clears reports so the same three cannot hide it again', () => {
		const w = demoWorld();
		const t = open(w);
		const c = comment(w, t, 'resident1', '我覺得這個方案不好');
		for (const u of ['resident2', 'resident3', 'resident4']) reportComment(w.db, w.actor(u), on(w, t), { commentId: c, reason: 'off_topic' }, w.now);
		restoreComment(w.db, w.actor('committee1'), on(w, t), { commentId: c }, w.now);
		expect(commentRow(w, c)).toMatchObject({ status: 'visible', openReports: 0 });
		expect(reportComment(w.db, w.actor('resident2'), on(w, t), { commentId: c, reason: 'spam' }, w.now)).toEqual({ ok: false, error: 'already_reported' });
	});

	it('closing records the resolution, shows it on the proposal, and tells everyone who took part', () => {
		const w = demoWorld();
		const p = propose(w, 'resident5');
		const t = open(w, { proposalId: String(p) });
		comment(w, t, 'resident1');
		comment(w, t, 'resident2', '反對，噪音太大。', 'oppose');
		expect(closeThread(w.db, w.actor('committee1'), on(w, t), { resolution: '太短' }, w.now)).toMatchObject({ fields: { resolution: 'err_resolution_length' } });
		expect(closeThread(w.db, w.actor('committee2'), on(w, t), { resolution: '別的社區的居委會不能關閉。' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(closeThread(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：分兩期施工，避開午休時間。' }, w.now).ok).toBe(true);
		expect(closeThread(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：再關一次是不行的。' }, w.now)).toEqual({ ok: false, error: 'thread_closed' });
		for (const u of ['resident1', 'resident2']) expect(inbox(w, u)).toContain('thread_resolved');
		expect(inbox(w, 'resident5')).toEqual(['proposal_consultation', 'thread_resolved']);
		expect(proposalDetail(w.db, w.ids.community.jinwei, p, null)!.consultation).toMatchObject({ state: 'closed', resolution: '決議：分兩期施工，避開午休時間。' });
	});
});

describe('四議兩公開', () => {
	const stage = (stage: number, over: Record<string, unknown> = {}) => ({
		stage: String(stage),
		heldOn: `2026-10-${String(10 + stage).padStart(2, '0')}`,
		body: '會議紀要：與會居民代表逐項討論了加裝電梯的費用分攤方案。',
		outcome: '形成方案',
		entitled: '40',
		attended: '30',
		...(stage >= 3 ? { votesFor: '25', votesAgainst: '3', votesAbstain: '2' } : {}),
		...over
	});

	it('records the four stages in order, never skipping, then publishes resolution and implementation', () => {
		const w = demoWorld();
		const t = open(w, { major: 'on' });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(2), w.now)).toEqual({ ok: false, error: 'stage_out_of_order', params: { expected: 1 } });
		expect(publishResolution(w.db, w.actor('committee1'), on(w, t), { resolution: '還沒走完四議就想公開決議。' }, w.now)).toEqual({ ok: false, error: 'stages_unfinished' });
		// a 重大事項 is closed by publishing its resolution, never by the ordinary close
		expect(closeThread(w.db, w.actor('committee1'), on(w, t), { resolution: '想直接結束這個重大事項。' }, w.now)).toEqual({ ok: false, error: 'thread_major' });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(1), w.now)).toMatchObject({ ok: true, value: { stage: 1, passed: true } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(1), w.now)).toEqual({ ok: false, error: 'stage_out_of_order', params: { expected: 2 } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(2, { heldOn: '2026-10-01' }), w.now)).toMatchObject({ fields: { heldOn: 'err_stage_date_order' } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(2), w.now).ok).toBe(true);
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(4), w.now)).toMatchObject({ error: 'stage_out_of_order' });
		// out of turn is said first, even when the form lacks what that step would need
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), { ...stage(2), stage: '4' }, w.now)).toEqual({ ok: false, error: 'stage_out_of_order', params: { expected: 3 } });
		// 審議 without a quorum fails and may be held again
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3, { attended: '15', votesFor: '15', votesAgainst: '0', votesAbstain: '0' }), w.now)).toMatchObject({ ok: true, value: { stage: 3, passed: false } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(4), w.now)).toMatchObject({ error: 'stage_out_of_order', params: { expected: 3 } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3), w.now)).toMatchObject({ ok: true, value: { stage: 3, passed: true } });
		expect(publishImplementation(w.db, w.actor('committee1'), on(w, t), { implementation: '電梯已於十二月完工驗收。' }, w.now)).toEqual({ ok: false, error: 'resolution_not_public' });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(4), w.now)).toMatchObject({ ok: true, value: { stage: 4, passed: true } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(4), w.now)).toMatchObject({ error: 'stage_out_of_order' });
		expect(publishResolution(w.db, w.actor('committee1'), on(w, t), { resolution: '決議：8 棟加裝電梯，費用按樓層分攤。' }, w.now).ok).toBe(true);
		expect(publishImplementation(w.db, w.actor('committee1'), on(w, t), { implementation: '電梯已於十二月完工驗收。' }, w.now).ok).toBe(true);
		expect(publishImplementation(w.db, w.actor('committee1'), on(w, t), { implementation: '再公開一次是不行的。' }, w.now)).toEqual({ ok: false, error: 'implementation_already_public' });
		const d = threadDetail(w.db, w.ids.community.jinwei, t, null)!;
		expect(d.stages.map((s) => [s.stage, s.passed])).toEqual([
			[1, true],
			[2, true],
			[3, false],
			[3, true],
			[4, true]
		]);
		expect(d.nextStage).toBe(5);
		const actions = w.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, t)).all().map((r) => r.a);
		expect(actions.filter((a) => a === 'consultation.record_stage')).toHaveLength(5);
		expect(actions).toContain('consultation.publish_resolution');
		expect(actions).toContain('consultation.publish_implementation');
	});

	it('checks attendance and votes, and refuses stages on an ordinary thread', () => {
		const w = demoWorld();
		const t = open(w, { major: 'on' });
		recordStage(w.db, w.actor('committee1'), on(w, t), stage(1), w.now);
		recordStage(w.db, w.actor('committee1'), on(w, t), stage(2), w.now);
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3, { attended: '41' }), w.now)).toMatchObject({ fields: { attended: 'err_stage_attended' } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3, { votesFor: '30', votesAgainst: '1' }), w.now)).toMatchObject({ fields: { votesFor: 'err_stage_votes' } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3, { votesAgainst: '' }), w.now)).toMatchObject({ fields: { votesAgainst: 'err_required' } });
		expect(recordStage(w.db, w.actor('committee1'), on(w, t), stage(3, { heldOn: '2026-02-30' }), w.now)).toMatchObject({ fields: { heldOn: 'err_date' } });
		const ordinary = open(w);
		expect(recordStage(w.db, w.actor('committee1'), on(w, ordinary), stage(1), w.now)).toEqual({ ok: false, error: 'not_major' });
	});
});
