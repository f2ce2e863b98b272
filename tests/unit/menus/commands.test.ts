import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { makeMenu, menuAt, projectAt } from './helpers';
import { createMenu, advancePhase, editMenu } from '../../../src/lib/server/menus/commands';
import { submitCandidate, reviewCandidate } from '../../../src/lib/server/menus/candidates';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { ballotOf } from '../../../src/lib/server/menus/queries';
import { ballotChoices, ballots, menuProjects, menus } from '../../../src/lib/server/menus/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';

const menuForm = (patch: Record<string, unknown> = {}) => ({
	title: '2027 年民生微實事',
	description: '**預算**來自區財政',
	budget: '300,000',
	ballotRule: 'approval_budget',
	maxChoices: '',
	minChoices: '',
	tallyRule: 'greedy',
	minVotes: '',
	collectStartsAt: '2026-11-01',
	reviewStartsAt: '2026-11-15',
	voteStartsAt: '2026-12-01',
	resultsStartsAt: '2026-12-15',
	implementationStartsAt: '2027-01-01',
	acceptanceStartsAt: '2027-06-01',
	...patch
});

describe('creating a menu', () => {
	it('street staff create one with a budget in yuan (stored in fen) and dated phases', () => {
		const w = demoWorld();
		const r = castOk(createMenu(w.db, w.actor('street'), { communityId: w.ids.community.jinwei }, menuForm(), w.now));
		const menu = w.db.select().from(menus).where(eq(menus.id, r.id)).get()!;
		expect(menu.budget).toBe(30_000_000);
		expect([menu.currency, menu.amountScale, menu.voteType]).toEqual(['CNY', 100, 'approval']);
		expect(menu.voteStartsAt).toBe(Date.UTC(2026, 10, 30, 16));
	});

	it.each([
		['budget', '-5000', 'err_money_negative'],
		['budget', '三十萬', 'err_money'],
		['budget', 'abc', 'err_money'],
		['budget', '1.234,5', 'err_money'],
		['budget', '1000.505', 'err_money_decimals'],
		['budget', '100000000.01', 'err_money_too_big'],
		['budget', '0', 'err_money_positive'],
		['budget', '0.00', 'err_money_positive'],
		['budget', '', 'err_required'],
		['voteStartsAt', '2026-11-10', 'err_menu_date_order'],
		['resultsStartsAt', '2026-02-30', 'err_menu_date'],
		['ballotRule', 'anything', 'err_invalid']
	])('refuses %s = %j with %s and stores nothing', (field, value, key) => {
		const w = demoWorld();
		const r = createMenu(w.db, w.actor('street'), { communityId: w.ids.community.jinwei }, menuForm({ [field]: value }), w.now);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.fields?.[field]).toBe(key);
		expect(w.db.select({ n: count() }).from(menus).get()!.n).toBe(0);
	});

	it('a bad budget and dates out of order are reported together', () => {
		const w = demoWorld();
		const r = createMenu(w.db, w.actor('street'), { communityId: w.ids.community.jinwei }, menuForm({ budget: '-1', voteStartsAt: '2026-11-10' }), w.now);
		expect(!r.ok && r.fields).toEqual({ budget: 'err_money_negative', voteStartsAt: 'err_menu_date_order' });
	});

	it('choose up to k needs k, and the threshold rule needs its threshold', () => {
		const w = demoWorld();
		const r = createMenu(w.db, w.actor('street'), { communityId: w.ids.community.jinwei }, menuForm({ ballotRule: 'choose_k', tallyRule: 'greedy-threshold' }), w.now);
		expect(r.ok || r.fields).toEqual({ maxChoices: 'err_menu_max_required', minVotes: 'err_menu_min_votes_required' });
	});
});

describe('editing a menu', () => {
	it('street staff correct it before the vote; afterwards it is locked', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'review', { costs: [150000] });
		const edit = (menuId: number, patch: Record<string, unknown> = {}) => editMenu(w.db, w.actor('street'), menuAt(w.db, menuId), menuForm(patch), w.now);
		expect(edit(menu.id, { title: '改名後的菜單' }).ok).toBe(true);
		expect(w.db.select().from(menus).where(eq(menus.id, menu.id)).get()!.title).toBe('改名後的菜單');
		expect(edit(menu.id, { budget: '100000' })).toMatchObject({ fields: { budget: 'err_menu_budget_below_project' } });
		const voting = makeMenu(w, 'vote');
		expect(edit(voting.menu.id)).toMatchObject({ error: 'menu_locked' });
	});
});

