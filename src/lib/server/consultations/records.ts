// A consultation thread as commands load it (with its community), and what several commands share.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { communities } from '../org/schema';
import { communitySubject, type CommunityRecord } from '../org/records';
import { comments, consultations, stages } from './schema';

export type Thread = typeof consultations.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ThreadRecord = { thread: Thread; community: CommunityRecord };

/** The thread `id` of community `communityId`; a thread of another community is not found. */
export function loadThread(db: DbOrTx, target: { communityId: number; id: number }): ThreadRecord | undefined {
	if (!Number.isSafeInteger(target.id) || target.id <= 0) return undefined;
	return db
		.select({ thread: consultations, community: communities })
		.from(consultations)
		.innerJoin(communities, eq(communities.id, consultations.communityId))
		.where(and(eq(consultations.id, target.id), eq(consultations.communityId, target.communityId)))
		.get();
}

/** A thread belongs to its whole community: no grid, no owner the policy would hold anyone to. */
export const threadSubject = ({ community }: ThreadRecord): Subject => communitySubject(community);

export const threadLink = (c: { slug: string }, id: number) => `/c/${c.slug}/consultations/${id}`;
export const commentLink = (c: { slug: string }, threadId: number, commentId: number) => `${threadLink(c, threadId)}#comment-${commentId}`;

/** A comment of this thread (a comment id from another thread is not found). */
export function commentOf(db: DbOrTx, threadId: number, commentId: number): Comment | undefined {
	return db
		.select()
		.from(comments)
		.where(and(eq(comments.id, commentId), eq(comments.consultationId, threadId)))
		.get();
}

/** The 四議 meetings recorded for a thread, in order. */
export function stagesOf(db: DbOrTx, threadId: number) {
	return db.select().from(stages).where(eq(stages.consultationId, threadId)).orderBy(asc(stages.stage), asc(stages.heldAt)).all();
}

/** Everyone who commented in the thread: told when it is resolved and when its implementation is public. */
export function participants(db: DbOrTx, threadId: number): number[] {
	return db
		.selectDistinct({ id: comments.authorId })
		.from(comments)
		.where(eq(comments.consultationId, threadId))
		.all()
		.map((r) => r.id);
}
