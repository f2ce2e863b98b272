// Signed-in verified residents of jinwei and a menu in its vote, written straight into a demo database's tables: the
// voters of the ballot benchmarks and of the replication drill. (Nothing here loads the demo seed, so a Playwright
// test can import it.)
import { eq } from 'drizzle-orm';
import { openDatabase } from '../lib/server/db/client';
import { users, sessions } from '../lib/server/auth/schema';
import { memberships, scopeKeyOf } from '../lib/server/residency/schema';
import { communities } from '../lib/server/org/schema';
import { generateSessionToken, sessionIdOf } from '../lib/server/auth/sessions';
import { menuProjects, menus } from '../lib/server/menus/schema';
import { DAY } from '../lib/server/db/time';

/** `count` signed-in verified residents of jinwei and a menu in its vote, added to the demo database in `file`. */
export function addVoters(file: string, count: number) {
	const { db, sqlite } = openDatabase(file);
	const now = Date.now();
	const community = db.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;
	const tokens: string[] = [];
	const menuId = db.transaction((tx) => {
		for (let i = 0; i < count; i++) {
			const user = tx
				.insert(users)
				.values({ username: `bench${i}`, displayName: `壓測居民${i}`, passwordHash: 'x', createdAt: now })
				.returning({ id: users.id })
				.get();
			tx.insert(memberships)
				.values({
					userId: user.id,
					role: 'resident',
					status: 'verified',
					communityId: community.id,
					streetId: community.streetId,
					scopeKey: scopeKeyOf({ communityId: community.id }),
					createdAt: now
				})
				.run();
			const token = generateSessionToken();
			tx.insert(sessions)
				.values({ id: sessionIdOf(token), userId: user.id, expiresAt: now + 30 * DAY, idleTimeout: null, lastSeenAt: now, createdAt: now })
				.run();
			tokens.push(token);
		}
		const menu = tx
			.insert(menus)
			.values({
				communityId: community.id,
				title: '壓測菜單',
				budget: 300_000,
				ballotRule: 'approval_budget',
				tallyRule: 'greedy',
				collectStartsAt: now - 3 * DAY,
				reviewStartsAt: now - 2 * DAY,
				voteStartsAt: now - DAY,
				resultsStartsAt: now + DAY,
				implementationStartsAt: now + 2 * DAY,
				acceptanceStartsAt: now + 3 * DAY,
				createdAt: now
			})
			.returning({ id: menus.id })
			.get();
		const costs = [120_000, 90_000, 60_000, 45_000, 30_000];
		const ids = costs.map(
			(cost, i) =>
				tx
					.insert(menuProjects)
					.values({ menuId: menu.id, title: `項目${i + 1}`, estimatedCost: cost, finalCost: cost, feasibility: 'feasible', createdAt: now })
					.returning({ id: menuProjects.id })
					.get().id
		);
		return { id: menu.id, projectIds: ids };
	});
	sqlite.close();
	return { tokens, menu: menuId };
}
