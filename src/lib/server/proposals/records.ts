// A proposal as commands load it (with its community), and the writes several commands share.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor, Subject } from '../policy';
import { communities } from '../org/schema';
import type { CommunityRecord } from '../org/records';
import { proposals, proposalSeconds, proposalEvents, type ProposalEventKind, type ProposalState } from './schema';
import { reachesThreshold, responseDeadline } from './rules';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { committeeUserIds } from '../residency/queries';

export type Proposal = typeof proposals.$inferSelect;
export type ProposalRecord = { proposal: Proposal; community: CommunityRecord };

/** The proposal `id` of community `communityId`; a proposal of another community is not found. */
export function loadProposal(db: DbOrTx, target: { communityId: number; id: number }): ProposalRecord | undefined {
	if (!Number.isSafeInteger(target.id) || target.id <= 0) return undefined;
	return db
		.select({ proposal: proposals, community: communities })
		.from(proposals)
		.innerJoin(communities, eq(communities.id, proposals.communityId))
		.where(and(eq(proposals.id, target.id), eq(proposals.communityId, target.communityId)))
		.get();
}

export const proposalSubject = ({ proposal, community }: ProposalRecord): Subject => ({
	communityId: community.id,
	streetId: community.streetId,
	ownerId: proposal.authorId
});

export const proposalLink = (c: { slug: string }, id: number) => `/c/${c.slug}/proposals/${id}`;

export function addEvent(tx: DbOrTx, proposalId: number, kind: ProposalEventKind, actorId: number | null, now: number, otherId: number | null = null) {
	tx.insert(proposalEvents).values({ proposalId, kind, actorId, otherId, createdAt: now }).run();
}

/**
 * Moves a proposal from open/qualified to its response state, guarded so two committee members acting
 * at once cannot both succeed. Returns false when someone else got there first.
 */
export function recordResponse(
	tx: DbOrTx,
	actor: Actor,
	proposal: Proposal,
	state: Extract<ProposalState, 'consultation' | 'menu' | 'answered' | 'merged'>,
	patch: Partial<Pick<Proposal, 'responseNote' | 'mergedIntoId' | 'consultationId'>>,
	now: number
): boolean {
	const changed = tx
		.update(proposals)
		.set({ state, respondedAt: now, respondedBy: actor.userId, updatedAt: now, ...patch })
		.where(and(eq(proposals.id, proposal.id), inArray(proposals.state, ['open', 'qualified'])))
		.run();
	return changed.changes === 1;
}

/**
 * Recounts a proposal's seconds into second_count and, when an open proposal reaches the community's
 * threshold, qualifies it and starts the committee's response deadline. Call inside a transaction.
 */
export function settleSeconds(tx: DbOrTx, proposalId: number, community: CommunityRecord, now: number): { count: number; qualified: boolean } {
	const n = tx.select({ n: count() }).from(proposalSeconds).where(eq(proposalSeconds.proposalId, proposalId)).get()?.n ?? 0;
	const p = tx.update(proposals).set({ secondCount: n, updatedAt: now }).where(eq(proposals.id, proposalId)).returning().get();
	if (p.state !== 'open' || !reachesThreshold(n, community.secondThreshold)) return { count: n, qualified: false };
	const due = responseDeadline(now, community.responseDays);
	tx.update(proposals).set({ state: 'qualified', qualifiedAt: now, responseDueAt: due }).where(eq(proposals.id, proposalId)).run();
	addEvent(tx, proposalId, 'qualified', null, now);
	writeAudit(tx, null, { action: 'proposal.qualify', subjectType: 'proposal', subjectId: proposalId, communityId: community.id, streetId: community.streetId, summary: { seconds: n, threshold: community.secondThreshold, dueAt: due } }, now);
	const link = proposalLink(community, proposalId);
	notify(tx, [p.authorId], 'proposal_qualified', { title: p.title, seconds: n }, link, now);
	notify(tx, committeeUserIds(tx, community.id), 'proposal_needs_response', { title: p.title, days: community.responseDays }, link, now);
	return { count: n, qualified: true };
}