function castOk<T>(r: { ok: true; value: T } | { ok: false; error: string; fields?: unknown }): T {
	if (!r.ok) throw new Error(`expected ok, got ${r.error} ${JSON.stringify(r.fields ?? '')}`);
	return r.value;
}

describe('candidates and review', () => {
	it('a resident submits during collect; the committee marks it feasible with a final cost', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'collect', { costs: [] });
		const c = castOk(submitCandidate(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { title: '樓道照明改造', description: '換 LED 感應燈', estimatedCost: '45000' }, w.now));
		castOk(reviewCandidate(w.db, w.actor('committee1'), projectAt(w.db, c.id), { decision: 'feasible', finalCost: '42,000' }, w.now));
		const p = w.db.select().from(menuProjects).where(eq(menuProjects.id, c.id)).get()!;
		expect([p.estimatedCost, p.feasibility, p.finalCost]).toEqual([4_500_000, 'feasible', 4_200_000]);
		const inbox = w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.resident2)).all();
		expect(inbox.map((n) => n.kind)).toContain('menu_candidate_feasible');
	});

	it('not feasible needs a public reason', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'review', { costs: [] });
		const c = w.db.insert(menuProjects).values({ menuId: menu.id, title: '泳池', estimatedCost: 280000, createdAt: w.now }).returning().get();
		const r = reviewCandidate(w.db, w.actor('committee1'), projectAt(w.db, c.id), { decision: 'infeasible', reason: '' }, w.now);
		expect(!r.ok && r.fields).toEqual({ reason: 'err_menu_reason_required' });
		castOk(reviewCandidate(w.db, w.actor('street'), projectAt(w.db, c.id), { decision: 'infeasible', reason: '場地不屬社區所有' }, w.now));
		expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, c.id)).get()!.infeasibleReason).toBe('場地不屬社區所有');
	});

	it('refuses negative, non-numeric and over-budget costs', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'collect', { costs: [], budget: 200000 });
		const submit = (estimatedCost: string) => submitCandidate(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { title: '充電樁', estimatedCost }, w.now);
		expect(submit('-1')).toMatchObject({ fields: { estimatedCost: 'err_money_negative' } });
		expect(submit('abc')).toMatchObject({ fields: { estimatedCost: 'err_money' } });
		expect(submit('200001')).toMatchObject({ fields: { estimatedCost: 'err_menu_cost_over_budget' } });
		// One fen over the budget does not fit either.
		expect(submit('200000.01')).toMatchObject({ fields: { estimatedCost: 'err_menu_cost_over_budget' } });
		expect(w.db.select({ n: count() }).from(menuProjects).get()!.n).toBe(0);
	});

	it('candidates are taken only while collecting', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'vote');
		expect(submitCandidate(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { title: '長者飯堂', estimatedCost: '1000' }, w.now)).toMatchObject({ error: 'menu_not_collecting' });
	});
});

