// Data for the implementation e2e tests: each test gets its own jinwei menu whose results are already
// published (the menus lifecycle has its own e2e), written straight into the e2e server's database.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { menus, menuProjects, ballots, ballotChoices } from '../../src/lib/server/menus/schema';
import { communities } from '../../src/lib/server/org/schema';
import { users } from '../../src/lib/server/auth/schema';
import { DAY } from '../../src/lib/server/db/time';
import { unique } from './helpers';
import { workerDatabase } from './test';

export type TestMenu = { menuId: number; tag: string; projects: { lights: number; benches: number }; titles: { lights: string; benches: string }; url: (projectId: number) => string };

/** A published menu with two selected projects; resident1–3 voted for the lights, resident4 for the benches. */
export function publishedMenu(): TestMenu {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		const tag = unique();
		const now = Date.now();
		const start = now - 60 * DAY;
		const community = db.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;
		const userId = (username: string) => db.select().from(users).where(eq(users.username, username)).get()!.id;
		return db.transaction((tx) => {
			const menu = tx
				.insert(menus)
				.values({
					communityId: community.id,
					title: `測試菜單 ${tag}`,
					budget: 200_000 * 100, // fen
					ballotRule: 'approval_budget',
					collectStartsAt: start,
					reviewStartsAt: start + 5 * DAY,
					voteStartsAt: start + 10 * DAY,
					resultsStartsAt: start + 20 * DAY,
					implementationStartsAt: start + 21 * DAY,
					acceptanceStartsAt: start + 50 * DAY,
					resultsPublishedAt: now,
					source: 'native',
					createdAt: start
				})
				.returning()
				.get();
			const titles = { lights: `樓道照明 ${tag}`, benches: `休憩座椅 ${tag}` };
			// costs in yuan, stored in fen
			const project = (title: string, cost: number, votes: number) =>
				tx
					.insert(menuProjects)
					.values({ menuId: menu.id, title, estimatedCost: cost * 100, finalCost: cost * 100, feasibility: 'feasible', selected: true, votes, createdAt: start })
					.returning()
					.get().id;
			const projects = { lights: project(titles.lights, 120_000, 3), benches: project(titles.benches, 40_000, 1) };
			const vote = (username: string, projectId: number) => {
				const ballot = tx.insert(ballots).values({ menuId: menu.id, voterId: userId(username), createdAt: start + 12 * DAY, updatedAt: start + 12 * DAY }).returning().get();
				tx.insert(ballotChoices).values({ ballotId: ballot.id, projectId }).run();
			};
			for (const r of ['resident1', 'resident2', 'resident3']) vote(r, projects.lights);
			vote('resident4', projects.benches);
			return { menuId: menu.id, tag, projects, titles, url: (projectId: number) => `/c/jinwei/menus/${menu.id}/projects/${projectId}` };
		});
	} finally {
		sqlite.close();
	}
}
