// 協商議事: the committee opens a thread; residents comment with a stance, reply and report; the committee
// answers residents' comments officially. Each command is a declaration the kernel runs: load in scope →
// authorize → rule → validate → one transaction with its audit row.
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../policy';
import { defineCommand, type Context } from '../kernel/command';
import { loadCommunity, communitySubject, type CommunityRecord } from '../org/records';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { committeeUserIds } from '../residency/queries';
import { addEvent, loadProposal, recordResponse } from '../proposals/records';
import { proposals } from '../proposals/schema';
import { awaitsResponse } from '../proposals/rules';
import { checkPostingLimits, claimPosting } from '../proposals/limits';
import { consultations, comments, commentReports, type Stance } from './schema';
import { commentSchema, officialReplySchema, openSchema, reportSchema } from './validation';
import { commentBlock, reportsHide } from './rules';
import { commentLink, commentOf, loadThread, threadLink, threadSubject, type ThreadRecord } from './records';

const onThread = { load: loadThread, subject: threadSubject };

/** The committee opens a thread, on its own or from a proposal (which then shows "in consultation"). */
export const openConsultation = defineCommand({
	action: 'consultation.open',
	load: loadCommunity,
	subject: (community: CommunityRecord) => communitySubject(community),
	input: openSchema,
	check: (db, { record: community, input: v, now }) => {
		if (v.closesOn !== null && v.closesOn <= now) return err('invalid', { fields: { closesOn: 'err_consultation_closes_past' } });
		if (v.proposalId === null) return null;
		const found = loadProposal(db, { communityId: community.id, id: v.proposalId });
		if (!found) return err('not_found');
		return awaitsResponse(found.proposal) ? null : err('proposal_already_answered');
	},
	run: ({ tx, actor, record: community, input: v, now, notify }) => {
		const proposal = v.proposalId === null ? undefined : loadProposal(tx, { communityId: community.id, id: v.proposalId })?.proposal;
		if (v.proposalId !== null && !proposal) return err('not_found');
		// The proposal's guarded move comes first: when a colleague answered it a moment ago, nothing is written.
		if (proposal && !recordResponse(tx, actor, proposal, 'consultation', {}, now)) return err('proposal_already_answered');
		const row = tx
			.insert(consultations)
			.values({ communityId: community.id, proposalId: proposal?.id ?? null, topic: v.topic, background: v.background, closesAt: v.closesOn, major: v.major, createdBy: actor.userId, createdAt: now, updatedAt: now })
			.returning({ id: consultations.id })
			.get();
		if (proposal) {
			tx.update(proposals).set({ consultationId: row.id }).where(eq(proposals.id, proposal.id)).run();
			addEvent(tx, proposal.id, 'consultation', actor.userId, now);
			notify([proposal.authorId], 'proposal_consultation', { title: proposal.title }, threadLink(community, row.id));
		}
		return ok({ id: row.id, proposalId: proposal?.id ?? null });
	},
	audit: ({ input: v }, row) => ({ subjectType: 'consultation', subjectId: row.id, summary: { topic: v.topic, proposal: row.proposalId ?? undefined, major: v.major || undefined } })
});

// ── Comments and replies ──────────────────────────────────────────────────────────────────────────────────

/** `repeat`: the same text by the same person at the same place a moment ago (a double submit): nothing new is written. */
type Posted = { id: number; parentId: number | null; stance: Stance | null; repeat?: boolean };

/** A second submit of the same comment within this long lands on the first one instead of posting it twice. */
export const REPEAT_WINDOW_MS = 10_000;
type CommentInput = { body: string; stance: Stance | null; parentId: number | null; official: boolean };

/** Before writing: the comment replied to is in this thread, and the person is within the posting limits. */
function checkComment(db: DbOrTx, c: { actor: Actor; record: ThreadRecord; now: number }, parentId: number | null) {
	if (parentId !== null && !commentOf(db, c.record.thread.id, parentId)) return err('not_found');
	return checkPostingLimits(db, c.actor, 'comment', c.now);
}