describe('ballots', () => {
	it('a verified resident votes within the budget, and can change the ballot (the last one counts)', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { budget: 300000, costs: [150000, 120000, 80000] });
		const me = w.actor('resident1');
		expect(castOk(castBallot(w.db, me, menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[1])] }, w.now)).replaced).toBe(false);
		expect(castOk(castBallot(w.db, me, menuAt(w.db, menu.id), { projectIds: String(ids[2]) }, w.now + 1)).replaced).toBe(true);
		expect(ballotOf(w.db, menu.id, me.userId)?.projectIds).toEqual([ids[2]]);
		expect(w.db.select({ n: count() }).from(ballots).get()!.n).toBe(1);
	});

	it('voting and changing the vote are one audited action that says it changed, never what was chosen', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote');
		const me = w.actor('resident1');
		castOk(castBallot(w.db, me, menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now));
		castOk(castBallot(w.db, me, menuAt(w.db, menu.id), { projectIds: [String(ids[1])] }, w.now + 1));
		const rows = w.db.select().from(auditLog).where(eq(auditLog.subjectId, menu.id)).all();
		expect(rows.map((r) => [r.action, JSON.parse(r.summary)])).toEqual([
			['menu.vote', {}],
			['menu.vote', { changed: true }]
		]);
		expect(rows.some((r) => ids.some((id) => r.summary.includes(String(id))))).toBe(false);
	});

	it('a menu is found only under its own community', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote');
		const elsewhere = { communityId: w.ids.community.fenghuangshan, id: menu.id };
		expect(castBallot(w.db, w.actor('resident9'), elsewhere, { projectIds: [String(ids[0])] }, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(reviewCandidate(w.db, w.actor('committee2'), { ...projectAt(w.db, ids[0]), communityId: w.ids.community.fenghuangshan }, { decision: 'feasible', finalCost: '1' }, w.now)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const other = makeMenu(w, 'vote');
		expect(reviewCandidate(w.db, w.actor('committee1'), { ...projectAt(w.db, ids[0]), menuId: other.menu.id }, { decision: 'feasible', finalCost: '1' }, w.now)).toEqual({
			ok: false,
			error: 'not_found'
		});
	});

	it('over budget is refused with the amounts, and nothing is stored', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { budget: 300000, costs: [150000, 120000, 80000] });
		const r = castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: ids.map(String) }, w.now);
		expect(r).toMatchObject({ ok: false, error: 'menu_ballot_over_budget', params: { budget: '¥300,000', total: '¥350,000', over: '¥50,000' } });
		expect(w.db.select({ n: count() }).from(ballots).get()!.n).toBe(0);
	});

	it('more than k is refused; fewer than the minimum too', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { ballotRule: 'choose_k', maxChoices: 2, minChoices: 2, costs: [1, 2, 3] });
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: ids.map(String) }, w.now)).toMatchObject({ error: 'menu_ballot_too_many', params: { max: 2, count: 3 } });
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now)).toMatchObject({ error: 'menu_ballot_too_few', params: { min: 2, count: 1 } });
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [] }, w.now)).toMatchObject({ error: 'menu_ballot_empty' });
	});

	// One after another (the command is synchronous); two connections at once are in races.test.ts.
	it('100 ballots in a row from one voter end as exactly one ballot, the last one counting', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { costs: [100, 200, 300] });
		const me = w.actor('resident3');
		const results = Array.from({ length: 100 }, (_, i) => castBallot(w.db, me, menuAt(w.db, menu.id), { projectIds: [String(ids[i % 3])] }, w.now + i));
		expect(results.every((r) => r.ok)).toBe(true);
		expect(w.db.select({ n: count() }).from(ballots).where(eq(ballots.menuId, menu.id)).get()!.n).toBe(1);
		expect(w.db.select({ n: count() }).from(ballotChoices).get()!.n).toBe(1);
		expect(ballotOf(w.db, menu.id, me.userId)?.projectIds).toEqual([ids[99 % 3]]);
	});

	it('the database itself refuses a second ballot row for the same voter', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'vote');
		const row = { menuId: menu.id, voterId: w.ids.user.resident1, createdAt: w.now, updatedAt: w.now };
		w.db.insert(ballots).values(row).run();
		expect(() => w.db.insert(ballots).values(row).run()).toThrow(/UNIQUE/);
	});

	it('a fenghuangshan resident cannot vote in jinwei, nor street staff', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote');
		expect(castBallot(w.db, w.actor('resident9'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now)).toMatchObject({ error: 'forbidden' });
		expect(castBallot(w.db, w.actor('street'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now)).toMatchObject({ error: 'forbidden' });
		expect(castBallot(w.db, w.actor('newcomer'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now)).toMatchObject({ error: 'forbidden' });
		expect(w.db.select({ n: count() }).from(ballots).get()!.n).toBe(0);
	});

	it('voting outside the vote phase is refused', () => {
		const w = demoWorld();
		const before = makeMenu(w, 'review');
		const after = makeMenu(w, 'results');
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, before.menu.id), { projectIds: [String(before.ids[0])] }, w.now)).toMatchObject({ error: 'menu_vote_not_open' });
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, after.menu.id), { projectIds: [String(after.ids[0])] }, w.now)).toMatchObject({ error: 'menu_vote_closed' });
	});

	it('a project not feasible cannot be chosen; unknown ids and ids of another menu are named as such', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote');
		const other = makeMenu(w, 'vote');
		const bad = w.db.insert(menuProjects).values({ menuId: menu.id, title: '不可行項目', estimatedCost: 10, feasibility: 'infeasible', infeasibleReason: '不符規定', createdAt: w.now }).returning().get();
		const vote = (projectIds: string[]) => castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds }, w.now);
		expect(vote([String(ids[0]), String(bad.id)])).toMatchObject({ error: 'menu_ballot_not_on_ballot', params: { project: '不可行項目' } });
		expect(vote([String(other.ids[0])])).toMatchObject({ error: 'menu_ballot_unknown_project' });
		expect(vote(['99999'])).toMatchObject({ error: 'menu_ballot_unknown_project' });
		expect(vote(['<script>'])).toMatchObject({ error: 'menu_ballot_unknown_project' });
		expect(w.db.select({ n: count() }).from(ballots).get()!.n).toBe(0);
	});
});

