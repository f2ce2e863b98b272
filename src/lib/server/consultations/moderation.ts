// The committee keeps a thread civil: hide and restore comments, lock, pin a summary, close with a resolution.
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { consultations, comments, stages } from './schema';
import { closeSchema, commentIdSchema, hideSchema, pinSchema } from './validation';
import { nextStage } from './rules';
import { loadThread, threadLink, threadScope, type CommunityRow, type Thread } from './commands';
import { proposals } from '../proposals/schema';
import { parseInput } from '../validation';
import { authorize, type Action, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';

type Loaded = { thread: Thread; community: CommunityRow };

function guarded(db: DbOrTx, actor: Actor | null, threadId: number, action: Action): Loaded | { error: Result<never> } {
	const found = loadThread(db, threadId);
	if (!found) return { error: err('not_found') };
	const denied = authorize(actor, action, threadScope(found.community));
	if (denied) return { error: denied };
	return found;
}

function audit(tx: DbOrTx, actor: Actor, action: string, l: Loaded, subject: { type: string; id: number }, summary: Record<string, unknown>, now: number) {
	writeAudit(tx, actor, { action, subjectType: subject.type, subjectId: subject.id, communityId: l.community.id, streetId: l.community.streetId, summary: { thread: l.thread.id, ...summary } }, now);
}

/** Hide a comment; the reason shows in its place and is sent to its author. */
export function hideComment(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<null> {
	const l = guarded(db, actor, threadId, 'consultation.moderate');
	if ('error' in l) return l.error;
	const parsed = parseInput(hideSchema, input);
	if (!parsed.ok) return parsed;
	const { commentId, reason } = parsed.value;
	return db.transaction((tx) => {
		const c = tx
			.update(comments)
			.set({ status: 'hidden', hiddenReason: reason, hiddenBy: actor!.userId, hiddenAt: now })
			.where(and(eq(comments.id, commentId), eq(comments.consultationId, l.thread.id), ne(comments.status, 'hidden')))
			.returning()
			.get();
		if (!c) return err('comment_already_hidden');
		audit(tx, actor!, 'consultation.hide', l, { type: 'comment', id: c.id }, { reason }, now);
		notify(tx, [c.authorId], 'comment_hidden', { topic: l.thread.topic, reason }, `${threadLink(l.community, l.thread.id)}#comment-${c.id}`, now);
		return ok(null);
	});
}

/** Restore a hidden comment (after review); its open reports are cleared. */
export function restoreComment(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<null> {
	const l = guarded(db, actor, threadId, 'consultation.moderate');
	if ('error' in l) return l.error;
	const parsed = parseInput(commentIdSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction((tx) => {
		const c = tx
			.update(comments)
			.set({ status: 'visible', hiddenReason: null, hiddenBy: null, hiddenAt: null, openReports: 0 })
			.where(and(eq(comments.id, parsed.value.commentId), eq(comments.consultationId, l.thread.id), inArray(comments.status, ['hidden', 'hidden_reports'])))
			.returning()
			.get();
		if (!c) return err('comment_not_hidden');
		audit(tx, actor!, 'consultation.restore', l, { type: 'comment', id: c.id }, {}, now);
		notify(tx, [c.authorId], 'comment_restored', { topic: l.thread.topic }, `${threadLink(l.community, l.thread.id)}#comment-${c.id}`, now);
		return ok(null);
	});
}

/** Lock (no new comments) or unlock an open thread. */
export function setLocked(db: Db, actor: Actor | null, threadId: number, locked: boolean, now: number): Result<null> {
	const l = guarded(db, actor, threadId, 'consultation.moderate');
	if ('error' in l) return l.error;
	if (l.thread.state === 'closed') return err('thread_closed');
	return db.transaction((tx) => {
		const changed = tx
			.update(consultations)
			.set({ lockedAt: locked ? now : null, updatedAt: now })
			.where(and(eq(consultations.id, l.thread.id), eq(consultations.state, 'open'), locked ? isNull(consultations.lockedAt) : isNotNull(consultations.lockedAt)))
			.run();
		if (changed.changes === 0) return err(locked ? 'thread_locked' : 'thread_not_locked');
		audit(tx, actor!, locked ? 'consultation.lock' : 'consultation.unlock', l, { type: 'consultation', id: l.thread.id }, {}, now);
		return ok(null);
	});
}

/** Pin (or, with an empty text, unpin) the committee's summary of the discussion so far. */
export function pinSummary(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<null> {
	const l = guarded(db, actor, threadId, 'consultation.moderate');
	if ('error' in l) return l.error;
	const parsed = parseInput(pinSchema, input);
	if (!parsed.ok) return parsed;
	const summary = parsed.value.summary || null;
	return db.transaction((tx) => {
		tx.update(consultations).set({ pinnedSummary: summary, pinnedAt: summary ? now : null, updatedAt: now }).where(eq(consultations.id, l.thread.id)).run();
		audit(tx, actor!, summary ? 'consultation.pin' : 'consultation.unpin', l, { type: 'consultation', id: l.thread.id }, { length: summary?.length ?? 0 }, now);
		return ok(null);
	});
}

/**
 * Close the thread with its resolution (決議). For a 重大事項 this is 決議公開, allowed only after the
 * 決議 stage has passed. Everyone who took part (and the proposal's author) is told.
 */
export function closeThread(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<null> {
	const l = guarded(db, actor, threadId, 'consultation.close');
	if ('error' in l) return l.error;
	const parsed = parseInput(closeSchema, input);
	if (!parsed.ok) return parsed;
	if (l.thread.state === 'closed') return err('thread_closed');
	if (l.thread.major) {
		const records = db.select({ stage: stages.stage, passed: stages.passed }).from(stages).where(eq(stages.consultationId, l.thread.id)).all();
		if (nextStage(records) <= 4) return err('stages_unfinished');
	}
	const resolution = parsed.value.resolution;
	return db.transaction((tx) => {
		const changed = tx
			.update(consultations)
			.set({ state: 'closed', resolution, closedAt: now, closedBy: actor!.userId, updatedAt: now })
			.where(and(eq(consultations.id, l.thread.id), eq(consultations.state, 'open')))
			.run();
		if (changed.changes === 0) return err('thread_closed');
		audit(tx, actor!, l.thread.major ? 'consultation.publish_resolution' : 'consultation.close', l, { type: 'consultation', id: l.thread.id }, { resolution: resolution.slice(0, 200) }, now);
		const people = tx.selectDistinct({ id: comments.authorId }).from(comments).where(eq(comments.consultationId, l.thread.id)).all().map((r) => r.id);
		if (l.thread.proposalId) {
			const p = tx.select({ authorId: proposals.authorId }).from(proposals).where(eq(proposals.id, l.thread.proposalId)).get();
			if (p) people.push(p.authorId);
		}
		notify(tx, people.filter((id) => id !== actor!.userId), 'thread_resolved', { topic: l.thread.topic }, threadLink(l.community, l.thread.id), now);
		return ok(null);
	});
}
