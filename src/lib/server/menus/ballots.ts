// 投票: one ballot per verified resident per menu, replaced (not added to) every time they vote again.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { defineCommand } from '../kernel/command';
import { err, ok, type Err } from '../result';
import { ballotChoices, ballots, menuProjects, newVoterCode } from './schema';
import { ballotSchema } from './validation';
import { checkBallot, currentPhase, phaseAtLeast, type MenuPhase } from './rules';
import { loadMenu, menuSubject, phaseInTransaction, readOnly, type Menu } from './records';
import { moneyOf } from './queries';
import { formatMoney } from '../../format';


export type BallotOutcome = { ballotId: number; replaced: boolean; count: number };

const voteClosed = (phase: MenuPhase) => (phase === 'vote' ? null : phaseAtLeast(phase, 'results') ? 'menu_vote_closed' : 'menu_vote_not_open');

/** Why the ticked projects cannot make a ballot of this menu (unknown, not on the ballot, against its rule), or null. */
function ballotProblem(db: DbOrTx, menu: Menu, projectIds: string[]): Err | null {
	if (projectIds.some((id) => !/^\d{1,15}$/.test(id))) return err('menu_ballot_unknown_project');
	const wanted = projectIds.map(Number);
	const projects = wanted.length
		? db
				.select({ id: menuProjects.id, feasibility: menuProjects.feasibility, finalCost: menuProjects.finalCost, title: menuProjects.title })
				.from(menuProjects)
				.where(and(eq(menuProjects.menuId, menu.id), inArray(menuProjects.id, wanted)))
				.all()
		: [];
	if (projects.length !== wanted.length) return err('menu_ballot_unknown_project');
	const costs: number[] = [];
	for (const p of projects) {
		if (p.feasibility !== 'feasible' || p.finalCost === null) return err('menu_ballot_not_on_ballot', { params: { project: p.title } });
		costs.push(p.finalCost);
	}
	const problem = checkBallot(menu, costs);
	if (!problem) return null;
	if (problem.error !== 'menu_ballot_over_budget') return err(problem.error, 'params' in problem ? { params: problem.params } : {});
	// Amounts in the message as the ballot page writes them (¥433,000.00 on a menu with fen anywhere).
	const money = moneyOf(db, menu);
	const { budget, total, over } = problem.params;
	return err(problem.error, { params: { budget: formatMoney(budget, money), total: formatMoney(total, money), over: formatMoney(over, money) } });
}

/**
 * A verified resident votes, or changes their vote: one policy action either way. The audit row says that
 * someone voted (and whether it was a change), never for what: the ballot is secret.
 */
export const castBallot = defineCommand({
	action: 'menu.vote',
	load: loadMenu,
	subject: menuSubject,
	rule: (_actor, record, now) => readOnly(record) ?? voteClosed(currentPhase(record.menu, now)),
	input: ballotSchema,
	// The projects cannot change while the vote is open (reviewing stops when it opens), so this holds at commit.
	check: (db, { record: { menu }, input }) => ballotProblem(db, menu, input.projectIds),
	run: ({ tx, actor, record: { menu }, input, now }) => {
		// Guarded: a ballot that arrives after street staff closed the vote is not counted.
		const closed = voteClosed(phaseInTransaction(tx, menu.id, now));
		if (closed) return err(closed);
		const ids = input.projectIds.map(Number);
		const existing = tx
			.select({ id: ballots.id })
			.from(ballots)
			.where(and(eq(ballots.menuId, menu.id), eq(ballots.voterId, actor.userId)))
			.get();
		// One row per (menu, voter): a second device voting at once replaces the ballot instead of adding one,
		// and a changed ballot keeps its voter code.
		const ballot = tx
			.insert(ballots)
			.values({ menuId: menu.id, voterId: actor.userId, voterCode: newVoterCode(), createdAt: now, updatedAt: now })
			.onConflictDoUpdate({ target: [ballots.menuId, ballots.voterId], set: { updatedAt: now } })
			.returning({ id: ballots.id })
			.get();
		tx.delete(ballotChoices).where(eq(ballotChoices.ballotId, ballot.id)).run();
		tx.insert(ballotChoices)
			.values(ids.map((projectId) => ({ ballotId: ballot.id, projectId })))
			.run();
		return ok<BallotOutcome>({ ballotId: ballot.id, replaced: !!existing, count: ids.length });
	},
	audit: ({ record: { menu } }, v) => ({ subjectType: 'menu', subjectId: menu.id, summary: v.replaced ? { changed: true } : undefined })
});