describe('advancing and publishing', () => {
	it('street staff advance collect → review → vote, and residents are told that voting opened', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'collect');
		expect(castOk(advancePhase(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).phase).toBe('review');
		expect(castOk(advancePhase(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).phase).toBe('vote');
		const told = w.db.select().from(notifications).where(eq(notifications.kind, 'menu_vote_open')).all();
		expect(told.map((n) => n.userId).sort()).toEqual(
			['grid1', 'resident1', 'resident2', 'resident3', 'resident4', 'resident5', 'resident6', 'resident7', 'resident8'].map((u) => w.ids.user[u]).sort()
		);
	});

	it('the vote cannot open without a feasible project: none, or only infeasible and pending ones', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'review', { costs: [] });
		expect(advancePhase(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ error: 'menu_no_feasible_projects' });
		const { menu: judged, ids } = makeMenu(w, 'review', { costs: [50_000, 60_000] });
		w.db.update(menuProjects).set({ feasibility: 'infeasible', infeasibleReason: '不在社區範圍內' }).where(eq(menuProjects.id, ids[0])).run();
		w.db.update(menuProjects).set({ feasibility: 'pending', finalCost: null }).where(eq(menuProjects.id, ids[1])).run();
		expect(advancePhase(w.db, w.actor('street'), menuAt(w.db, judged.id), {}, w.now)).toMatchObject({ error: 'menu_no_feasible_projects' });
		expect(w.db.select().from(menus).where(eq(menus.id, judged.id)).get()!.advancedTo).toBeNull();
		// One feasible project is enough.
		w.db.update(menuProjects).set({ feasibility: 'feasible', finalCost: 60_000_00 }).where(eq(menuProjects.id, ids[1])).run();
		expect(castOk(advancePhase(w.db, w.actor('street'), menuAt(w.db, judged.id), {}, w.now)).phase).toBe('vote');
	});

	it('results are published once the vote is closed, frozen, and voters are told', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { budget: 300000, costs: [150000, 120000, 80000] });
		castOk(castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[2])] }, w.now));
		castOk(castBallot(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[1])] }, w.now));
		castOk(castBallot(w.db, w.actor('resident3'), menuAt(w.db, menu.id), { projectIds: [String(ids[1])] }, w.now));
		expect(publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ error: 'menu_results_vote_open' });
		castOk(advancePhase(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now));
		const results = castOk(publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now));
		// 150k (2 votes) + 120k (2 votes) fit; 80k (1 vote) does not fit in the remaining 30k.
		expect(results.selected).toEqual([ids[1], ids[0]]);
		expect(results.projects.find((p) => p.projectId === ids[2])).toMatchObject({ selected: false, reason: 'did_not_fit', votes: 1 });
		const rows = w.db.select().from(menuProjects).where(eq(menuProjects.menuId, menu.id)).all();
		expect(rows.map((r) => [r.selected, r.votes])).toEqual([[true, 2], [true, 2], [false, 1]]);
		expect(w.db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'menu_results')).get()!.n).toBe(3);
		expect(publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ error: 'menu_results_already_published' });
		const audit = w.db.select().from(auditLog).where(eq(auditLog.action, 'menu.vote')).all();
		expect(audit).toHaveLength(3);
		expect(audit.every((a) => a.summary === '{}')).toBe(true);
	});
});
