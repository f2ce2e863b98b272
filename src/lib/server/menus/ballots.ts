// 投票: one ballot per verified resident per menu, replaced (not added to) every time they vote again.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { ballotChoices, ballots, menuProjects } from './schema';
import { ballotSchema } from './validation';
import { checkBallot, currentPhase, phaseAtLeast } from './rules';
import { loadMenu, scopeOf } from './load';

export type BallotOutcome = { ballotId: number; replaced: boolean; count: number; total: number };

export function castBallot(db: Db, actor: Actor | null, input: unknown, now: number): Result<BallotOutcome> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(ballotSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const loaded = loadMenu(db, v.menuId);
	if (!loaded) return err('not_found');
	const { menu, community } = loaded;
	const denied = authorize(actor, 'menu.vote', scopeOf(community));
	if (denied) return denied;
	if (menu.source !== 'native') return err('menu_read_only');
	const phase = currentPhase(menu, now);
	if (phase !== 'vote') return err(phaseAtLeast(phase, 'results') ? 'menu_vote_closed' : 'menu_vote_not_open');

	const ids = [...new Set(v.projectIds)];
	if (ids.some((id) => !/^\d{1,15}$/.test(id))) return err('menu_ballot_unknown_project');
	const wanted = ids.map(Number);
	const projects = wanted.length
		? db
				.select({ id: menuProjects.id, feasibility: menuProjects.feasibility, finalCost: menuProjects.finalCost, title: menuProjects.title })
				.from(menuProjects)
				.where(and(eq(menuProjects.menuId, menu.id), inArray(menuProjects.id, wanted)))
				.all()
		: [];
	if (projects.length !== wanted.length) return err('menu_ballot_unknown_project');
	const notOnBallot = projects.find((p) => p.feasibility !== 'feasible' || p.finalCost === null);
	if (notOnBallot) return err('menu_ballot_not_on_ballot', { params: { project: notOnBallot.title } });
	const costs = projects.map((p) => p.finalCost!);
	const problem = checkBallot(menu, costs);
	if (problem) return err(problem.error, 'params' in problem ? { params: problem.params } : {});

	return db.transaction((tx) => {
		const existing = tx
			.select({ id: ballots.id })
			.from(ballots)
			.where(and(eq(ballots.menuId, menu.id), eq(ballots.voterId, actor.userId)))
			.get();
		const ballot = tx
			.insert(ballots)
			.values({ menuId: menu.id, voterId: actor.userId, createdAt: now, updatedAt: now })
			.onConflictDoUpdate({ target: [ballots.menuId, ballots.voterId], set: { updatedAt: now } })
			.returning({ id: ballots.id })
			.get();
		tx.delete(ballotChoices).where(eq(ballotChoices.ballotId, ballot.id)).run();
		tx.insert(ballotChoices)
			.values(wanted.map((projectId) => ({ ballotId: ballot.id, projectId })))
			.run();
		// The audit row says that someone voted, never for what: the ballot is secret.
		writeAudit(tx, actor, {
			action: existing ? 'menu.change_ballot' : 'menu.vote',
			subjectType: 'menu',
			subjectId: menu.id,
			communityId: community.id,
			streetId: community.streetId
		}, now);
		return ok({ ballotId: ballot.id, replaced: !!existing, count: wanted.length, total: costs.reduce((a, b) => a + b, 0) });
	});
}
