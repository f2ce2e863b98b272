// Reads for the menu pages, each a fixed small number of queries.
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { ballotChoices, ballots, menuProjects, menus } from './schema';
import { currentPhase, nextPhase, type MenuPhase } from './rules';
import type { Menu, MenuProject } from './records';
import type { MoneyStyle } from '../../money';

export type MenuSummary = {
	id: number;
	title: string;
	budget: number;
	source: Menu['source'];
	phase: MenuPhase;
	next: ReturnType<typeof nextPhase>;
	projects: number;
	ballots: number;
	resultsPublishedAt: number | null;
	money: MoneyStyle;
};

/**
 * 1 when any amount of the menu in the outer query — its budget, a project's estimated or approved cost, a
 * spending line — has a fraction of its currency unit: then the menu shows every amount with two decimals.
 * Names are written out in full: drizzle leaves a column unqualified in a one-table query, and "id" inside the
 * subqueries would then be the project's.
 */
export const menuHasFractions = sql<number>`("menus"."budget" % "menus"."amount_scale" <> 0
	or exists (select 1 from "menu_projects" as mp where mp."menu_id" = "menus"."id"
		and (mp."estimated_cost" % "menus"."amount_scale" <> 0 or coalesce(mp."final_cost", 0) % "menus"."amount_scale" <> 0))
	or exists (select 1 from "project_spending" as ps join "menu_projects" as sp on sp."id" = ps."project_id"
		where sp."menu_id" = "menus"."id"
		and (ps."planned" % "menus"."amount_scale" <> 0 or coalesce(ps."actual", 0) % "menus"."amount_scale" <> 0)))`;

export const moneyStyle = (menu: Pick<Menu, 'currency' | 'amountScale'>, fractions: number | boolean): MoneyStyle => ({
	currency: menu.currency,
	scale: menu.amountScale,
	fractions: !!fractions
});

/** How this menu writes its amounts (one query). */
export function moneyOf(db: DbOrTx, menu: Pick<Menu, 'id' | 'currency' | 'amountScale'>): MoneyStyle {
	const row = db.select({ fractions: menuHasFractions }).from(menus).where(eq(menus.id, menu.id)).get();
	return moneyStyle(menu, row?.fractions ?? 0);
}

export function listMenus(db: DbOrTx, communityId: number, now: number): MenuSummary[] {
	const rows = db
		.select({ menu: menus, fractions: menuHasFractions })
		.from(menus)
		.where(eq(menus.communityId, communityId))
		.orderBy(desc(menus.createdAt), desc(menus.id))
		.all();
	if (!rows.length) return [];
	const ids = rows.map((r) => r.menu.id);
	const projectCounts = new Map(
		db.select({ id: menuProjects.menuId, n: count() }).from(menuProjects).where(inArray(menuProjects.menuId, ids)).groupBy(menuProjects.menuId).all().map((r) => [r.id, r.n])
	);
	const ballotCounts = new Map(
		db.select({ id: ballots.menuId, n: count() }).from(ballots).where(inArray(ballots.menuId, ids)).groupBy(ballots.menuId).all().map((r) => [r.id, r.n])
	);
	return rows.map(({ menu: m, fractions }) => ({
		id: m.id,
		title: m.title,
		budget: m.budget,
		source: m.source,
		phase: currentPhase(m, now),
		next: nextPhase(m, now),
		projects: projectCounts.get(m.id) ?? 0,
		ballots: ballotCounts.get(m.id) ?? 0,
		resultsPublishedAt: m.resultsPublishedAt,
		money: moneyStyle(m, fractions)
	}));
}

/** A project with the name of whoever proposed it. */
export type ProjectRow = MenuProject & { submitterName: string | null };

export function projectsOf(db: DbOrTx, menuId: number): ProjectRow[] {
	return db
		.select({ ...getTableColumns(menuProjects), submitterName: users.displayName })
		.from(menuProjects)
		.leftJoin(users, eq(users.id, menuProjects.submittedBy))
		.where(eq(menuProjects.menuId, menuId))
		.orderBy(asc(menuProjects.id))
		.all();
}

export function ballotCount(db: DbOrTx, menuId: number): number {
	return db.select({ n: count() }).from(ballots).where(eq(ballots.menuId, menuId)).get()?.n ?? 0;
}

/** The project ids on a person's ballot, and when they last changed it; null if they have not voted. */
export function ballotOf(db: DbOrTx, menuId: number, voterId: number): { projectIds: number[]; updatedAt: number } | null {
	const ballot = db.select().from(ballots).where(and(eq(ballots.menuId, menuId), eq(ballots.voterId, voterId))).get();
	if (!ballot) return null;
	const choices = db.select({ p: ballotChoices.projectId }).from(ballotChoices).where(eq(ballotChoices.ballotId, ballot.id)).all();
	return { projectIds: choices.map((c) => c.p), updatedAt: ballot.updatedAt };
}

