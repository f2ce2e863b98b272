// The committee keeps a thread civil: hide and restore comments, lock and unlock, pin a summary, and close
// with the resolution (決議; for a 重大事項, 決議公開 after its four stages). Every change is a guarded update,
// so two committee members acting at once end with one change and a clean refusal.
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type Context } from '../kernel/command';
import type { DbOrTx } from '../db/client';
import { err, ok, type Result } from '../result';
import { proposals } from '../proposals/schema';
import { consultations, comments } from './schema';
import { closeSchema, commentIdSchema, hideSchema, pinSchema } from './validation';
import { nextStage } from './rules';
import { commentLink, commentOf, loadThread, participants, stagesOf, threadLink, threadSubject, type Thread, type ThreadRecord } from './records';

const onThread = { load: loadThread, subject: threadSubject };
const onComment = (r: ThreadRecord, commentId: number, summary: Record<string, unknown> = {}) => ({ subjectType: 'comment', subjectId: commentId, summary: { thread: r.thread.id, ...summary } });
const onWhole = (r: ThreadRecord, summary: Record<string, unknown> = {}) => ({ subjectType: 'consultation', subjectId: r.thread.id, summary });

/** The comment named in the form is one of this thread's. */
const commentInThread = (db: DbOrTx, { record, input }: { record: ThreadRecord; input: { commentId: number } }) => (commentOf(db, record.thread.id, input.commentId) ? null : err('not_found'));

/** Why a guarded update of an open thread found nothing: it was closed meanwhile, or `otherwise`. */
function refusal(tx: DbOrTx, threadId: number, otherwise: string) {
	const now = tx.select({ state: consultations.state }).from(consultations).where(eq(consultations.id, threadId)).get();
	return err(now?.state === 'closed' ? 'thread_closed' : otherwise);
}

/** Hide a comment; the reason shows in its place and is sent to its author. */
export const hideComment = defineCommand({
	action: 'consultation.hide',
	...onThread,
	input: hideSchema,
	check: commentInThread,
	run: ({ tx, actor, record: { thread, community }, input, now, notify }) => {
		const c = tx
			.update(comments)
			.set({ status: 'hidden', hiddenReason: input.reason, hiddenBy: actor.userId, hiddenAt: now })
			.where(and(eq(comments.id, input.commentId), eq(comments.consultationId, thread.id), ne(comments.status, 'hidden')))
			.returning({ id: comments.id, authorId: comments.authorId })
			.get();
		if (!c) return err('comment_already_hidden');
		notify([c.authorId], 'comment_hidden', { topic: thread.topic, reason: input.reason }, commentLink(community, thread.id, c.id));
		return ok(null);
	},
	audit: ({ record, input }) => onComment(record, input.commentId, { reason: input.reason })
});

/** Restore a hidden comment (after review); its open reports are cleared. */
export const restoreComment = defineCommand({
	action: 'consultation.restore',
	...onThread,
	input: commentIdSchema,
	check: commentInThread,
	run: ({ tx, record: { thread, community }, input, notify }) => {
		const c = tx
			.update(comments)
			.set({ status: 'visible', hiddenReason: null, hiddenBy: null, hiddenAt: null, openReports: 0 })
			.where(and(eq(comments.id, input.commentId), eq(comments.consultationId, thread.id), inArray(comments.status, ['hidden', 'hidden_reports'])))
			.returning({ id: comments.id, authorId: comments.authorId })
			.get();
		if (!c) return err('comment_not_hidden');
		notify([c.authorId], 'comment_restored', { topic: thread.topic }, commentLink(community, thread.id, c.id));
		return ok(null);
	},
	audit: ({ record, input }) => onComment(record, input.commentId)
});

const NOTHING = z.object({});

