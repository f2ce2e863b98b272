// Reads for consultation pages: a thread with its comments, stance summary and 四議 records; lists.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { consultations, comments, commentReports, stages, type CommentStatus, type Stance } from './schema';
import { proposals } from '../proposals/schema';
import { nextStage, stanceSummary } from './rules';

export type ThreadComment = {
	id: number;
	authorId: number;
	authorName: string;
	stance: Stance | null;
	/** Written by the committee or street staff as such. */
	official: boolean;
	/** Null when the reader may not see a hidden comment's text. */
	body: string | null;
	status: CommentStatus;
	hiddenReason: string | null;
	createdAt: number;
	reportedByMe: boolean;
	mine: boolean;
	openReports: number;
};
export type TopComment = ThreadComment & { replies: ThreadComment[] };

/** A thread as its page shows it to this reader (moderators and authors see hidden text). */
export function threadDetail(db: DbOrTx, communityId: number, id: number, viewer: { userId: number; moderator: boolean } | null) {
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	const closer = alias(users, 'closer');
	const row = db
		.select({ t: consultations, creatorName: users.displayName, closerName: closer.displayName, proposalTitle: proposals.title })
		.from(consultations)
		.innerJoin(users, eq(users.id, consultations.createdBy))
		.leftJoin(closer, eq(closer.id, consultations.closedBy))
		.leftJoin(proposals, eq(proposals.id, consultations.proposalId))
		.where(and(eq(consultations.id, id), eq(consultations.communityId, communityId)))
		.get();
	if (!row) return undefined;
	const all = db
		.select({
			id: comments.id,
			authorId: comments.authorId,
			authorName: users.displayName,
			parentId: comments.parentId,
			stance: comments.stance,
			official: comments.official,
			body: comments.body,
			status: comments.status,
			hiddenReason: comments.hiddenReason,
			openReports: comments.openReports,
			createdAt: comments.createdAt
		})
		.from(comments)
		.innerJoin(users, eq(users.id, comments.authorId))
		.where(eq(comments.consultationId, id))
		.orderBy(asc(comments.createdAt), asc(comments.id))
		.all();
	const reported = viewer
		? new Set(
				db
					.select({ id: commentReports.commentId })
					.from(commentReports)
					.innerJoin(comments, eq(comments.id, commentReports.commentId))
					.where(and(eq(comments.consultationId, id), eq(commentReports.reporterId, viewer.userId)))
					.all()
					.map((r) => r.id)
			)
		: new Set<number>();
	const shape = (c: (typeof all)[number]): ThreadComment => {
		const mine = viewer?.userId === c.authorId;
		const readable = c.status === 'visible' || mine || !!viewer?.moderator;
		return {
			id: c.id,
			authorId: c.authorId,
			authorName: c.authorName,
			stance: c.stance,
			official: c.official,
			body: readable ? c.body : null,
			status: c.status,
			hiddenReason: c.hiddenReason,
			createdAt: c.createdAt,
			reportedByMe: reported.has(c.id),
			mine,
			openReports: viewer?.moderator ? c.openReports : 0
		};
	};
	const top: TopComment[] = all.filter((c) => c.parentId === null).map((c) => ({ ...shape(c), replies: [] }));
	const byId = new Map(top.map((c) => [c.id, c]));
	for (const c of all) if (c.parentId !== null) byId.get(c.parentId)?.replies.push(shape(c));
	const records = db
		.select({
			id: stages.id,
			stage: stages.stage,
			heldAt: stages.heldAt,
			body: stages.body,
			outcome: stages.outcome,
			entitled: stages.entitled,
			attended: stages.attended,
			votesFor: stages.votesFor,
			votesAgainst: stages.votesAgainst,
			votesAbstain: stages.votesAbstain,
			passed: stages.passed,
			recorderName: users.displayName
		})
		.from(stages)
		.innerJoin(users, eq(users.id, stages.recordedBy))
		.where(eq(stages.consultationId, id))
		.orderBy(asc(stages.stage), asc(stages.heldAt), asc(stages.id))
		.all();
	return {
		thread: { ...row.t, creatorName: row.creatorName, closerName: row.closerName, proposalTitle: row.proposalTitle },
		comments: top,
		commentCount: all.length,
		stances: stanceSummary(all),
		stages: records,
		nextStage: nextStage(records)
	};
}

const threadSummary = {
	id: consultations.id,
	topic: consultations.topic,
	state: consultations.state,
	major: consultations.major,
	lockedAt: consultations.lockedAt,
	closesAt: consultations.closesAt,
	closedAt: consultations.closedAt,
	createdAt: consultations.createdAt,
	updatedAt: consultations.updatedAt,
	proposalId: consultations.proposalId,
	// Written out in full: inside the subquery an unqualified "id" would mean the comment's own id.
	comments: sql<number>`(select count(*) from consultation_comments cc where cc.consultation_id = "consultations"."id")`.mapWith(Number),
	awaitingReview: sql<number>`(select count(*) from consultation_comments cc where cc.consultation_id = "consultations"."id" and cc.status = 'hidden_reports')`.mapWith(Number)
};

/** Threads of a community, open ones first, newest activity first. */
export function listThreads(db: DbOrTx, communityId: number, limit = 100) {
	return db
		.select(threadSummary)
		.from(consultations)
		.where(eq(consultations.communityId, communityId))
		.orderBy(sql`${consultations.state} = 'closed'`, desc(consultations.updatedAt), desc(consultations.id))
		.limit(limit)
		.all();
}

/** For the committee desk: open threads, with comments hidden by reports awaiting review. */
export function threadsToModerate(db: DbOrTx, communityId: number) {
	return db
		.select(threadSummary)
		.from(consultations)
		.where(and(eq(consultations.communityId, communityId), eq(consultations.state, 'open')))
		.orderBy(desc(consultations.updatedAt))
		.limit(50)
		.all();
}

export function awaitingReviewCount(db: DbOrTx, communityId: number): number {
	return (
		db
			.select({ n: count() })
			.from(comments)
			.innerJoin(consultations, eq(consultations.id, comments.consultationId))
			.where(and(eq(consultations.communityId, communityId), eq(comments.status, 'hidden_reports')))
			.get()?.n ?? 0
	);
}
