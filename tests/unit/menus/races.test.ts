// Races on two database connections: a request has loaded, authorized and validated (prepare), another
// process commits the competing change, then the first request writes. One winner, one clean refusal.
import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { makeMenu, menuAt, projectAt } from './helpers';
import { fixture, publishedMenu, storedFiles, useTempUploads } from '../implementation/fixture';
import { advancePhase, editMenu } from '../../../src/lib/server/menus/commands';
import { reviewCandidate, submitCandidate } from '../../../src/lib/server/menus/candidates';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { acceptProject, postProgress } from '../../../src/lib/server/menus/implementation/commands';
import { ballotOf } from '../../../src/lib/server/menus/queries';
import { ballots, menuProjects, menus } from '../../../src/lib/server/menus/schema';
import { projectAcceptances, projectPhotos, projectUpdates } from '../../../src/lib/server/menus/implementation/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import type { Action } from '../../../src/lib/server/policy';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

useTempUploads();

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

function race(test: (w: RaceWorld) => void | Promise<void>) {
	return async () => {
		const w = raceWorld();
		try {
			await test(w);
		} finally {
			w.close();
		}
	};
}

const audited = (w: RaceWorld, action: Action) => w.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const phaseOf = (w: RaceWorld, id: number) => w.db.select({ advancedTo: menus.advancedTo }).from(menus).where(eq(menus.id, id)).get()?.advancedTo;
const acceptance = { remarks: '燈具安裝到位，感應正常。', representatives: '王秀英\n李建國' };

describe('menus: races between two connections', () => {
	it(
		'two street workers press "next phase" at once: the menu moves one phase, the second is told it changed',
		race((w) => {
			const { menu } = makeMenu(w, 'collect');
			const late = prepared(advancePhase.prepare(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now));
			expect(advancePhase(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ ok: true, value: { phase: 'review' } });
			expect(late.commit()).toEqual({ ok: false, error: 'menu_changed' });
			expect(phaseOf(w, menu.id)).toBe('review');
			expect(audited(w, 'menu.advance_phase')).toHaveLength(1);
		})
	);

	it(
		'one voter on two devices at once: one ballot row, and the later ballot is the one that counts',
		race((w) => {
			const { menu, ids } = makeMenu(w, 'vote');
			const me = w.actor('resident1');
			const late = prepared(castBallot.prepare(w.db, me, menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now));
			expect(castBallot(w.rival, me, menuAt(w.db, menu.id), { projectIds: [String(ids[1])] }, w.now)).toMatchObject({ ok: true, value: { replaced: false } });
			expect(late.commit()).toMatchObject({ ok: true, value: { replaced: true } });
			expect(w.db.select({ n: count() }).from(ballots).where(eq(ballots.menuId, menu.id)).get()?.n).toBe(1);
			expect(ballotOf(w.db, menu.id, me.userId)?.projectIds).toEqual([ids[0]]);
			expect(audited(w, 'menu.vote').map((a) => JSON.parse(a.summary))).toEqual([{}, { changed: true }]);
		})
	);

	it(
		'a ballot that arrives after the vote was closed is not counted',
		race((w) => {
			const { menu, ids } = makeMenu(w, 'vote');
			const late = prepared(castBallot.prepare(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now));
			expect(advancePhase(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ ok: true, value: { phase: 'results' } });
			expect(late.commit()).toEqual({ ok: false, error: 'menu_vote_closed' });
			expect(w.db.select({ n: count() }).from(ballots).get()?.n).toBe(0);
		})
	);

	it(
		'a review that arrives after the vote opened changes nothing on the ballot',
		race((w) => {
			const { menu, ids } = makeMenu(w, 'review');
			const late = prepared(reviewCandidate.prepare(w.db, w.actor('committee1'), projectAt(w.db, ids[0]), { decision: 'infeasible', reason: '場地不夠' }, w.now));
			expect(advancePhase(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ ok: true, value: { phase: 'vote' } });
			expect(late.commit()).toEqual({ ok: false, error: 'menu_review_closed' });
			expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, ids[0])).get()).toMatchObject({ feasibility: 'feasible', finalCost: 15_000_000 });
		})
	);

	it(
		'a candidate that arrives after collecting was closed is not put on the menu',
		race((w) => {
			const { menu } = makeMenu(w, 'collect', { costs: [] });
			const late = prepared(submitCandidate.prepare(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { title: '樓道照明改造', estimatedCost: '45000' }, w.now));
			expect(advancePhase(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ ok: true, value: { phase: 'review' } });
			expect(late.commit()).toEqual({ ok: false, error: 'menu_not_collecting' });
			expect(w.db.select({ n: count() }).from(menuProjects).get()?.n).toBe(0);
		})
	);

	it(
		'a correction that arrives after the vote opened leaves the menu as the voters see it',
		race((w) => {
			const { menu } = makeMenu(w, 'review');
			const form = {
				title: '改過名的菜單', budget: '999999', ballotRule: 'approval_budget', tallyRule: 'greedy',
				collectStartsAt: '2026-09-01', reviewStartsAt: '2026-10-01', voteStartsAt: '2026-11-20', resultsStartsAt: '2026-12-01',
				implementationStartsAt: '2026-12-10', acceptanceStartsAt: '2027-03-01'
			};
			const late = prepared(editMenu.prepare(w.db, w.actor('street'), menuAt(w.db, menu.id), form, w.now));
			expect(advancePhase(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now)).toMatchObject({ ok: true, value: { phase: 'vote' } });
			expect(late.commit()).toEqual({ ok: false, error: 'menu_locked' });
			expect(w.db.select().from(menus).where(eq(menus.id, menu.id)).get()).toMatchObject({ title: menu.title, budget: menu.budget });
		})
	);

	it(
		'two street workers publish at once: the results are frozen once and voters are told once',
		race((w) => {
			const { menu } = makeMenu(w, 'results');
			w.db.insert(ballots).values({ menuId: menu.id, voterId: w.ids.user.resident1, createdAt: w.now, updatedAt: w.now }).run();
			const late = prepared(publishResults.prepare(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now + 1));
			expect(publishResults(w.rival, w.actor('street'), menuAt(w.db, menu.id), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'menu_results_already_published' });
			expect(w.db.select().from(menus).where(eq(menus.id, menu.id)).get()?.resultsPublishedAt).toBe(w.now);
			expect(audited(w, 'menu.publish_results')).toHaveLength(1);
			expect(w.db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'menu_results')).get()?.n).toBe(1);
		})
	);
});