/** Writes a comment or reply, guarded so that a thread closed or locked a moment ago takes nothing more. */
function writeComment({ tx, actor, record: { thread, community }, now, notify }: Context<ThreadRecord, unknown>, v: CommentInput): Result<Posted> {
	const open = tx
		.update(consultations)
		.set({ updatedAt: now })
		.where(and(eq(consultations.id, thread.id), eq(consultations.state, 'open'), isNull(consultations.lockedAt)))
		.run();
	if (open.changes === 0) {
		const current = tx.select().from(consultations).where(eq(consultations.id, thread.id)).get();
		return err((current && commentBlock(current, now)) ?? 'thread_closed');
	}
	const parent = v.parentId === null ? undefined : commentOf(tx, thread.id, v.parentId);
	if (v.parentId !== null && !parent) return err('not_found');
	// Replies stay one level deep: a reply to a reply joins the same top-level comment.
	const parentId = parent ? (parent.parentId ?? parent.id) : null;
	// Read inside the IMMEDIATE transaction, so two submits at once (even through two server processes) see each other.
	const repeat = tx
		.select({ id: comments.id })
		.from(comments)
		.where(
			and(
				eq(comments.consultationId, thread.id),
				eq(comments.authorId, actor.userId),
				parentId === null ? isNull(comments.parentId) : eq(comments.parentId, parentId),
				eq(comments.body, v.body),
				v.stance === null ? isNull(comments.stance) : eq(comments.stance, v.stance),
				eq(comments.official, v.official),
				gte(comments.createdAt, now - REPEAT_WINDOW_MS)
			)
		)
		.get();
	if (repeat) return ok({ id: repeat.id, parentId, stance: v.stance, repeat: true });
	const limited = claimPosting(tx, actor, 'comment', now);
	if (limited) return limited;
	const row = tx
		.insert(comments)
		.values({ consultationId: thread.id, authorId: actor.userId, parentId, stance: v.stance, official: v.official, body: v.body, createdAt: now })
		.returning({ id: comments.id })
		.get();
	if (parent && parent.authorId !== actor.userId) {
		notify([parent.authorId], 'comment_reply', { name: actor.displayName, topic: thread.topic }, commentLink(community, thread.id, row.id));
	}
	return ok({ id: row.id, parentId, stance: v.stance });
}

const auditComment = ({ record }: Context<ThreadRecord, unknown>, posted: Posted) => posted.repeat ? null : ({
	subjectType: 'comment',
	subjectId: posted.id,
	summary: { thread: record.thread.id, parent: posted.parentId ?? undefined, stance: posted.stance ?? undefined }
});

/** A verified resident comments with a stance, or replies (one level deep, stance optional) to a comment. */
export const postComment = defineCommand({
	action: 'consultation.comment',
	...onThread,
	rule: (_actor, { thread }, now) => commentBlock(thread, now),
	input: commentSchema,
	check: (db, c) => checkComment(db, c, c.input.parentId),
	run: (c) => writeComment(c, { body: c.input.body, stance: c.input.stance, parentId: c.input.parentId, official: false }),
	audit: auditComment
});

/**
 * The committee (or street staff) answers a resident's comment in the thread: always a reply, taking no
 * side, marked as theirs. Officials answer comments; they do not open a line of argument of their own.
 */
export const replyOfficially = defineCommand({
	action: 'consultation.reply_official',
	...onThread,
	rule: (_actor, { thread }, now) => commentBlock(thread, now),
	input: officialReplySchema,
	check: (db, c) => checkComment(db, c, c.input.parentId),
	run: (c) => writeComment(c, { body: c.input.body, stance: null, parentId: c.input.parentId, official: true }),
	audit: auditComment
});

// ── Reports ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A verified resident reports a comment, once (the primary key says so); never their own. At the
 * community's threshold the comment is hidden pending the committee's review, in the same transaction.
 */
export const reportComment = defineCommand({
	action: 'consultation.report_comment',
	...onThread,
	input: reportSchema,
	conflict: 'already_reported',
	check: (db, { actor, record: { thread }, input, now }) => {
		const comment = commentOf(db, thread.id, input.commentId);
		if (!comment) return err('not_found');
		if (comment.authorId === actor.userId) return err('own_comment');
		if (comment.status !== 'visible') return err('comment_already_hidden');
		return checkPostingLimits(db, actor, 'report', now);
	},
	run: ({ tx, actor, record: { thread, community }, input, now, notify }) => {
		tx.insert(commentReports).values({ commentId: input.commentId, reporterId: actor.userId, reason: input.reason, createdAt: now }).run();
		// Guarded: a comment hidden a moment ago takes no more reports.
		const after = tx
			.update(comments)
			.set({ openReports: sql`${comments.openReports} + 1` })
			.where(and(eq(comments.id, input.commentId), eq(comments.consultationId, thread.id), eq(comments.status, 'visible')))
			.returning({ authorId: comments.authorId, openReports: comments.openReports })
			.get();
		if (!after) return err('comment_already_hidden');
		const limited = claimPosting(tx, actor, 'report', now);
		if (limited) return limited;
		const hidden = reportsHide(after.openReports, community.reportHideThreshold);
		if (hidden) {
			tx.update(comments).set({ status: 'hidden_reports', hiddenAt: now, hiddenBy: null, hiddenReason: null }).where(eq(comments.id, input.commentId)).run();
			writeAudit(tx, null, { action: 'consultation.auto_hide', subjectType: 'comment', subjectId: input.commentId, communityId: community.id, streetId: community.streetId, summary: { thread: thread.id, reports: after.openReports } }, now);
			const link = commentLink(community, thread.id, input.commentId);
			notify([after.authorId], 'comment_hidden_reports', { topic: thread.topic }, link);
			notify(committeeUserIds(tx, community.id), 'comment_needs_review', { topic: thread.topic }, link);
		}
		return ok({ hidden, reports: after.openReports });
	},
	audit: ({ record, input }, v) => ({ subjectType: 'comment', subjectId: input.commentId, summary: { thread: record.thread.id, reason: input.reason, reports: v.reports } })
});
