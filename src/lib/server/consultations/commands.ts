// Consultation threads: the committee opens one; residents comment, reply and report.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { communities } from '../org/schema';
import { consultations, comments, commentReports } from './schema';
import { commentSchema, openSchema, reportSchema } from './validation';
import { commentBlock, reportsHide } from './rules';
import { addEvent, recordResponse } from '../proposals/records';
import { loadProposal as loadScopedProposal } from '../proposals/records';
import { proposals } from '../proposals/schema';
import { awaitsResponse } from '../proposals/rules';
import { checkPostingLimits, recordPosting } from '../proposals/limits';
import { parseInput } from '../validation';
import { authorize, can, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { committeeUserIds } from '../residency/queries';

export type Thread = typeof consultations.$inferSelect;
export type CommunityRow = typeof communities.$inferSelect;

export function loadThread(db: DbOrTx, id: number): { thread: Thread; community: CommunityRow } | undefined {
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	return db.select({ thread: consultations, community: communities }).from(consultations).innerJoin(communities, eq(communities.id, consultations.communityId)).where(eq(consultations.id, id)).get() ?? undefined;
}

export const threadScope = (c: CommunityRow) => ({ communityId: c.id, streetId: c.streetId });
export const threadLink = (c: { slug: string }, id: number) => `/c/${c.slug}/consultations/${id}`;

/** The committee opens a thread, on its own or from a proposal (which then shows "in consultation"). */
export function openConsultation(db: Db, actor: Actor | null, communityId: number, input: unknown, now: number): Result<{ id: number }> {
	const community = db.select().from(communities).where(eq(communities.id, communityId)).get();
	if (!community) return err('not_found');
	const denied = authorize(actor, 'consultation.open', threadScope(community));
	if (denied) return denied;
	const parsed = parseInput(openSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	if (v.closesOn !== null && v.closesOn <= now) return err('invalid', { fields: { closesOn: 'err_consultation_closes_past' } });
	const proposal = v.proposalId ? loadScopedProposal(db, { communityId, id: v.proposalId })?.proposal : undefined;
	if (v.proposalId && (!proposal || proposal.communityId !== communityId)) return err('not_found');
	if (proposal && !awaitsResponse(proposal)) return err('proposal_already_answered');
	return db.transaction((tx) => {
		// The proposal's guarded move comes first, so a lost race writes nothing.
		if (proposal && !recordResponse(tx, actor!, proposal, 'consultation', {}, now)) return err('proposal_already_answered');
		const row = tx
			.insert(consultations)
			.values({ communityId, proposalId: proposal?.id ?? null, topic: v.topic, background: v.background, closesAt: v.closesOn, major: v.major, createdBy: actor!.userId, createdAt: now, updatedAt: now })
			.returning({ id: consultations.id })
			.get();
		if (proposal) {
			tx.update(proposals).set({ consultationId: row.id }).where(eq(proposals.id, proposal.id)).run();
			addEvent(tx, proposal.id, 'consultation', actor!.userId, now);
			notify(tx, [proposal.authorId], 'proposal_consultation', { title: proposal.title }, threadLink(community, row.id), now);
		}
		writeAudit(tx, actor, { action: 'consultation.open', subjectType: 'consultation', subjectId: row.id, communityId, streetId: community.streetId, summary: { topic: v.topic, proposal: proposal?.id, major: v.major || undefined } }, now);
		return ok(row);
	});
}

/**
 * A verified resident comments with a stance, or replies (one level deep) to a comment. The committee and
 * street staff may reply too, officially: their replies take no side and are marked as theirs.
 */
export function postComment(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<{ id: number }> {
	const found = loadThread(db, threadId);
	if (!found) return err('not_found');
	const { thread, community } = found;
	const scope = threadScope(community);
	const official = !can(actor, 'consultation.comment', scope);
	const denied = authorize(actor, official ? 'consultation.reply_official' : 'consultation.comment', scope);
	if (denied) return denied;
	// Officials answer residents' comments; they do not open a line of argument of their own.
	const parent_ = (input as { parentId?: unknown } | null)?.parentId;
	if (official && (parent_ === undefined || parent_ === null || parent_ === '')) return err('forbidden');
	const parsed = parseInput(commentSchema, official ? { ...(input as object), stance: '' } : input);
	if (!parsed.ok) return parsed;
	const blocked = commentBlock(thread, now);
	if (blocked) return err(blocked);
	const v = parsed.value;
	let parent: typeof comments.$inferSelect | undefined;
	if (v.parentId !== null) {
		parent = db.select().from(comments).where(and(eq(comments.id, v.parentId), eq(comments.consultationId, thread.id))).get();
		if (!parent) return err('not_found');
	}
	const limited = checkPostingLimits(db, actor!, 'comment', now);
	if (limited) return limited;
	return db.transaction((tx) => {
		// Replies stay one level deep: a reply to a reply joins the same top-level comment.
		const parentId = parent ? (parent.parentId ?? parent.id) : null;
		const row = tx
			.insert(comments)
			.values({ consultationId: thread.id, authorId: actor!.userId, parentId, stance: official ? null : v.stance, official, body: v.body, createdAt: now })
			.returning({ id: comments.id })
			.get();
		tx.update(consultations).set({ updatedAt: now }).where(eq(consultations.id, thread.id)).run();
		recordPosting(tx, actor!, 'comment', now);
		writeAudit(tx, actor, { action: official ? 'consultation.reply_official' : 'consultation.comment', subjectType: 'comment', subjectId: row.id, communityId: community.id, streetId: community.streetId, summary: { thread: thread.id, parent: parentId ?? undefined, stance: v.stance ?? undefined } }, now);
		if (parent && parent.authorId !== actor!.userId) {
			notify(tx, [parent.authorId], 'comment_reply', { name: actor!.displayName, topic: thread.topic }, `${threadLink(community, thread.id)}#comment-${row.id}`, now);
		}
		return ok(row);
	});
}

/** A verified resident reports a comment once; at the community's threshold it is hidden pending review. */
export function reportComment(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<{ hidden: boolean }> {
	const found = loadThread(db, threadId);
	if (!found) return err('not_found');
	const { thread, community } = found;
	const denied = authorize(actor, 'consultation.report_comment', threadScope(community));
	if (denied) return denied;
	const parsed = parseInput(reportSchema, input);
	if (!parsed.ok) return parsed;
	const comment = db.select().from(comments).where(and(eq(comments.id, parsed.value.commentId), eq(comments.consultationId, thread.id))).get();
	if (!comment) return err('not_found');
	if (comment.authorId === actor!.userId) return err('own_comment');
	if (comment.status !== 'visible') return err('comment_already_hidden');
	const limited = checkPostingLimits(db, actor!, 'report', now);
	if (limited) return limited;
	try {
		return db.transaction((tx) => {
			tx.insert(commentReports).values({ commentId: comment.id, reporterId: actor!.userId, reason: parsed.value.reason, createdAt: now }).run();
			const after = tx
				.update(comments)
				.set({ openReports: sql`${comments.openReports} + 1` })
				.where(eq(comments.id, comment.id))
				.returning({ openReports: comments.openReports, status: comments.status })
				.get();
			recordPosting(tx, actor!, 'report', now);
			writeAudit(tx, actor, { action: 'consultation.report', subjectType: 'comment', subjectId: comment.id, communityId: community.id, streetId: community.streetId, summary: { thread: thread.id, reason: parsed.value.reason, reports: after.openReports } }, now);
			const hide = after.status === 'visible' && reportsHide(after.openReports, community.reportHideThreshold);
			if (hide) {
				tx.update(comments).set({ status: 'hidden_reports', hiddenAt: now, hiddenBy: null, hiddenReason: null }).where(eq(comments.id, comment.id)).run();
				writeAudit(tx, null, { action: 'consultation.auto_hide', subjectType: 'comment', subjectId: comment.id, communityId: community.id, streetId: community.streetId, summary: { thread: thread.id, reports: after.openReports } }, now);
				const link = `${threadLink(community, thread.id)}#comment-${comment.id}`;
				notify(tx, [comment.authorId], 'comment_hidden_reports', { topic: thread.topic }, link, now);
				notify(tx, committeeUserIds(tx, community.id), 'comment_needs_review', { topic: thread.topic }, link, now);
			}
			return ok({ hidden: hide });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('already_reported');
		throw e;
	}
}
