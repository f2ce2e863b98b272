import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { demoWorld } from '../world';
import { addResidents, propose, proposalAt, setThreshold, snapshot, validProposal } from './helpers';
import { answerProposal, createProposal, editProposal, markForMenu, mergeProposal, secondProposal, withdrawProposal } from '../../../src/lib/server/proposals/commands';
import { listProposals, proposalDetail, proposalsMarkedForMenu, responseQueue, similarLiveProposals } from '../../../src/lib/server/proposals/queries';
import { proposals, proposalSeconds } from '../../../src/lib/server/proposals/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { DAY, HOUR } from '../../../src/lib/server/db/time';
import type { World } from '../world';

const get = (w: World, id: number) => w.db.select().from(proposals).where(eq(proposals.id, id)).get()!;
const inbox = (w: World, username: string) => w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user[username])).all();
const secondsOf = (w: World, id: number) => w.db.select().from(proposalSeconds).where(eq(proposalSeconds.proposalId, id)).all();

describe('filing a proposal', () => {
	it('stores a valid proposal as open, with its history and audit', () => {
		const w = demoWorld();
		const id = propose(w);
		const p = get(w, id);
		expect(p).toMatchObject({ state: 'open', secondCount: 0, category: 'safety', location: '金韋花園 3 棟', authorId: w.ids.user.resident1 });
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'proposal.create')).all()).toHaveLength(1);
		expect(proposalDetail(w.db, w.ids.community.jinwei, id, null)!.events.map((e) => e.kind)).toEqual(['created']);
	});

	it('refuses bad input with a message per field and stores nothing', () => {
		const w = demoWorld();
		const before = snapshot(w);
		const r = createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, { title: '短', body: '太短', category: 'weather', location: 'x'.repeat(81) }, w.now);
		expect(r).toMatchObject({ ok: false, error: 'invalid', fields: { title: 'err_proposal_title_length', body: 'err_proposal_body_length', category: 'err_proposal_category', location: 'err_too_long' } });
		const long = createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal({ title: '長'.repeat(81), body: '字'.repeat(5001) }), w.now);
		expect(long).toMatchObject({ ok: false, fields: { title: 'err_proposal_title_length', body: 'err_proposal_body_length' } });
		expect(snapshot(w)).toEqual(before);
	});

	it('counts characters, not bytes: 80 Chinese characters fit, 4 fit', () => {
		const w = demoWorld();
		expect(createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal({ title: '長'.repeat(80) }), w.now).ok).toBe(true);
		expect(createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal({ title: '加裝電梯' }), w.now).ok).toBe(true);
	});

	it('allows 5 proposals a day per person, then says when to try again', () => {
		const w = demoWorld();
		for (let i = 0; i < 5; i++) propose(w, 'resident1', { title: `第${i}個議題標題` }, w.now + i * HOUR);
		const sixth = createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal(), w.now + 5 * HOUR);
		expect(sixth).toMatchObject({ ok: false, error: 'limit_proposals', params: { minutes: 19 * 60 } });
		expect(propose(w, 'resident2', {}, w.now + 5 * HOUR)).toBeGreaterThan(0);
		expect(createProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal(), w.now + DAY + 1).ok).toBe(true);
	});
});

