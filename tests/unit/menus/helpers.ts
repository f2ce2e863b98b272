// Menus in a given phase, with feasible projects, for command tests; and the targets a URL would name.
import { eq } from 'drizzle-orm';
import { menuProjects, menus, type Phase } from '../../../src/lib/server/menus/schema';
import { DAY } from '../../../src/lib/server/db/time';
import type { DbOrTx } from '../../../src/lib/server/db/client';
import type { World } from '../world';

/** `/c/{community}/menus/{id}`: the menu within its own community. */
export function menuAt(db: DbOrTx, id: number) {
	const menu = db.select({ communityId: menus.communityId }).from(menus).where(eq(menus.id, id)).get();
	if (!menu) throw new Error(`no menu ${id}`);
	return { communityId: menu.communityId, id };
}

/** `/c/{community}/menus/{menu}/projects/{id}` (or a review form naming the project): the project on its own menu. */
export function projectAt(db: DbOrTx, projectId: number) {
	const row = db
		.select({ menuId: menus.id, communityId: menus.communityId })
		.from(menuProjects)
		.innerJoin(menus, eq(menus.id, menuProjects.menuId))
		.where(eq(menuProjects.id, projectId))
		.get();
	if (!row) throw new Error(`no project ${projectId}`);
	return { communityId: row.communityId, menuId: row.menuId, projectId };
}

const ORDER: Phase[] = ['collect', 'review', 'vote', 'results', 'implementation', 'acceptance'];

/** Phase dates 10 days apart, placed so that `phase` began a day before `now`. */
export function datesFor(phase: Phase, now: number) {
	const start = now - DAY - ORDER.indexOf(phase) * 10 * DAY;
	return {
		collectStartsAt: start,
		reviewStartsAt: start + 10 * DAY,
		voteStartsAt: start + 20 * DAY,
		resultsStartsAt: start + 30 * DAY,
		implementationStartsAt: start + 40 * DAY,
		acceptanceStartsAt: start + 50 * DAY
	};
}

export type MenuOptions = {
	community?: 'jinwei' | 'fenghuangshan';
	/** In yuan (stored in fen, ×100). */
	budget?: number;
	ballotRule?: 'approval_budget' | 'choose_k';
	maxChoices?: number | null;
	minChoices?: number | null;
	tallyRule?: 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares/add1';
	minVotes?: number | null;
	/** Feasible projects' costs in yuan (the ballot's choices; stored in fen, ×100). */
	costs?: number[];
};

export function makeMenu(w: World, phase: Phase, o: MenuOptions = {}) {
	const menu = w.db
		.insert(menus)
		.values({
			communityId: w.ids.community[o.community ?? 'jinwei'],
			title: `測試菜單 ${phase}`,
			budget: (o.budget ?? 300_000) * 100,
			ballotRule: o.ballotRule ?? 'approval_budget',
			maxChoices: o.maxChoices ?? null,
			minChoices: o.minChoices ?? null,
			tallyRule: o.tallyRule ?? 'greedy',
			minVotes: o.minVotes ?? null,
			...datesFor(phase, w.now),
			createdBy: w.ids.user.street,
			createdAt: w.now - 40 * DAY
		})
		.returning()
		.get();
	const projects = (o.costs ?? [150_000, 120_000, 80_000]).map((cost, i) =>
		w.db
			.insert(menuProjects)
			.values({ menuId: menu.id, title: `項目${i + 1}`, estimatedCost: cost * 100, finalCost: cost * 100, feasibility: 'feasible', submittedBy: w.ids.user.resident1, createdAt: w.now - 30 * DAY })
			.returning()
			.get()
	);
	return { menu, projects, ids: projects.map((p) => p.id) };
}
