// What a person has done across domains, for their "my" page: proposals they raised or seconded, threads they
// spoke in, menus they voted in.
import { and, desc, eq, max, ne } from 'drizzle-orm';
import type { DbOrTx } from './db/client';
import { communities } from './org/schema';
import { proposals, proposalSeconds } from './proposals/schema';
import { comments, consultations } from './consultations/schema';
import { ballots, menus } from './menus/schema';

/** A proposal as the "my" page lists it, with its community. */
const proposalLine = {
	id: proposals.id,
	title: proposals.title,
	state: proposals.state,
	secondCount: proposals.secondCount,
	communitySlug: communities.slug,
	communityName: communities.name
};

export function myProposals(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({ ...proposalLine, createdAt: proposals.createdAt })
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

/** Proposals I seconded (not my own), latest second first. */
export function mySeconds(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({ ...proposalLine, secondedAt: proposalSeconds.createdAt })
		.from(proposalSeconds)
		.innerJoin(proposals, eq(proposals.id, proposalSeconds.proposalId))
		.innerJoin(communities, eq(communities.id, proposals.communityId))
		.where(and(eq(proposalSeconds.userId, userId), ne(proposals.authorId, userId)))
		.orderBy(desc(proposalSeconds.createdAt), desc(proposals.id))
		.limit(limit)
		.all();
}

/** Consultation threads I commented in, most recently spoken in first. */
export function myThreads(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({
			id: consultations.id,
			title: consultations.topic,
			state: consultations.state,
			lastSpokeAt: max(comments.createdAt),
			communitySlug: communities.slug,
			communityName: communities.name
		})
		.from(comments)
		.innerJoin(consultations, eq(consultations.id, comments.consultationId))
		.innerJoin(communities, eq(communities.id, consultations.communityId))
		.where(eq(comments.authorId, userId))
		.groupBy(consultations.id)
		.orderBy(desc(max(comments.createdAt)))
		.limit(limit)
		.all();
}