describe('seconds (附議)', () => {
	it('the author cannot second their own proposal', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(secondProposal(w.db, w.actor('resident1'), proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'own_proposal' });
		expect(secondsOf(w, id)).toHaveLength(0);
	});

	it('a resident of 鳳凰山 cannot second in 金韋', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(secondProposal(w.db, w.actor('resident9'), proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(secondProposal(w.db, w.actor('newcomer'), proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(secondProposal(w.db, null, proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'unauthenticated' });
		expect(get(w, id).secondCount).toBe(0);
	});

	it('fifty repeated seconds from one person end in exactly one row', async () => {
		const w = demoWorld();
		const id = propose(w);
		const results = await Promise.all(Array.from({ length: 50 }, () => Promise.resolve().then(() => secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, w.now))));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.error === 'already_seconded')).toHaveLength(49);
		expect(secondsOf(w, id)).toHaveLength(1);
		expect(get(w, id).secondCount).toBe(1);
	});

	it('the database itself refuses a duplicate second', () => {
		const w = demoWorld();
		const id = propose(w);
		w.db.insert(proposalSeconds).values({ proposalId: id, userId: w.ids.user.resident2, createdAt: w.now }).run();
		expect(() => w.db.insert(proposalSeconds).values({ proposalId: id, userId: w.ids.user.resident2, createdAt: w.now }).run()).toThrow(/UNIQUE|PRIMARY/);
	});

	it('at the threshold the proposal qualifies, the deadline starts and author and committee are told', () => {
		const w = demoWorld();
		const neighbours = addResidents(w, 10);
		const id = propose(w);
		neighbours.slice(0, 9).forEach((u, i) => expect(secondProposal(w.db, w.actor(u), proposalAt(w.db, id), {}, w.now + i).ok).toBe(true));
		expect(get(w, id)).toMatchObject({ state: 'open', secondCount: 9, responseDueAt: null });
		const at = w.now + HOUR;
		expect(secondProposal(w.db, w.actor(neighbours[9]), proposalAt(w.db, id), {}, at)).toEqual({ ok: true, value: { count: 10, qualified: true } });
		expect(get(w, id)).toMatchObject({ state: 'qualified', secondCount: 10, qualifiedAt: at, responseDueAt: at + 14 * DAY });
		expect(inbox(w, 'resident1').map((n) => n.kind)).toEqual(['proposal_qualified']);
		expect(inbox(w, 'committee1').map((n) => n.kind)).toEqual(['proposal_needs_response']);
		// more seconds are still welcome; the deadline does not move
		expect(secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, at + DAY)).toEqual({ ok: true, value: { count: 11, qualified: false } });
		expect(get(w, id).responseDueAt).toBe(at + 14 * DAY);
	});

	it("uses the community's own threshold and response days", () => {
		const w = demoWorld();
		setThreshold(w, 2, 7);
		const id = propose(w);
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, w.now);
		secondProposal(w.db, w.actor('resident3'), proposalAt(w.db, id), {}, w.now);
		expect(get(w, id)).toMatchObject({ state: 'qualified', responseDueAt: w.now + 7 * DAY });
	});

	it('refuses seconds on a withdrawn or answered proposal', () => {
		const w = demoWorld();
		const a = propose(w);
		withdrawProposal(w.db, w.actor('resident1'), proposalAt(w.db, a), {}, w.now);
		expect(secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, a), {}, w.now)).toEqual({ ok: false, error: 'proposal_closed' });
		const b = propose(w, 'resident3');
		answerProposal(w.db, w.actor('committee1'), proposalAt(w.db, b), { reason: '已由物業處理完畢。' }, w.now);
		expect(secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, b), {}, w.now)).toEqual({ ok: false, error: 'proposal_closed' });
		expect(secondsOf(w, a).length + secondsOf(w, b).length).toBe(0);
	});
});

describe('editing and withdrawing', () => {
	it('the author edits until the first second, then editing is refused and nothing changes', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(editProposal(w.db, w.actor('resident1'), proposalAt(w.db, id), validProposal({ title: '3 棟樓道堆物（已補充照片）' }), w.now).ok).toBe(true);
		expect(get(w, id).title).toBe('3 棟樓道堆物（已補充照片）');
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, w.now);
		expect(editProposal(w.db, w.actor('resident1'), proposalAt(w.db, id), validProposal({ title: '改過的標題內容' }), w.now)).toEqual({ ok: false, error: 'proposal_has_seconds' });
		expect(get(w, id).title).toBe('3 棟樓道堆物（已補充照片）');
	});

	it('nobody else may edit or withdraw it', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(editProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), validProposal({ title: '別人改的標題' }), w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(withdrawProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(withdrawProposal(w.db, w.actor('committee1'), proposalAt(w.db, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(get(w, id).state).toBe('open');
	});

	it('withdrawing works before qualification and is refused after', () => {
		const w = demoWorld();
		setThreshold(w, 1);
		const a = propose(w);
		expect(withdrawProposal(w.db, w.actor('resident1'), proposalAt(w.db, a), {}, w.now).ok).toBe(true);
		expect(get(w, a)).toMatchObject({ state: 'withdrawn', withdrawnAt: w.now });
		const b = propose(w);
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, b), {}, w.now);
		expect(withdrawProposal(w.db, w.actor('resident1'), proposalAt(w.db, b), {}, w.now)).toEqual({ ok: false, error: 'proposal_not_open' });
	});
});

