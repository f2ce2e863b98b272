// 決策共謀: residents file, edit, withdraw and second proposals; the committee answers, marks for a menu or
// merges them. (Taking a proposal to consultation lives with consultations, which opens the thread at once.)
// Each command is a declaration the kernel runs: load in scope → authorize → rule → validate → transaction.
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { loadCommunity, communitySubject, type CommunityRecord } from '../org/records';
import { ok, err, type Result } from '../result';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../policy';
import { acceptPhotos, type CheckedPhoto } from '../media/photos';
import { removePhotos, storePhotos } from '../media/storage';
import { proposalPhotos, proposals, proposalSeconds } from './schema';
import { answerSchema, menuSchema, mergeSchema, proposalSchema, proposalWithPhotosSchema, PROPOSAL_PHOTOS, type ProposalInput } from './validation';
import { acceptsMerge, acceptsSeconds, awaitsResponse, editable, withdrawable } from './rules';
import { checkPostingLimits, claimPosting } from './limits';
import { addEvent, loadProposal, proposalLink, proposalSubject, recordResponse, settleSeconds, type ProposalRecord } from './records';

const NOTHING = z.object({});
const onProposal = { load: loadProposal, subject: proposalSubject };
const audited = (r: ProposalRecord, summary: Record<string, unknown>) => ({ subjectType: 'proposal', subjectId: r.proposal.id, summary });

type Filing = ProposalInput & { photos: CheckedPhoto[] };

/** The writes of a new proposal, its photos' files last (removed again if the transaction does not commit). */
function writeProposal({ tx, actor, record: community, input: v, now, cleanup }: Context<Pick<CommunityRecord, 'id'>, Filing>) {
	const limited = claimPosting(tx, actor, 'proposal', now);
	if (limited) return limited;
	const row = tx
		.insert(proposals)
		.values({ communityId: community.id, authorId: actor.userId, title: v.title, body: v.body, category: v.category, location: v.location, createdAt: now, updatedAt: now })
		.returning({ id: proposals.id })
		.get();
	addEvent(tx, row.id, 'created', actor.userId, now);
	const files = storePhotos('proposals', v.photos);
	cleanup(() => removePhotos('proposals', files));
	if (files.length) {
		tx.insert(proposalPhotos)
			.values(files.map((fileName, position) => ({ proposalId: row.id, fileName, contentType: v.photos[position].type, size: v.photos[position].bytes.length, position, createdAt: now })))
			.run();
	}
	return ok({ id: row.id, photos: files.length });
}

const filing = {
	action: 'proposal.create',
	load: loadCommunity,
	subject: communitySubject,
	check: (db: DbOrTx, { actor, now }: { actor: Actor; now: number }) => checkPostingLimits(db, actor, 'proposal', now),
	audit: ({ input: v }: { input: ProposalInput }, row: { id: number; photos: number }) => ({
		subjectType: 'proposal',
		subjectId: row.id,
		summary: { title: v.title, category: v.category, ...(row.photos ? { photos: row.photos } : {}) }
	})
} as const;

/** A verified resident files a proposal in their community (without photos: scripts, the demo, tests). */
export const createProposal = defineCommand({
	...filing,
	input: proposalSchema,
	run: (c) => writeProposal({ ...c, input: { ...c.input, photos: [] } })
});

/**
 * The same from the browser's form, with up to four photos, decoded and encoded again before the transaction
 * (upright, without EXIF and its location, at most 40 megapixels).
 */
export const fileProposal = defineAsyncCommand({
	...filing,
	input: proposalWithPhotosSchema,
	before: async (_db, { input }): Promise<Result<Filing>> => {
		const accepted = await acceptPhotos(input.photos, PROPOSAL_PHOTOS);
		return accepted.ok ? ok({ ...input, photos: accepted.photos }) : err('invalid', { fields: { photos: accepted.field } });
	},
	run: writeProposal
});

/** The author edits until the first second. */
export const editProposal = defineCommand({
	action: 'proposal.edit_own',
	...onProposal,
	rule: (_actor, { proposal }) => (editable(proposal) ? null : proposal.state === 'open' ? 'proposal_has_seconds' : 'proposal_not_open'),
	input: proposalSchema,
	run: ({ tx, actor, record: { proposal }, input: v, now }) => {
		// Guarded: a second that lands between the check and here makes the edit fail, not slip through.
		const changed = tx
			.update(proposals)
			.set({ title: v.title, body: v.body, category: v.category, location: v.location, editedAt: now, updatedAt: now })
			.where(and(eq(proposals.id, proposal.id), eq(proposals.state, 'open'), eq(proposals.secondCount, 0)))
			.run();
		if (changed.changes === 0) return err('proposal_has_seconds');
		addEvent(tx, proposal.id, 'edited', actor.userId, now);
		return ok(null);
	},
	audit: ({ record, input: v }) => audited(record, { title: v.title, category: v.category })
});