/** Candidates waiting for review in a community's menus that can still be reviewed (collect or review phase). */
export function reviewQueue(db: DbOrTx, communityId: number, now: number) {
	const rows = db
		.select({ menu: menus, fractions: menuHasFractions, projectId: menuProjects.id, title: menuProjects.title, estimatedCost: menuProjects.estimatedCost, createdAt: menuProjects.createdAt })
		.from(menuProjects)
		.innerJoin(menus, eq(menus.id, menuProjects.menuId))
		.where(and(eq(menus.communityId, communityId), eq(menus.source, 'native'), eq(menuProjects.feasibility, 'pending')))
		.orderBy(asc(menuProjects.createdAt), asc(menuProjects.id))
		.limit(200)
		.all();
	return rows
		.filter((r) => ['collect', 'review'].includes(currentPhase(r.menu, now)))
		.map((r) => ({
			menuId: r.menu.id,
			menuTitle: r.menu.title,
			phase: currentPhase(r.menu, now),
			projectId: r.projectId,
			title: r.title,
			estimatedCost: r.estimatedCost,
			money: moneyStyle(r.menu, r.fractions),
			createdAt: r.createdAt
		}));
}

export type StoredBallot = {
	voterCode: string;
	/** Its projects in the ballot's order (its ranking), with the points given when the ballot gives points. */
	choices: { projectId: number; points: number | null }[];
};

/**
 * The order ballots are listed in (the .pb export, the sample on the results page): by voter code — random for
 * residents' ballots, so it says nothing about who voted or when — with a replay's numeric voter ids in number
 * order ("9" before "10") ahead of any others. A total order, the same in SQL and in JavaScript.
 */
const DIGITS = /^[0-9]+$/;
export function compareVoterCodes(a: string, b: string): number {
	const rank = (code: string) => (DIGITS.test(code) ? [0, code.replace(/^0+/, '').length] : [1, 0]);
	const [ka, la] = rank(a);
	const [kb, lb] = rank(b);
	return ka - kb || la - lb || (a < b ? -1 : a > b ? 1 : 0);
}
const codeIsNumber = sql`(${ballots.voterCode} <> '' and ${ballots.voterCode} not glob '*[^0-9]*')`;
const voterCodeOrder = [
	sql`case when ${codeIsNumber} then 0 else 1 end`,
	sql`case when ${codeIsNumber} then length(ltrim(${ballots.voterCode}, '0')) else 0 end`,
	asc(ballots.voterCode)
];

/** Every ballot of a menu with its choices, in voter-code order (compareVoterCodes). */
export function ballotsWithChoices(db: DbOrTx, menuId: number): StoredBallot[] {
	const rows = db
		.select({ ballotId: ballots.id, voterCode: ballots.voterCode, projectId: ballotChoices.projectId, position: ballotChoices.position, points: ballotChoices.points })
		.from(ballots)
		.leftJoin(ballotChoices, eq(ballotChoices.ballotId, ballots.id))
		.where(eq(ballots.menuId, menuId))
		.orderBy(asc(ballotChoices.position), asc(ballotChoices.projectId))
		.all();
	const byBallot = new Map<number, StoredBallot>();
	for (const r of rows) {
		let ballot = byBallot.get(r.ballotId);
		if (!ballot) byBallot.set(r.ballotId, (ballot = { voterCode: r.voterCode ?? '', choices: [] }));
		if (r.projectId !== null) ballot.choices.push({ projectId: r.projectId, points: r.points });
	}
	return [...byBallot.values()].sort((a, b) => compareVoterCodes(a.voterCode, b.voterCode));
}

export type SampleBallot = { code: string; choices: { title: string; points: number | null }[] };

/**
 * The first `limit` ballots of a menu as the .pb export lists them, each with its projects in its own order (a
 * ranking stays a ranking) and the points given. Two queries.
 */
export function ballotSample(db: DbOrTx, menuId: number, limit: number): SampleBallot[] {
	const first = db.select({ id: ballots.id, code: ballots.voterCode }).from(ballots).where(eq(ballots.menuId, menuId)).orderBy(...voterCodeOrder).limit(limit).all();
	if (!first.length) return [];
	const choices = db
		.select({ ballotId: ballotChoices.ballotId, title: menuProjects.title, points: ballotChoices.points })
		.from(ballotChoices)
		.innerJoin(menuProjects, eq(menuProjects.id, ballotChoices.projectId))
		.where(inArray(ballotChoices.ballotId, first.map((b) => b.id)))
		.orderBy(asc(ballotChoices.position), asc(ballotChoices.projectId))
		.all();
	return first.map((b) => ({
		code: b.code ?? '',
		choices: choices.filter((c) => c.ballotId === b.id).map(({ title, points }) => ({ title, points }))
	}));
}