describe("the committee's response", () => {
	it('answers and closes with a reason; the author is told; a second answer is refused', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(answerProposal(w.db, w.actor('committee1'), proposalAt(w.db, id), { reason: '短' }, w.now)).toMatchObject({ error: 'invalid', fields: { reason: 'err_proposal_reason_length' } });
		expect(answerProposal(w.db, w.actor('committee1'), proposalAt(w.db, id), { reason: '物業已於本週清理樓道。' }, w.now).ok).toBe(true);
		expect(get(w, id)).toMatchObject({ state: 'answered', responseNote: '物業已於本週清理樓道。', respondedBy: w.ids.user.committee1 });
		expect(inbox(w, 'resident1').map((n) => n.kind)).toEqual(['proposal_answered']);
		expect(answerProposal(w.db, w.actor('committee1'), proposalAt(w.db, id), { reason: '再答一次是不行的' }, w.now)).toEqual({ ok: false, error: 'proposal_already_answered' });
	});

	it('street staff may answer too; the other community’s committee may not', () => {
		const w = demoWorld();
		const id = propose(w);
		expect(answerProposal(w.db, w.actor('committee2'), proposalAt(w.db, id), { reason: '不是我們社區的事' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(answerProposal(w.db, w.actor('street'), proposalAt(w.db, id), { reason: '街道統一安排處理。' }, w.now).ok).toBe(true);
	});

	it('marks for a project menu, which the menus domain can then offer', () => {
		const w = demoWorld();
		const id = propose(w, 'resident1', { title: '口袋公園增設座椅' });
		propose(w, 'resident2', { title: '另一個還在徵集的議題' });
		expect(markForMenu(w.db, w.actor('committee1'), proposalAt(w.db, id), { note: '列入下期民生微實事' }, w.now).ok).toBe(true);
		expect(proposalsMarkedForMenu(w.db, w.ids.community.jinwei)).toEqual([{ id, title: '口袋公園增設座椅' }]);
		expect(proposalsMarkedForMenu(w.db, w.ids.community.fenghuangshan)).toEqual([]);
		expect(inbox(w, 'resident1').map((n) => n.kind)).toEqual(['proposal_menu']);
	});

	it('merging carries seconds over once each, never the target author, and may qualify the target', () => {
		const w = demoWorld();
		setThreshold(w, 4);
		const target = propose(w, 'resident1', { title: '電動車充電樁不夠用' });
		const dup = propose(w, 'resident2', { title: '希望增設充電樁' });
		for (const u of ['resident3', 'resident4']) secondProposal(w.db, w.actor(u), proposalAt(w.db, target), {}, w.now);
		for (const u of ['resident3', 'resident5', 'resident1']) secondProposal(w.db, w.actor(u), proposalAt(w.db, dup), {}, w.now);
		const r = mergeProposal(w.db, w.actor('committee1'), proposalAt(w.db, dup), { targetId: String(target) }, w.now + HOUR);
		expect(r).toEqual({ ok: true, value: { targetId: target, count: 3, carried: 2 } });
		const seconders = secondsOf(w, target).map((s) => s.userId).sort();
		expect(seconders).toEqual([w.ids.user.resident3, w.ids.user.resident4, w.ids.user.resident5].sort());
		expect(get(w, dup)).toMatchObject({ state: 'merged', mergedIntoId: target });
		expect(get(w, target).state).toBe('open');
		expect(inbox(w, 'resident2').map((n) => n.kind)).toEqual(['proposal_merged']);
		const detail = proposalDetail(w.db, w.ids.community.jinwei, target, null)!;
		expect(detail.mergedFrom.map((m) => m.id)).toEqual([dup]);
		expect(detail.events.map((e) => e.kind)).toEqual(['created', 'merged_in']);
		// one more neighbour's second brings it to the threshold
		secondProposal(w.db, w.actor('resident6'), proposalAt(w.db, target), {}, w.now + 2 * HOUR);
		expect(get(w, target).state).toBe('qualified');
	});

	it('refuses to merge into itself, a closed proposal, or one of another community', () => {
		const w = demoWorld();
		const a = propose(w);
		const closed = propose(w, 'resident2');
		withdrawProposal(w.db, w.actor('resident2'), proposalAt(w.db, closed), {}, w.now);
		for (const targetId of [a, closed, 99999]) {
			expect(mergeProposal(w.db, w.actor('committee1'), proposalAt(w.db, a), { targetId }, w.now)).toMatchObject({ ok: false, fields: { targetId: 'err_proposal_merge_target' } });
		}
		expect(get(w, a).state).toBe('open');
	});

	it('queues qualified proposals overdue first', () => {
		const w = demoWorld();
		setThreshold(w, 1, 14);
		const early = propose(w, 'resident1', { title: '很早達標的議題' }, w.now - 20 * DAY);
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, early), {}, w.now - 20 * DAY);
		const late = propose(w, 'resident3', { title: '最近才達標的議題' }, w.now - DAY);
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, late), {}, w.now - DAY);
		const { queue } = responseQueue(w.db, w.ids.community.jinwei, w.now);
		expect(queue.map((q) => [q.id, q.overdue])).toEqual([
			[early, true],
			[late, false]
		]);
	});
});

