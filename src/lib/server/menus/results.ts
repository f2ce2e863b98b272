// 確定: counting a menu's ballots with its rule, and publishing (freezing) the outcome.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client';
import { defineCommand } from '../kernel/command';
import { err, ok } from '../result';
import { ballotChoices, ballots, menuProjects, menus } from './schema';
import { currentPhase, phaseAtLeast } from './rules';
import { loadMenu, menuLink, menuSubject, readOnly, type Menu } from './records';
import { claimReminder } from './reminders';
import { bordaPoints, sumPoints, tally, type NotSelectedReason, type TallyInput, type TallyResult } from './tally';
import { WITHDRAWN_COST } from './pabulib';
import type { VoteType } from '../../codes';

export type ProjectResult = {
	projectId: number;
	votes: number;
	/** Points of cumulative or ranked ballots, what the count ordered by (absent when that was the votes). */
	score?: number;
	/** In the menu's amount units (fen for the portal's menus). */
	cost: number;
	selected: boolean;
	reason: NotSelectedReason | null;
	rank: number;
};

/** What results_json holds: the tally in the menu's own project ids, with enough to check it again. */
export type MenuResults = {
	rule: Menu['tallyRule'];
	/** The ballots' form (results frozen before replays had other forms say nothing: approval). */
	voteType?: VoteType;
	budget: number;
	minVotes: number | null;
	voters: number;
	cost: number;
	selected: number[];
	projects: ProjectResult[];
	equalShares?: { virtualBudget: number; increments: number };
	/** Where a replayed file's own counts disagree with its ballots (English, naming the lines). */
	warnings?: string[];
	computedAt: number;
};

/**
 * The tally input of a menu: feasible projects at their final cost (in the menu's amount units, `unit` per
 * currency unit) and every ballot (an empty one still counts as a voter). Ballots that give points — cumulative,
 * or ranked ones (their stored points, else Borda by position) — give each project its score.
 */
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
		.select({ ballotId: ballots.id, projectId: ballotChoices.projectId, points: ballotChoices.points })
		.from(ballots)
		.leftJoin(ballotChoices, eq(ballotChoices.ballotId, ballots.id))
		.where(eq(ballots.menuId, menu.id))
		.orderBy(asc(ballots.id), asc(ballotChoices.position), asc(ballotChoices.projectId))
		.all();
	const byBallot = new Map<number, { ids: string[]; points: (number | null)[] }>();
	for (const r of rows) {
		let ballot = byBallot.get(r.ballotId);
		if (!ballot) byBallot.set(r.ballotId, (ballot = { ids: [], points: [] }));
		const key = r.projectId === null ? undefined : idToKey.get(r.projectId);
		if (key !== undefined) {
			ballot.ids.push(key);
			ballot.points.push(r.points);
		}
	}
	const list = [...byBallot.values()];
	const input: TallyInput = {
		budget: menu.budget,
		unit: menu.amountScale,
		projects: projects.map((p) => ({ id: keyOf(p), cost: p.cost ?? 0 })),
		ballots: list.map((b) => b.ids),
		rule: menu.tallyRule,
		...(menu.minVotes !== null && (menu.tallyRule === 'greedy-threshold' || menu.tallyRule === 'greedy-no-skip') ? { minVotes: menu.minVotes } : {})
	};
	if (menu.voteType === 'cumulative' || menu.voteType === 'ordinal') {
		const scored = list.map((b) => ({ ids: b.ids, points: b.points.every((p) => p !== null) && b.points.length ? (b.points as number[]) : bordaPoints(b.ids.length) }));
		input.scores = new Map(input.projects.map((p) => [p.id, 0]));
		for (const [id, score] of sumPoints(scored)) input.scores.set(id, score);
	}
	// Pabulib marks a project withdrawn after the vote with the cost 999999999.
	const withdrawn = input.projects.filter((p) => menu.source === 'pabulib' && p.cost === WITHDRAWN_COST * menu.amountScale);
	if (withdrawn.length) input.withdrawn = withdrawn.map((p) => p.id);
	return { input, keyToId };
}

export function computeResults(db: DbOrTx, menu: Menu, now: number): MenuResults {
	const { input, keyToId } = tallyInputOf(db, menu);
	return resultsFromTally(input, keyToId, menu, now);
}

type Counted = Pick<Menu, 'tallyRule' | 'minVotes' | 'voteType'>;

export function resultsFromTally(input: TallyInput, keyToId: Map<string, number>, menu: Counted, now: number): MenuResults {
	return resultsOf(tally(input), keyToId, menu, now);
}

/** A tally counted in the file's or the ballot's keys, told in the menu's own project ids. */
export function resultsOf(t: TallyResult, keyToId: Map<string, number>, menu: Counted, now: number, warnings: string[] = []): MenuResults {
	const thresholded = menu.minVotes !== null && (menu.tallyRule === 'greedy-threshold' || menu.tallyRule === 'greedy-no-skip');
	return {
		rule: t.rule,
		voteType: menu.voteType,
		budget: t.budget,
		minVotes: thresholded ? menu.minVotes : menu.tallyRule === 'greedy-threshold' ? 0 : null,
		voters: t.voters,
		cost: t.cost,
		selected: t.selected.map((k) => keyToId.get(k)!),
		projects: t.projects.map((p) => ({
			projectId: keyToId.get(p.id)!,
			votes: p.votes,
			...(p.score !== undefined ? { score: p.score } : {}),
			cost: p.cost,
			selected: p.selected,
			reason: p.reason,
			rank: p.rank
		})),
		...(t.equalShares ? { equalShares: { virtualBudget: t.equalShares.virtualBudget, increments: t.equalShares.increments } } : {}),
		...(warnings.length ? { warnings } : {}),
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

/** Street staff publish the count once the vote is closed: it is frozen, and everyone who voted is told. */
export const publishResults = defineCommand({
	action: 'menu.publish_results',
	load: loadMenu,
	subject: menuSubject,
	rule: (_actor, record, now) =>
		readOnly(record) ??
		(record.menu.resultsPublishedAt ? 'menu_results_already_published' : phaseAtLeast(currentPhase(record.menu, now), 'results') ? null : 'menu_results_vote_open'),
	input: z.object({}),
	run: ({ tx, record: { menu, community }, now, notify }) => {
		const results = computeResults(tx, menu, now);
		// Guarded: published once, whoever presses the button first.
		const changed = tx
			.update(menus)
			.set({ resultsPublishedAt: now, resultsJson: JSON.stringify(results) })
			.where(and(eq(menus.id, menu.id), isNull(menus.resultsPublishedAt)))
			.run();
		if (changed.changes === 0) return err('menu_results_already_published');
		freezeResults(tx, menu.id, results);
		const voters = tx
			.select({ v: ballots.voterId })
			.from(ballots)
			.where(eq(ballots.menuId, menu.id))
			.all()
			.map((r) => r.v)
			.filter((v): v is number => v !== null);
		if (claimReminder(tx, menu.id, 'results', voters.length, now)) {
			notify(voters, 'menu_results', { menu: menu.title, community: community.name }, menuLink(community, menu.id, '/results'));
		}
		return ok(results);
	},
	audit: ({ record: { menu } }, results) => ({
		subjectType: 'menu',
		subjectId: menu.id,
		summary: { rule: results.rule, voters: results.voters, selected: results.selected, cost: results.cost }
	})
});
