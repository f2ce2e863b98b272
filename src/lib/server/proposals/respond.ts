// The committee's side: answer and close, put on a project menu, merge into another proposal.
// (Taking a proposal to consultation lives with consultations, which opens the thread in the same transaction.)
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { proposals, proposalSeconds, type ProposalState } from './schema';
import { answerSchema, menuSchema, mergeSchema } from './validation';
import { acceptsMerge, awaitsResponse } from './rules';
import { addEvent, loadProposal, proposalLink, scopeOf, settleSeconds, type CommunityRow, type Proposal } from './commands';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';

type Loaded = { proposal: Proposal; community: CommunityRow };

/** Loads a proposal the committee may respond to now, or the error to return. */
function respondable(db: DbOrTx, actor: Actor | null, proposalId: number): Loaded | { error: Result<never> } {
	const found = loadProposal(db, proposalId);
	if (!found) return { error: err('not_found') };
	const denied = authorize(actor, 'proposal.respond', scopeOf(found.community));
	if (denied) return { error: denied };
	if (!awaitsResponse(found.proposal)) return { error: err('proposal_already_answered') };
	return found;
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

/** Answer and close, with the reason the author and everyone will read. */
export function answerProposal(db: Db, actor: Actor | null, proposalId: number, input: unknown, now: number): Result<null> {
	const found = respondable(db, actor, proposalId);
	if ('error' in found) return found.error;
	const parsed = parseInput(answerSchema, input);
	if (!parsed.ok) return parsed;
	const { proposal, community } = found;
	return db.transaction((tx) => {
		if (!recordResponse(tx, actor!, proposal, 'answered', { responseNote: parsed.value.reason }, now)) return err('proposal_already_answered');
		addEvent(tx, proposal.id, 'answered', actor!.userId, now);
		writeAudit(tx, actor, { action: 'proposal.answer', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { reason: parsed.value.reason.slice(0, 200) } }, now);
		notify(tx, [proposal.authorId], 'proposal_answered', { title: proposal.title }, proposalLink(community, proposal.id), now);
		return ok(null);
	});
}

/** Mark for a 民生微實事 project menu: the menus domain offers it when candidates are collected. */
export function markForMenu(db: Db, actor: Actor | null, proposalId: number, input: unknown, now: number): Result<null> {
	const found = respondable(db, actor, proposalId);
	if ('error' in found) return found.error;
	const parsed = parseInput(menuSchema, input);
	if (!parsed.ok) return parsed;
	const { proposal, community } = found;
	return db.transaction((tx) => {
		if (!recordResponse(tx, actor!, proposal, 'menu', { responseNote: parsed.value.note }, now)) return err('proposal_already_answered');
		addEvent(tx, proposal.id, 'menu', actor!.userId, now);
		writeAudit(tx, actor, { action: 'proposal.mark_menu', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { title: proposal.title } }, now);
		notify(tx, [proposal.authorId], 'proposal_menu', { title: proposal.title }, proposalLink(community, proposal.id), now);
		return ok(null);
	});
}

/** Merge a duplicate into another proposal of the same community; its seconds carry over once each. */
export function mergeProposal(db: Db, actor: Actor | null, proposalId: number, input: unknown, now: number): Result<{ targetId: number; count: number }> {
	const found = respondable(db, actor, proposalId);
	if ('error' in found) return found.error;
	const parsed = parseInput(mergeSchema, input);
	if (!parsed.ok) return parsed;
	const { proposal, community } = found;
	const targetId = parsed.value.targetId;
	const target = loadProposal(db, targetId)?.proposal;
	if (!target || target.communityId !== community.id || target.id === proposal.id || !acceptsMerge(target)) {
		return err('invalid', { fields: { targetId: 'err_proposal_merge_target' } });
	}
	return db.transaction((tx) => {
		if (!recordResponse(tx, actor!, proposal, 'merged', { mergedIntoId: target.id, responseNote: parsed.value.note }, now)) return err('proposal_already_answered');
		// The source's supporters (its seconders) support the target too — once, and never its own author.
		const carried = tx
			.select({ userId: proposalSeconds.userId })
			.from(proposalSeconds)
			.where(and(eq(proposalSeconds.proposalId, proposal.id), ne(proposalSeconds.userId, target.authorId)))
			.all();
		if (carried.length) {
			tx.insert(proposalSeconds)
				.values(carried.map((s) => ({ proposalId: target.id, userId: s.userId, carriedFrom: proposal.id, createdAt: now })))
				.onConflictDoNothing()
				.run();
		}
		const settled = settleSeconds(tx, target.id, community, now);
		addEvent(tx, proposal.id, 'merged', actor!.userId, now, target.id);
		addEvent(tx, target.id, 'merged_in', actor!.userId, now, proposal.id);
		writeAudit(tx, actor, { action: 'proposal.merge', subjectType: 'proposal', subjectId: proposal.id, communityId: community.id, streetId: community.streetId, summary: { into: target.id, carried: carried.length, seconds: settled.count } }, now);
		notify(tx, [proposal.authorId], 'proposal_merged', { title: proposal.title, target: target.title }, proposalLink(community, target.id), now);
		return ok({ targetId: target.id, count: settled.count });
	});
}
