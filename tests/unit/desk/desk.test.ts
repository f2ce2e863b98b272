import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world';
import { deskFor } from '../../../src/lib/server/desk/queries';
import { departmentSections } from '../../../src/lib/server/desk/mine';
import { landing } from '../../../src/lib/server/desk/landing';
import { isStale, menuNextStep, STALE_AFTER, type MenuFacts } from '../../../src/lib/server/desk/rules';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { menus, menuProjects } from '../../../src/lib/server/menus/schema';
import { projectUpdates } from '../../../src/lib/server/menus/implementation/schema';
import { memberships } from '../../../src/lib/server/residency/schema';
import { DAY } from '../../../src/lib/server/db/time';
import { dept, escalated, inProgress, replied, reportRow, withCatalogue } from '../dispatch/helpers';

const dated = (start: number, step = DAY) => ({
	collectStartsAt: start,
	reviewStartsAt: start + step,
	voteStartsAt: start + 2 * step,
	resultsStartsAt: start + 3 * step,
	implementationStartsAt: start + 4 * step,
	acceptanceStartsAt: start + 5 * step
});
const facts = (start: number, more: Partial<MenuFacts> = {}): MenuFacts => ({
	...dated(start),
	advancedTo: null,
	source: 'native',
	resultsPublishedAt: null,
	pendingCandidates: 0,
	worksOpen: 0,
	worksToAccept: 0,
	...more
});

describe('where signing in lands', () => {
	const w = demoWorld();
	it.each([
		['street', '/desk'],
		['committee1', '/desk'],
		['grid1', '/desk'],
		['dept1', '/desk'],
		['admin', '/admin'],
		['resident1', '/c/jinwei'],
		['resident9', '/c/fenghuangshan'],
		// a pending application grants nothing: the home page
		['newcomer', '/']
	])('%s lands on %s', (username, path) => {
		expect(landing(w.db, w.ids.user[username])).toBe(path);
	});
});

describe("a menu's next step", () => {
	const now = Date.UTC(2026, 10, 10);
	it('follows the phase and what is still open', () => {
		expect(menuNextStep(facts(now + DAY), now)).toBe('announce');
		expect(menuNextStep(facts(now), now)).toBe('gather_candidates');
		expect(menuNextStep(facts(now, { pendingCandidates: 1 }), now)).toBe('review_candidates');
		expect(menuNextStep(facts(now - DAY, { pendingCandidates: 2 }), now)).toBe('review_candidates');
		expect(menuNextStep(facts(now - DAY), now)).toBe('open_vote');
		expect(menuNextStep(facts(now - 2 * DAY), now)).toBe('voting');
		expect(menuNextStep(facts(now - 3 * DAY), now)).toBe('publish_results');
		expect(menuNextStep(facts(now - 5 * DAY), now)).toBe('publish_results');
		expect(menuNextStep(facts(now - 4 * DAY, { resultsPublishedAt: now, worksOpen: 2 }), now)).toBe('follow_works');
		expect(menuNextStep(facts(now - 5 * DAY, { resultsPublishedAt: now, worksOpen: 1, worksToAccept: 1 }), now)).toBe('accept_works');
		expect(menuNextStep(facts(now - 5 * DAY, { resultsPublishedAt: now }), now)).toBe('done');
	});
	it('counts an early advance by street staff', () => {
		expect(menuNextStep(facts(now, { advancedTo: 'vote' }), now)).toBe('voting');
	});
	it('calls a project stale after 30 days without a word, counting from the start of works when it has none', () => {
		expect(isStale({ lastUpdateAt: now - STALE_AFTER, worksStartedAt: 0 }, now)).toBe(false);
		expect(isStale({ lastUpdateAt: now - STALE_AFTER - 1, worksStartedAt: 0 }, now)).toBe(true);
		expect(isStale({ lastUpdateAt: null, worksStartedAt: now - 31 * DAY }, now)).toBe(true);
		expect(isStale({ lastUpdateAt: null, worksStartedAt: now - 29 * DAY }, now)).toBe(false);
	});
});