/** The author withdraws any time before the proposal qualifies. */
export const withdrawProposal = defineCommand({
	action: 'proposal.withdraw_own',
	...onProposal,
	rule: (_actor, { proposal }) => (withdrawable(proposal) ? null : 'proposal_not_open'),
	input: NOTHING,
	run: ({ tx, actor, record: { proposal }, now }) => {
		const changed = tx
			.update(proposals)
			.set({ state: 'withdrawn', withdrawnAt: now, updatedAt: now })
			.where(and(eq(proposals.id, proposal.id), eq(proposals.state, 'open')))
			.run();
		if (changed.changes === 0) return err('proposal_not_open');
		addEvent(tx, proposal.id, 'withdrawn', actor.userId, now);
		return ok(null);
	},
	audit: ({ record }) => audited(record, { title: record.proposal.title })
});

/** A verified neighbour seconds (附議) a proposal, once (the primary key says so); never their own. */
export const secondProposal = defineCommand({
	action: 'proposal.second',
	...onProposal,
	rule: (actor, { proposal }) => (proposal.authorId === actor.userId ? 'own_proposal' : acceptsSeconds(proposal) ? null : 'proposal_closed'),
	input: NOTHING,
	conflict: 'already_seconded',
	run: ({ tx, actor, record: { proposal, community }, now }) => {
		tx.insert(proposalSeconds).values({ proposalId: proposal.id, userId: actor.userId, createdAt: now }).run();
		return ok(settleSeconds(tx, proposal.id, community, now));
	},
	audit: ({ record }, settled) => audited(record, { seconds: settled.count })
});

// ── The committee's responses: once, from open or qualified, guarded against a colleague acting at once ──

const respond = { ...onProposal, rule: (_actor: unknown, { proposal }: ProposalRecord) => (awaitsResponse(proposal) ? null : 'proposal_already_answered') };

/** Answer and close, with the reason the author and everyone will read. */
export const answerProposal = defineCommand({
	action: 'proposal.answer',
	...respond,
	input: answerSchema,
	run: ({ tx, actor, record: { proposal, community }, input, now, notify }) => {
		if (!recordResponse(tx, actor, proposal, 'answered', { responseNote: input.reason }, now)) return err('proposal_already_answered');
		addEvent(tx, proposal.id, 'answered', actor.userId, now);
		notify([proposal.authorId], 'proposal_answered', { title: proposal.title }, proposalLink(community, proposal.id));
		return ok(null);
	},
	audit: ({ record, input }) => audited(record, { reason: input.reason.slice(0, 200) })
});

/** Mark for a 民生微實事 project menu: the menus domain offers it when candidates are collected. */
export const markForMenu = defineCommand({
	action: 'proposal.mark_menu',
	...respond,
	input: menuSchema,
	run: ({ tx, actor, record: { proposal, community }, input, now, notify }) => {
		if (!recordResponse(tx, actor, proposal, 'menu', { responseNote: input.note }, now)) return err('proposal_already_answered');
		addEvent(tx, proposal.id, 'menu', actor.userId, now);
		notify([proposal.authorId], 'proposal_menu', { title: proposal.title }, proposalLink(community, proposal.id));
		return ok(null);
	},
	audit: ({ record }) => audited(record, { title: record.proposal.title })
});

/** Merge a duplicate into another proposal of the same community; its seconds carry over once each. */
export const mergeProposal = defineCommand({
	action: 'proposal.merge',
	...respond,
	input: mergeSchema,
	check: (db, { record: { proposal, community }, input }) => {
		const target = loadProposal(db, { communityId: community.id, id: input.targetId })?.proposal;
		return target && target.id !== proposal.id && acceptsMerge(target) ? null : err('invalid', { fields: { targetId: 'err_proposal_merge_target' } });
	},
	run: ({ tx, actor, record: { proposal, community }, input, now, notify }) => {
		const target = loadProposal(tx, { communityId: community.id, id: input.targetId })?.proposal;
		if (!target) return err('invalid', { fields: { targetId: 'err_proposal_merge_target' } });
		if (!recordResponse(tx, actor, proposal, 'merged', { mergedIntoId: target.id, responseNote: input.note }, now)) return err('proposal_already_answered');
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
		addEvent(tx, proposal.id, 'merged', actor.userId, now, target.id);
		addEvent(tx, target.id, 'merged_in', actor.userId, now, proposal.id);
		notify([proposal.authorId], 'proposal_merged', { title: proposal.title, target: target.title }, proposalLink(community, target.id));
		return ok({ targetId: target.id, count: settled.count, carried: carried.length });
	},
	audit: ({ record }, v) => audited(record, { into: v.targetId, carried: v.carried, seconds: v.count })
});
