// What a person has done across domains, for their "my" page: proposals they raised, menus they voted in.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from './db/client';
import { communities } from './org/schema';
import { proposals } from './proposals/schema';
import { ballots, menus } from './menus/schema';

export function myProposals(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({
			id: proposals.id,
			title: proposals.title,
			state: proposals.state,
			secondCount: proposals.secondCount,
			createdAt: proposals.createdAt,
			communitySlug: communities.slug,
			communityName: communities.name
		})
		.from(proposals)
		.innerJoin(communities, eq(communities.id, proposals.communityId))
		.where(eq(proposals.authorId, userId))
		.orderBy(desc(proposals.createdAt), desc(proposals.id))
		.limit(limit)
		.all();
}

export function myBallots(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({
			menuId: menus.id,
			title: menus.title,
			votedAt: ballots.updatedAt,
			resultsPublishedAt: menus.resultsPublishedAt,
			communitySlug: communities.slug,
			communityName: communities.name
		})
		.from(ballots)
		.innerJoin(menus, eq(menus.id, ballots.menuId))
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(eq(ballots.voterId, userId))
		.orderBy(desc(ballots.updatedAt))
		.limit(limit)
		.all();
}
