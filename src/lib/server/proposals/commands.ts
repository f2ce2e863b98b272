// Residents' side of proposals: file, edit, withdraw, second.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { communities } from '../org/schema';
import { proposals, proposalSeconds, proposalEvents, type ProposalEventKind } from './schema';
import { proposalSchema } from './validation';
import { acceptsSeconds, editable, reachesThreshold, responseDeadline, withdrawable } from './rules';
import { checkPostingLimits, recordPosting } from './limits';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { committeeUserIds } from '../residency/queries';

export type Proposal = typeof proposals.$inferSelect;
export type CommunityRow = typeof communities.$inferSelect;

/** A proposal with its community (for scope, settings and links), or undefined. */
export function loadProposal(db: DbOrTx, id: number): { proposal: Proposal; community: CommunityRow } | undefined {
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	const row = db.select({ proposal: proposals, community: communities }).from(proposals).innerJoin(communities, eq(communities.id, proposals.communityId)).where(eq(proposals.id, id)).get();
	return row ?? undefined;
}

export const scopeOf = (c: CommunityRow) => ({ communityId: c.id, streetId: c.streetId });
export const proposalLink = (c: { slug: string }, id: number) => `/c/${c.slug}/proposals/${id}`;

export function addEvent(tx: DbOrTx, proposalId: number, kind: ProposalEventKind, actorId: number | null, now: number, otherId: number | null = null) {
	tx.insert(proposalEvents).values({ proposalId, kind, actorId, otherId, createdAt: now }).run();
}

/** A verified resident files a proposal in their community. */
export function createProposal(db: Db, actor: Actor | null, communityId: number, input: unknown, now: number): Result<{ id: number }> {
	const community = db.select().from(communities).where(eq(communities.id, communityId)).get();
	if (!community) return err('not_found');
	const denied = authorize(actor, 'proposal.create', scopeOf(community));
	if (denied) return denied;
	const parsed = parseInput(proposalSchema, input);
	if (!parsed.ok) return parsed;
	const limited = checkPostingLimits(db, actor!, 'proposal', now);
	if (limited) return limited;
	const v = parsed.value;
	return db.transaction((tx) => {
		const row = tx
			.insert(proposals)
			.values({ communityId, authorId: actor!.userId, title: v.title, body: v.body, category: v.category, location: v.location, createdAt: now, updatedAt: now })
			.returning({ id: proposals.id })
			.get();
		addEvent(tx, row.id, 'created', actor!.userId, now);
		recordPosting(tx, actor!, 'proposal', now);
		writeAudit(tx, actor, { action: 'proposal.create', subjectType: 'proposal', subjectId: row.id, communityId, streetId: community.streetId, summary: { title: v.title, category: v.category } }, now);
		return ok(row);
	});
}

/** The author edits until the first second. */
export function editProposal(db: Db, actor: Actor | null, proposalId: number, input: unknown, now: number): Result<null> {
	const found = loadProposal(db, proposalId);
	if (!found) return err('not_found');
	const { proposal, community } = found;
	const denied = authorize(actor, 'proposal.edit_own', scopeOf(community));
	if (denied) return denied;
	if (proposal.authorId !== actor!.userId) return err('forbidden');
	const parsed = parseInput(proposalSchema, input);
	if (!parsed.ok) return parsed;
	if (!editable(proposal)) return err(proposal.state === 'open' ? 'proposal_has_seconds' : 'proposal_not_open');
	const v = parsed.value;
	return db.transaction((tx) => {
		// Guarded update: a second that lands between the check and here makes the edit fail, not slip through.
		const changed = tx
			.update(proposals)
			.set({ title: v.title, body: v.body, category: v.category, location: v.location, editedAt: now, updatedAt: now })
			.where(and(eq(proposals.id, proposal.id), eq(proposals.state, 'open'), eq(proposals.secondCount, 0)))
			.run();
		if (changed.changes === 0) return err('proposal_has_seconds');
		addEvent(tx, proposal.id, 'edited', actor!.userId, now);
		writeAudit(tx, actor, { action: 'proposal.edit', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { title: v.title, category: v.category } }, now);
		return ok(null);
	});
}

/** The author withdraws any time before the proposal qualifies. */
export function withdrawProposal(db: Db, actor: Actor | null, proposalId: number, now: number): Result<null> {
	const found = loadProposal(db, proposalId);
	if (!found) return err('not_found');
	const { proposal, community } = found;
	const denied = authorize(actor, 'proposal.withdraw_own', scopeOf(community));
	if (denied) return denied;
	if (proposal.authorId !== actor!.userId) return err('forbidden');
	if (!withdrawable(proposal)) return err('proposal_not_open');
	return db.transaction((tx) => {
		const changed = tx
			.update(proposals)
			.set({ state: 'withdrawn', withdrawnAt: now, updatedAt: now })
			.where(and(eq(proposals.id, proposal.id), eq(proposals.state, 'open')))
			.run();
		if (changed.changes === 0) return err('proposal_not_open');
		addEvent(tx, proposal.id, 'withdrawn', actor!.userId, now);
		writeAudit(tx, actor, { action: 'proposal.withdraw', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { title: proposal.title } }, now);
		return ok(null);
	});
}

/**
 * Recounts a proposal's seconds into second_count and, when an open proposal reaches the community's
 * threshold, qualifies it and starts the committee's response deadline. Call inside a transaction.
 */
export function settleSeconds(tx: DbOrTx, proposalId: number, community: CommunityRow, now: number): { count: number; qualified: boolean } {
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

/** A verified neighbour seconds (附議) a proposal, once; never their own. */
export function secondProposal(db: Db, actor: Actor | null, proposalId: number, now: number): Result<{ count: number; qualified: boolean }> {
	const found = loadProposal(db, proposalId);
	if (!found) return err('not_found');
	const { proposal, community } = found;
	const denied = authorize(actor, 'proposal.second', scopeOf(community));
	if (denied) return denied;
	if (proposal.authorId === actor!.userId) return err('own_proposal');
	if (!acceptsSeconds(proposal)) return err('proposal_closed');
	try {
		return db.transaction((tx) => {
			tx.insert(proposalSeconds).values({ proposalId: proposal.id, userId: actor!.userId, createdAt: now }).run();
			const settled = settleSeconds(tx, proposal.id, community, now);
			writeAudit(tx, actor, { action: 'proposal.second', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { seconds: settled.count } }, now);
			return ok(settled);
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('already_seconded');
		throw e;
	}
}

/** Whether this person has seconded (for the page's button). */
export function hasSeconded(db: DbOrTx, proposalId: number, userId: number): boolean {
	return !!db
		.select({ one: sql`1` })
		.from(proposalSeconds)
		.where(and(eq(proposalSeconds.proposalId, proposalId), eq(proposalSeconds.userId, userId)))
		.get();
}
