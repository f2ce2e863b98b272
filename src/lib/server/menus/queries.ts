// Reads for the menu pages, each a fixed small number of queries.
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { ballotChoices, ballots, menuProjects, menus } from './schema';
import { currentPhase, nextPhase, type MenuPhase } from './rules';
import type { Menu, MenuProject } from './records';

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
	currency: string;
};

export function currencyOf(menu: Pick<Menu, 'source' | 'pabulibMeta'>): string {
	if (menu.source !== 'pabulib' || !menu.pabulibMeta) return 'CNY';
	const c = (JSON.parse(menu.pabulibMeta) as Record<string, string>).currency?.trim().toUpperCase();
	return c && /^[A-Z]{3}$/.test(c) ? c : 'CNY';
}

export function listMenus(db: DbOrTx, communityId: number, now: number): MenuSummary[] {
	const rows = db.select().from(menus).where(eq(menus.communityId, communityId)).orderBy(desc(menus.createdAt), desc(menus.id)).all();
	if (!rows.length) return [];
	const ids = rows.map((r) => r.id);
	const projectCounts = new Map(
		db.select({ id: menuProjects.menuId, n: count() }).from(menuProjects).where(inArray(menuProjects.menuId, ids)).groupBy(menuProjects.menuId).all().map((r) => [r.id, r.n])
	);
	const ballotCounts = new Map(
		db.select({ id: ballots.menuId, n: count() }).from(ballots).where(inArray(ballots.menuId, ids)).groupBy(ballots.menuId).all().map((r) => [r.id, r.n])
	);
	return rows.map((m) => ({
		id: m.id,
		title: m.title,
		budget: m.budget,
		source: m.source,
		phase: currentPhase(m, now),
		next: nextPhase(m, now),
		projects: projectCounts.get(m.id) ?? 0,
		ballots: ballotCounts.get(m.id) ?? 0,
		resultsPublishedAt: m.resultsPublishedAt,
		currency: currencyOf(m)
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
		.select({ menu: menus, projectId: menuProjects.id, title: menuProjects.title, estimatedCost: menuProjects.estimatedCost, createdAt: menuProjects.createdAt })
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
			createdAt: r.createdAt
		}));
}

/** For the .pb export: every ballot with its choices, in ballot order. */
export function ballotsWithChoices(db: DbOrTx, menuId: number) {
	const rows = db
		.select({ id: ballots.id, externalVoter: ballots.externalVoter, choices: sql<string | null>`group_concat(${ballotChoices.projectId})` })
		.from(ballots)
		.leftJoin(ballotChoices, eq(ballotChoices.ballotId, ballots.id))
		.where(eq(ballots.menuId, menuId))
		.groupBy(ballots.id)
		.orderBy(asc(ballots.id))
		.all();
	return rows.map((r) => ({ id: r.id, externalVoter: r.externalVoter, projectIds: r.choices ? r.choices.split(',').map(Number) : [] }));
}