/** Lock an open thread: no new comments until it is unlocked. */
export const lockThread = defineCommand({
	action: 'consultation.lock',
	...onThread,
	rule: (_actor, { thread }) => (thread.state === 'closed' ? 'thread_closed' : thread.lockedAt !== null ? 'thread_locked' : null),
	input: NOTHING,
	run: ({ tx, record: { thread }, now }) => {
		const changed = tx
			.update(consultations)
			.set({ lockedAt: now, updatedAt: now })
			.where(and(eq(consultations.id, thread.id), eq(consultations.state, 'open'), isNull(consultations.lockedAt)))
			.run();
		return changed.changes === 1 ? ok(null) : refusal(tx, thread.id, 'thread_locked');
	},
	audit: ({ record }) => onWhole(record)
});

/** Take comments again in a locked thread. */
export const unlockThread = defineCommand({
	action: 'consultation.unlock',
	...onThread,
	rule: (_actor, { thread }) => (thread.state === 'closed' ? 'thread_closed' : thread.lockedAt === null ? 'thread_not_locked' : null),
	input: NOTHING,
	run: ({ tx, record: { thread }, now }) => {
		const changed = tx
			.update(consultations)
			.set({ lockedAt: null, updatedAt: now })
			.where(and(eq(consultations.id, thread.id), eq(consultations.state, 'open'), isNotNull(consultations.lockedAt)))
			.run();
		return changed.changes === 1 ? ok(null) : refusal(tx, thread.id, 'thread_not_locked');
	},
	audit: ({ record }) => onWhole(record)
});

/** Pin the committee's summary of the discussion so far; an empty text unpins it. The last one saved stands. */
export const pinSummary = defineCommand({
	action: 'consultation.pin',
	...onThread,
	input: pinSchema,
	run: ({ tx, record: { thread }, input, now }) => {
		const summary = input.summary || null;
		tx.update(consultations).set({ pinnedSummary: summary, pinnedAt: summary ? now : null, updatedAt: now }).where(eq(consultations.id, thread.id)).run();
		return ok({ pinned: summary !== null, length: summary?.length ?? 0 });
	},
	audit: ({ record }, v) => onWhole(record, v.pinned ? { length: v.length } : { unpinned: true })
});

// ── Closing with the resolution ───────────────────────────────────────────────────────────────────────────

/** Closes the open thread with its resolution and tells everyone who took part (and the proposal's author). */
function resolve({ tx, actor, record: { thread, community }, input, now, notify }: Context<ThreadRecord, { resolution: string }>): Result<null> {
	const changed = tx
		.update(consultations)
		.set({ state: 'closed', resolution: input.resolution, closedAt: now, closedBy: actor.userId, updatedAt: now })
		.where(and(eq(consultations.id, thread.id), eq(consultations.state, 'open')))
		.run();
	if (changed.changes === 0) return err('thread_closed');
	const people = participants(tx, thread.id);
	if (thread.proposalId) {
		const p = tx.select({ authorId: proposals.authorId }).from(proposals).where(eq(proposals.id, thread.proposalId)).get();
		if (p) people.push(p.authorId);
	}
	notify(people.filter((id) => id !== actor.userId), 'thread_resolved', { topic: thread.topic }, threadLink(community, thread.id));
	return ok(null);
}

const resolutionAudit = ({ record, input }: Context<ThreadRecord, { resolution: string }>) => onWhole(record, { resolution: input.resolution.slice(0, 200) });
const openRule = (thread: Thread) => (thread.state === 'closed' ? 'thread_closed' : null);

/** Close an ordinary thread with its resolution (決議). A 重大事項 is closed by publishing its resolution. */
export const closeThread = defineCommand({
	action: 'consultation.close',
	...onThread,
	rule: (_actor, { thread }) => openRule(thread) ?? (thread.major ? 'thread_major' : null),
	input: closeSchema,
	run: resolve,
	audit: resolutionAudit
});

/** 決議公開: close a 重大事項 with its resolution, once 提議, 商議, 審議 and 決議 have all passed. */
export const publishResolution = defineCommand({
	action: 'consultation.publish_resolution',
	...onThread,
	rule: (_actor, { thread }) => openRule(thread) ?? (thread.major ? null : 'not_major'),
	input: closeSchema,
	check: (db, { record }) => (nextStage(stagesOf(db, record.thread.id)) <= 4 ? err('stages_unfinished') : null),
	run: resolve,
	audit: resolutionAudit
});
