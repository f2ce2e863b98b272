// What is going on in each community, for the street's home page: one grouped query per domain.
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from './db/client';
import { proposals } from './proposals/schema';
import { menus } from './menus/schema';
import { currentPhase } from './menus/rules';

export type CommunityActivity = { openProposals: number; votingMenus: number };

/** Proposals still gathering seconds or waiting for an answer, and menus whose vote is open now. */
export function activityByCommunity(db: DbOrTx, now: number): Map<number, CommunityActivity> {
	const result = new Map<number, CommunityActivity>();
	const entry = (id: number) => result.get(id) ?? result.set(id, { openProposals: 0, votingMenus: 0 }).get(id)!;
	for (const r of db
		.select({ communityId: proposals.communityId, n: count() })
		.from(proposals)
		.where(inArray(proposals.state, ['open', 'qualified']))
		.groupBy(proposals.communityId)
		.all()) {
		entry(r.communityId).openProposals = r.n;
	}
	// Unpublished menus are few: read them and let the menus rule say which are in their vote.
	for (const menu of db.select().from(menus).where(and(eq(menus.source, 'native'), isNull(menus.resultsPublishedAt))).all()) {
		if (currentPhase(menu, now) === 'vote') entry(menu.communityId).votingMenus++;
	}
	return result;
}