describe('the desk', () => {
	function world() {
		const w = demoWorld();
		const jinwei = w.ids.community.jinwei;
		const proposal = (state: 'qualified' | 'open', responseDueAt: number | null) =>
			w.db.insert(proposals).values({ communityId: jinwei, authorId: w.ids.user.resident1, title: '樓道燈', body: '壞了', category: 'facilities', state, responseDueAt, qualifiedAt: state === 'qualified' ? w.now - 10 * DAY : null, createdAt: w.now, updatedAt: w.now }).run();
		proposal('qualified', w.now - DAY);
		proposal('qualified', w.now + 5 * DAY);
		proposal('open', null);
		// a menu under review with one candidate pending, and one built long ago with a silent project
		const reviewing = w.db.insert(menus).values({ communityId: jinwei, title: '審查中的清單', budget: 100_000, ballotRule: 'approval_budget', ...dated(w.now - 1.5 * DAY), createdAt: w.now }).returning().get();
		w.db.insert(menuProjects).values({ menuId: reviewing.id, title: '候選一', estimatedCost: 1000, createdAt: w.now }).run();
		const built = w.db.insert(menus).values({ communityId: jinwei, title: '施工中的清單', budget: 100_000, ballotRule: 'approval_budget', ...dated(w.now - 90 * DAY, 10 * DAY), resultsPublishedAt: w.now - 60 * DAY, createdAt: w.now }).returning().get();
		const base = { menuId: built.id, estimatedCost: 1000, finalCost: 1000, feasibility: 'feasible' as const, selected: true, createdAt: w.now };
		const silent = w.db.insert(menuProjects).values({ ...base, title: '沒有消息的項目', implementationState: 'in_progress' }).returning().get();
		w.db.insert(projectUpdates).values({ projectId: silent.id, body: '開工', percent: 10, createdAt: w.now - 41 * DAY }).run();
		const busy = w.db.insert(menuProjects).values({ ...base, title: '有進度的項目', implementationState: 'in_progress' }).returning().get();
		w.db.insert(projectUpdates).values({ projectId: busy.id, body: '過半', percent: 60, createdAt: w.now - 2 * DAY }).run();
		w.db.insert(menuProjects).values({ ...base, title: '完工待驗收', implementationState: 'completed' }).run();
		return { w, reviewing, built };
	}

	it("shows the committee what waits in its community, with what is overdue", () => {
		const { w } = world();
		const desk = deskFor(w.db, w.actor('committee1'), w.now);
		expect(desk.streets).toEqual([]);
		expect(desk.places).toHaveLength(1);
		const [place] = desk.places;
		expect(place).toMatchObject({ kind: 'community', name: '金韋社區', href: '/c/jinwei' });
		const count = Object.fromEntries(place.tasks.map((t) => [t.kind, [t.count, t.overdue]]));
		expect(count).toEqual({
			residency_applications: [1, 0],
			proposals_to_answer: [2, 1],
			reported_comments: [0, 0],
			candidates_to_review: [1, 0],
			works_to_accept: [1, 0]
		});
		// another community's committee sees none of it
		const other = deskFor(w.db, w.actor('committee2'), w.now).places[0];
		expect(other.tasks.every((t) => t.count === 0)).toBe(true);
	});

	it("shows street staff every menu's next step, silent projects and overdue answers across the street", () => {
		const { w, reviewing, built } = world();
		const desk = deskFor(w.db, w.actor('street'), w.now);
		expect(desk.places).toEqual([]);
		const [street] = desk.streets;
		expect(street.href).toBe('/street/pingxiangmen/manage');
		expect(street.menus.map((m) => [m.id, m.step])).toEqual([
			[built.id, 'accept_works'],
			[reviewing.id, 'review_candidates']
		]);
		expect(street.stale).toEqual([{ id: expect.any(Number), title: '沒有消息的項目', menuId: built.id, community: '金韋社區', href: expect.stringMatching(`/c/jinwei/menus/${built.id}/projects/`), days: 41 }]);
		expect(street.overdueByCommunity).toEqual([{ name: '金韋社區', href: '/c/jinwei/manage#proposal-queue', count: 1 }]);
	});

	it("shows a grid worker the residents waiting in their own grid only", () => {
		const { w } = world();
		const grid = () => deskFor(w.db, w.actor('grid1'), w.now).places.find((p) => p.kind === 'grid')!;
		// the demo's newcomer applied in another grid of 金韋
		expect(grid().tasks).toEqual([{ kind: 'residents_waiting', count: 0, overdue: 0, href: null }]);
		w.db.insert(memberships).values({ userId: w.ids.user.resident9, role: 'resident', status: 'pending', communityId: w.ids.community.jinwei, streetId: w.ids.streetId, gridId: w.ids.grids.jinwei[0], scopeKey: `c:${w.ids.community.jinwei}`, createdAt: w.now }).run();
		expect(grid().tasks[0].count).toBe(1);
	});

	it('gives a department its queue, the street its whistles and overdue reports, and a resident what waits on them', async () => {
		const w = withCatalogue(demoWorld());
		// nothing waits on a resident of the demo world yet: no section of their own
		expect(deskFor(w.db, w.actor('resident1'), w.now)).toEqual({ places: [], streets: [] });
		expect(deskFor(w.db, w.actor('dept1'), w.now).places).toEqual([
			{ kind: 'department', name: '城管執法隊', href: `/street/pingxiangmen/departments/${dept(w)}`, tasks: [{ kind: 'reports_to_handle', count: 0, overdue: 0, href: `/street/pingxiangmen/departments/${dept(w)}` }] }
		]);
		await inProgress(w);
		await replied(w);
		const late = reportRow(w.db, await inProgress(w)).deadlineAt! + DAY;
		await escalated(w);
		const handle = deskFor(w.db, w.actor('dept1'), late).places[0].tasks[0];
		expect([handle.kind, handle.count, handle.overdue]).toEqual(['reports_to_handle', 2, 2]);
		const street = deskFor(w.db, w.actor('street'), late).streets[0].tasks;
		expect(street.map((t) => [t.kind, t.count])).toEqual([
			['reports_escalated', 1],
			['reports_overdue', 2]
		]);
		// the reporter is asked to check the reply, from their own section
		const mine = deskFor(w.db, w.actor('resident1'), late).places;
		expect(mine).toHaveLength(1);
		expect(mine[0].kind).toBe('self');
		expect(mine[0].tasks.find((t) => t.kind === 'reports_to_verify')).toEqual({ kind: 'reports_to_verify', count: 1, overdue: 0, href: '/my#my-reports' });
		// another department's queue holds none of it
		expect(departmentSections(w.db, [dept(w, '市政維護中心')], late)[0].tasks[0].count).toBe(0);
	});
});
