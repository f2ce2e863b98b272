// 確定: counting a menu's ballots with its rule, and publishing (freezing) the outcome.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import type { Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { ballotChoices, ballots, menuProjects, menus } from './schema';
import { currentPhase, phaseAtLeast } from './rules';
import { menuLink, menuToChange, type Menu } from './load';
import { claimReminder } from './reminders';
import { tally, type NotSelectedReason, type TallyInput } from './tally';

export type ProjectResult = {
	projectId: number;
	votes: number;
	cost: number;
	selected: boolean;
	reason: NotSelectedReason | null;
	rank: number;
};

/** What results_json holds: the tally in the menu's own project ids, with enough to check it again. */
export type MenuResults = {
	rule: Menu['tallyRule'];
	budget: number;
	minVotes: number | null;
	voters: number;
	cost: number;
	selected: number[];
	projects: ProjectResult[];
	equalShares?: { virtualBudget: number; increments: number };
	computedAt: number;
};

/** The tally input of a menu: feasible projects at their final cost and every ballot (an empty one still counts as a voter). */
export function tallyInputOf(db: DbOrTx, menu: Menu): { input: TallyInput; keyToId: Map<string, number> } {
	const projects = db
		.select({ id: menuProjects.id, externalId: menuProjects.externalId, cost: menuProjects.finalCost })
		.from(menuProjects)
		.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.feasibility, 'feasible')))
		.orderBy(asc(menuProjects.id))
		.all();
	// A replayed election keeps the file's ids, so the tie-breaks are the file's.
	const keyOf = (p: { id: number; externalId: string | null }) => (menu.source === 'pabulib' && p.externalId ? p.externalId : String(p.id));
	const keyToId = new Map(projects.map((p) => [keyOf(p), p.id]));
	const idToKey = new Map(projects.map((p) => [p.id, keyOf(p)]));
	const rows = db
		.select({ ballotId: ballots.id, projectId: ballotChoices.projectId })
		.from(ballots)
		.leftJoin(ballotChoices, eq(ballotChoices.ballotId, ballots.id))
		.where(eq(ballots.menuId, menu.id))
		.orderBy(asc(ballots.id))
		.all();
	const byBallot = new Map<number, string[]>();
	for (const r of rows) {
		const list = byBallot.get(r.ballotId) ?? [];
		const key = r.projectId === null ? undefined : idToKey.get(r.projectId);
		if (key !== undefined) list.push(key);
		byBallot.set(r.ballotId, list);
	}
	const input: TallyInput = {
		budget: menu.budget,
		projects: projects.map((p) => ({ id: keyOf(p), cost: p.cost ?? 0 })),
		ballots: [...byBallot.values()],
		rule: menu.tallyRule,
		...(menu.tallyRule === 'greedy-threshold' ? { minVotes: menu.minVotes ?? 0 } : {})
	};
	return { input, keyToId };
}

export function computeResults(db: DbOrTx, menu: Menu, now: number): MenuResults {
	const { input, keyToId } = tallyInputOf(db, menu);
	return resultsFromTally(input, keyToId, menu, now);
}

export function resultsFromTally(input: TallyInput, keyToId: Map<string, number>, menu: Pick<Menu, 'tallyRule' | 'minVotes'>, now: number): MenuResults {
	const t = tally(input);
	return {
		rule: t.rule,
		budget: t.budget,
		minVotes: menu.tallyRule === 'greedy-threshold' ? (menu.minVotes ?? 0) : null,
		voters: t.voters,
		cost: t.cost,
		selected: t.selected.map((k) => keyToId.get(k)!),
		projects: t.projects.map((p) => ({ projectId: keyToId.get(p.id)!, votes: p.votes, cost: p.cost, selected: p.selected, reason: p.reason, rank: p.rank })),
		...(t.equalShares ? { equalShares: { virtualBudget: t.equalShares.virtualBudget, increments: t.equalShares.increments } } : {}),
		computedAt: now
	};
}

/** The frozen results of a published menu, or null. */
export function publishedResults(menu: Pick<Menu, 'resultsJson' | 'resultsPublishedAt'>): MenuResults | null {
	return menu.resultsPublishedAt && menu.resultsJson ? (JSON.parse(menu.resultsJson) as MenuResults) : null;
}

/** Writes the outcome onto the menu and its projects (inside the caller's transaction). */
export function freezeResults(tx: DbOrTx, menuId: number, results: MenuResults) {
	tx.update(menuProjects).set({ selected: false, votes: null }).where(eq(menuProjects.menuId, menuId)).run();
	for (const p of results.projects) {
		tx.update(menuProjects).set({ selected: p.selected, votes: p.votes }).where(eq(menuProjects.id, p.projectId)).run();
	}
}

export function publishResults(db: Db, actor: Actor | null, input: unknown, now: number): Result<MenuResults> {
	const found = menuToChange(db, actor, input, 'menu.publish_results');
	if (!found.ok) return found;
	const { menu, community } = found.value;
	if (menu.resultsPublishedAt) return err('menu_results_already_published');
	if (!phaseAtLeast(currentPhase(menu, now), 'results')) return err('menu_results_vote_open');
	return db.transaction((tx) => {
		const results = computeResults(tx, menu, now);
		const changed = tx
			.update(menus)
			.set({ resultsPublishedAt: now, resultsJson: JSON.stringify(results) })
			.where(and(eq(menus.id, menu.id), isNull(menus.resultsPublishedAt)))
			.run();
		if (changed.changes === 0) return err('menu_results_already_published');
		freezeResults(tx, menu.id, results);
		writeAudit(tx, actor, {
			action: 'menu.publish_results',
			subjectType: 'menu',
			subjectId: menu.id,
			communityId: community.id,
			streetId: community.streetId,
			summary: { rule: results.rule, voters: results.voters, selected: results.selected, cost: results.cost }
		}, now);
		const voters = tx
			.select({ v: ballots.voterId })
			.from(ballots)
			.where(eq(ballots.menuId, menu.id))
			.all()
			.map((r) => r.v)
			.filter((v): v is number => v !== null);
		if (claimReminder(tx, menu.id, 'results', voters.length, now)) {
			notify(tx, voters, 'menu_results', { menu: menu.title, community: community.name }, menuLink(community, menu.id, '/results'), now);
		}
		return ok(results);
	});
}
