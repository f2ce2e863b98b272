// 投票: one ballot per verified resident per menu, replaced (not added to) every time they vote again.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
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

// A ballot runs these every time (the last evening of a vote brings hundreds a second): kept prepared.
const projectOnMenu = (db: DbOrTx) =>
	db
		.select({ feasibility: menuProjects.feasibility, finalCost: menuProjects.finalCost, title: menuProjects.title })
		.from(menuProjects)
		.where(and(eq(menuProjects.menuId, sql.placeholder('menuId')), eq(menuProjects.id, sql.placeholder('id'))))
		.prepare();
const ballotOfVoter = (db: DbOrTx) =>
	db
		.select({ id: ballots.id })
		.from(ballots)
		.where(and(eq(ballots.menuId, sql.placeholder('menuId')), eq(ballots.voterId, sql.placeholder('voterId'))))
		.prepare();
// One row per (menu, voter): a second device voting at once replaces the ballot instead of adding one, and a
// changed ballot keeps its voter code (the update sets only updated_at, to the time just inserted: excluded's).
const upsertBallot = (db: DbOrTx) =>
	db
		.insert(ballots)
		.values({
			menuId: sql.placeholder('menuId'),
			voterId: sql.placeholder('voterId'),
			voterCode: sql.placeholder('voterCode'),
			createdAt: sql.placeholder('now'),
			updatedAt: sql.placeholder('now')
		})
		.onConflictDoUpdate({ target: [ballots.menuId, ballots.voterId], set: { updatedAt: sql`excluded.updated_at` } })
		.returning({ id: ballots.id })
		.prepare();
const clearChoices = (db: DbOrTx) =>
	db
		.delete(ballotChoices)
		.where(eq(ballotChoices.ballotId, sql.placeholder('ballotId')))
		.prepare();
const addChoice = (db: DbOrTx) =>
	db
		.insert(ballotChoices)
		.values({ ballotId: sql.placeholder('ballotId'), projectId: sql.placeholder('projectId') })
		.prepare();

/** Why the ticked projects cannot make a ballot of this menu (unknown, not on the ballot, against its rule), or null. */
function ballotProblem(db: DbOrTx, menu: Menu, projectIds: string[]): Err | null {
	if (projectIds.some((id) => !/^\d{1,15}$/.test(id))) return err('menu_ballot_unknown_project');
	// projectIds are distinct (ballotSchema): each must be a project of this menu
	const lookup = prepared(db, projectOnMenu);
	const projects = [];
	for (const id of projectIds) {
		const project = lookup.get({ menuId: menu.id, id: Number(id) });
		if (!project) return err('menu_ballot_unknown_project');
		projects.push(project);
	}
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
		const voter = { menuId: menu.id, voterId: actor.userId };
		const existing = prepared(tx, ballotOfVoter).get(voter);
		const ballot = prepared(tx, upsertBallot).get({ ...voter, voterCode: newVoterCode(), now })!;
		prepared(tx, clearChoices).run({ ballotId: ballot.id });
		const add = prepared(tx, addChoice);
		for (const projectId of ids) add.run({ ballotId: ballot.id, projectId });
		return ok<BallotOutcome>({ ballotId: ballot.id, replaced: !!existing, count: ids.length });
	},
	audit: ({ record: { menu } }, v) => ({ subjectType: 'menu', subjectId: menu.id, summary: v.replaced ? { changed: true } : undefined })
});
