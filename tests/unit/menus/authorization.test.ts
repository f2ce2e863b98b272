// Every menus action × every kind of person: allowed ones succeed, refused ones write nothing.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoWorld, type World } from '../world';
import { makeMenu } from './helpers';
import { advancePhase, createMenu, editMenu } from '../../../src/lib/server/menus/commands';
import { reviewCandidate, submitCandidate } from '../../../src/lib/server/menus/candidates';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { importPabulib } from '../../../src/lib/server/menus/import';
import { ballots, menuProjects, menus } from '../../../src/lib/server/menus/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import type { Actor } from '../../../src/lib/server/policy';
import type { Result } from '../../../src/lib/server/result';

const ASSEN = readFileSync(resolve(process.cwd(), '../shared/pabulib/Netherlands_Assen_2024.pb'), 'utf8');

type Case = { allowed: string[]; setup: (w: World) => unknown; act: (w: World, actor: Actor | null, input: unknown) => Result<unknown> };

const menuInput = (w: World) => ({
	communityId: w.ids.community.jinwei, title: '新菜單', budget: '200000', ballotRule: 'approval_budget', tallyRule: 'greedy',
	collectStartsAt: '2026-11-01', reviewStartsAt: '2026-11-10', voteStartsAt: '2026-11-20', resultsStartsAt: '2026-12-01',
	implementationStartsAt: '2026-12-10', acceptanceStartsAt: '2027-03-01'
});

const ACTIONS: Record<string, Case> = {
	'menu.create': { allowed: ['street'], setup: menuInput, act: (w, a, i) => createMenu(w.db, a, i, w.now) },
	'menu.edit': {
		allowed: ['street'],
		setup: (w) => ({ ...menuInput(w), menuId: makeMenu(w, 'collect').menu.id, title: '改過的菜單' }),
		act: (w, a, i) => editMenu(w.db, a, i, w.now)
	},
	'menu.advance_phase': { allowed: ['street'], setup: (w) => ({ menuId: makeMenu(w, 'collect').menu.id }), act: (w, a, i) => advancePhase(w.db, a, i, w.now) },
	'menu.import_pabulib': { allowed: ['street'], setup: (w) => ({ communityId: w.ids.community.jinwei, text: ASSEN }), act: (w, a, i) => importPabulib(w.db, a, i, w.now) },
	'menu.submit_candidate': {
		allowed: ['resident1', 'committee1', 'street'],
		setup: (w) => ({ menuId: makeMenu(w, 'collect', { costs: [] }).menu.id, title: '口袋公園改造', estimatedCost: '90000' }),
		act: (w, a, i) => submitCandidate(w.db, a, i, w.now)
	},
	'menu.review_candidate': {
		allowed: ['committee1', 'street'],
		setup: (w) => {
			const { menu } = makeMenu(w, 'review', { costs: [] });
			const p = w.db.insert(menuProjects).values({ menuId: menu.id, title: '長者飯堂', estimatedCost: 100, createdAt: w.now }).returning().get();
			return { projectId: p.id, decision: 'feasible', finalCost: '100' };
		},
		act: (w, a, i) => reviewCandidate(w.db, a, i, w.now)
	},
	'menu.vote': {
		allowed: ['resident1'],
		setup: (w) => {
			const { menu, ids } = makeMenu(w, 'vote');
			return { menuId: menu.id, projectIds: [String(ids[0])] };
		},
		act: (w, a, i) => castBallot(w.db, a, i, w.now)
	},
	'menu.publish_results': { allowed: ['street'], setup: (w) => ({ menuId: makeMenu(w, 'results').menu.id }), act: (w, a, i) => publishResults(w.db, a, i, w.now) }
};

const PEOPLE = ['resident1', 'resident9', 'committee1', 'committee2', 'street', 'dept1', 'newcomer', null] as const;

function snapshot(w: World) {
	return [menus, menuProjects, ballots, auditLog, notifications].map((t) => w.db.select({ n: count() }).from(t).get()!.n);
}

describe.each(Object.entries(ACTIONS))('%s', (_action, { allowed, setup, act }) => {
	it.each(PEOPLE.map((p) => [p ?? 'visitor', p] as const))('as %s', (_label, who) => {
		const w = demoWorld();
		const actor = who ? w.actor(who) : null;
		const input = setup(w);
		const before = snapshot(w);
		const r = act(w, actor, input);
		if (who && allowed.includes(who)) {
			expect(r.ok, JSON.stringify(r)).toBe(true);
			expect(snapshot(w)).not.toEqual(before);
		} else {
			expect(r).toMatchObject({ ok: false, error: who ? 'forbidden' : 'unauthenticated' });
			expect(snapshot(w)).toEqual(before);
		}
	});
});