describe('finding proposals', () => {
	const query = (over: Record<string, unknown>) => ({ q: '', state: 'all' as const, category: 'all' as const, sort: 'newest' as const, page: 1, ...over });

	it('finds Chinese words inside titles and bodies, including two-character words', () => {
		const w = demoWorld();
		const ev = propose(w, 'resident1', { title: '金韋花園增設電動車充電樁', body: '晚上電動自行車沒地方充電，有人從樓上拉線，很危險。', category: 'facilities' });
		const lift = propose(w, 'resident2', { title: '韋園新村 8 棟加裝電梯', body: '八樓的長者下樓困難，希望加裝電梯。', category: 'facilities' });
		propose(w, 'resident3', { title: '口袋公園夜間照明不足', body: '路燈壞了三盞，晚上散步看不清。', category: 'environment' });
		const ids = (q: string) => listProposals(w.db, w.ids.community.jinwei, query({ q }), w.now).items.map((i) => i.id);
		expect(ids('充電')).toEqual([ev]);
		expect(ids('電梯')).toEqual([lift]);
		expect(ids('電動車')).toEqual([ev]);
		expect(ids('拉線')).toEqual([ev]);
		expect(ids('自行車')).toEqual([ev]);
		expect(ids('電')).toEqual(expect.arrayContaining([ev, lift]));
		expect(ids('充電 危險')).toEqual([ev]);
		expect(ids('游泳池')).toEqual([]);
		expect(ids('"; drop table proposals; --')).toEqual([]);
	});

	it('keeps the index in step with edits', () => {
		const w = demoWorld();
		const id = propose(w, 'resident1', { title: '垃圾分類亭太臭', body: '夏天垃圾分類亭的氣味很重，影響周邊住戶。' });
		editProposal(w.db, w.actor('resident1'), proposalAt(w.db, id), validProposal({ title: '樓下綠化帶雜草叢生', body: '綠化帶很久沒有修剪，蚊子很多。' }), w.now);
		const ids = (q: string) => listProposals(w.db, w.ids.community.jinwei, query({ q }), w.now).items.map((i) => i.id);
		expect(ids('垃圾分類')).toEqual([]);
		expect(ids('綠化帶')).toEqual([id]);
	});

	it('filters by state, overdue and category, sorts by seconds and deadline, and pages', () => {
		const w = demoWorld();
		setThreshold(w, 2, 14);
		const a = propose(w, 'resident1', { title: '議題甲的標題', category: 'parking' }, w.now - 30 * DAY);
		const b = propose(w, 'resident2', { title: '議題乙的標題', category: 'care' }, w.now - 2 * DAY);
		const c = propose(w, 'resident3', { title: '議題丙的標題', category: 'care' }, w.now - DAY);
		for (const u of ['resident4', 'resident5']) secondProposal(w.db, w.actor(u), proposalAt(w.db, a), {}, w.now - 20 * DAY);
		for (const u of ['resident4', 'resident5', 'resident6']) secondProposal(w.db, w.actor(u), proposalAt(w.db, b), {}, w.now - DAY);
		const list = (over: Record<string, unknown>) => listProposals(w.db, w.ids.community.jinwei, query(over), w.now).items.map((i) => i.id);
		expect(list({})).toEqual([c, b, a]);
		expect(list({ sort: 'seconds' })).toEqual([b, a, c]);
		expect(list({ sort: 'deadline' })).toEqual([a, b, c]);
		expect(list({ state: 'overdue' })).toEqual([a]);
		expect(list({ state: 'open' })).toEqual([c]);
		expect(list({ category: 'care' })).toEqual([c, b]);
		const first = listProposals(w.db, w.ids.community.jinwei, query({}), w.now).items;
		expect(first.find((i) => i.id === a)!.overdue).toBe(true);
		for (let i = 0; i < 20; i++) propose(w, `resident${(i % 5) + 4}`, { title: `分頁測試議題 ${i}` }, w.now - 40 * DAY + i * DAY);
		const page2 = listProposals(w.db, w.ids.community.jinwei, query({ page: 2 }), w.now);
		expect(page2).toMatchObject({ total: 23, pages: 2, page: 2 });
		expect(page2.items).toHaveLength(3);
	});

	it('suggests similar open proposals before filing, not closed ones', () => {
		const w = demoWorld();
		const ev = propose(w, 'resident1', { title: '金韋花園增設電動車充電樁' });
		const old = propose(w, 'resident2', { title: '增設電動車充電樁（舊）' });
		withdrawProposal(w.db, w.actor('resident2'), proposalAt(w.db, old), {}, w.now);
		expect(similarLiveProposals(w.db, w.ids.community.jinwei, '希望多裝一些充電樁').map((s) => s.id)).toEqual([ev]);
		expect(similarLiveProposals(w.db, w.ids.community.fenghuangshan, '希望多裝一些充電樁')).toEqual([]);
	});
});

describe('the history', () => {
	it('records every change with who made it', () => {
		const w = demoWorld();
		setThreshold(w, 1);
		const id = propose(w);
		secondProposal(w.db, w.actor('resident2'), proposalAt(w.db, id), {}, w.now + 1);
		answerProposal(w.db, w.actor('committee1'), proposalAt(w.db, id), { reason: '已安排清理，謝謝反映。' }, w.now + 2);
		const events = proposalDetail(w.db, w.ids.community.jinwei, id, w.ids.user.resident2)!;
		expect(events.events.map((e) => [e.kind, e.actorName])).toEqual([
			['created', '王秀英'],
			['qualified', null],
			['answered', '林淑芬（金韋居委會）']
		]);
		expect(events.seconded).toBe(true);
		expect(w.db.all(sql`select action from audit_log where subject_type = 'proposal' order by id`).map((r) => (r as { action: string }).action)).toEqual([
			'proposal.create',
			'proposal.qualify',
			'proposal.second',
			'proposal.answer'
		]);
		expect(w.db.select().from(proposalSeconds).where(and(eq(proposalSeconds.proposalId, id))).all()).toHaveLength(1);
	});
});