describe('implementation: races between two connections', () => {
	/** Reports the works complete, so that they may be accepted. */
	async function completed(w: RaceWorld, projectId: number) {
		expect((await postProgress(w.db, w.actor('street'), projectAt(w.db, projectId), { percent: 100, body: '全部完工' }, w.now)).ok).toBe(true);
	}

	it(
		'two acceptances at once: one acceptance row, and a clean refusal',
		race(async (w) => {
			const { projects } = publishedMenu(w);
			await completed(w, projects.a);
			const late = prepared(acceptProject.prepare(w.db, w.actor('committee1'), projectAt(w.db, projects.a), acceptance, w.now + 1));
			expect(acceptProject(w.rival, w.actor('street'), projectAt(w.db, projects.a), acceptance, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'impl_already_accepted' });
			expect(w.db.select().from(projectAcceptances).all()).toHaveLength(1);
			expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, projects.a)).get()).toMatchObject({ implementationState: 'accepted', acceptedAt: w.now });
			expect(audited(w, 'menu.accept_project')).toHaveLength(1);
		})
	);

	it(
		'an acceptance that arrives after the works were reopened (rework below 100 %) is refused',
		race(async (w) => {
			const { projects } = publishedMenu(w);
			await completed(w, projects.a);
			const late = prepared(acceptProject.prepare(w.db, w.actor('committee1'), projectAt(w.db, projects.a), acceptance, w.now));
			// Street staff report rework on the other connection, and it is written before the acceptance commits.
			const rework = postProgress(w.rival, w.actor('street'), projectAt(w.db, projects.a), { percent: 80, body: '發現三單元燈具需返工' }, w.now);
			expect(await rework).toMatchObject({ ok: true, value: { state: 'in_progress' } });
			expect(late.commit()).toEqual({ ok: false, error: 'impl_not_completed' });
			expect(w.db.select().from(projectAcceptances).all()).toHaveLength(0);
			expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, projects.a)).get()?.implementationState).toBe('in_progress');
		})
	);

	it(
		'a progress update that arrives after the acceptance is refused, and its photos are not kept',
		race(async (w) => {
			const { projects } = publishedMenu(w);
			await completed(w, projects.a);
			const files = storedFiles().length;
			// postProgress loads, authorizes, validates and checks the photos now; it writes once this test yields.
			const late = postProgress(w.db, w.actor('street'), projectAt(w.db, projects.a), { percent: 90, body: '補充照片', photos: [{ name: 'a.png', bytes: fixture('photo.png') }] }, w.now);
			expect(acceptProject(w.rival, w.actor('committee1'), projectAt(w.db, projects.a), acceptance, w.now).ok).toBe(true);
			expect(await late).toEqual({ ok: false, error: 'impl_already_accepted' });
			expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, projects.a)).get()).toMatchObject({ implementationState: 'accepted', progressPercent: 100 });
			expect(w.db.select().from(projectUpdates).where(and(eq(projectUpdates.projectId, projects.a), eq(projectUpdates.percent, 90))).all()).toHaveLength(0);
			expect(w.db.select().from(projectPhotos).all()).toHaveLength(0);
			expect(storedFiles()).toHaveLength(files);
		})
	);
});
