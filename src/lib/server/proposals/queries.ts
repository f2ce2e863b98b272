// Reads for proposal pages: the list with filters and search, one proposal, similar ones, the committee's queue.
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { proposalCounts, proposals, proposalEvents, proposalSeconds, type ProposalState } from './schema';
import { consultations } from '../consultations/schema';
import { menuProjects } from '../menus/schema';
import { daysLeft, isOverdue, queueOrder } from './rules';
import { mostSimilar, searchTerms } from './search';
import type { ListQuery } from './validation';

/** Proposals the committee marked "for a project menu": the menus domain offers them as candidate projects. */
export function proposalsMarkedForMenu(db: DbOrTx, communityId: number): { id: number; title: string }[] {
	return db
		.select({ id: proposals.id, title: proposals.title })
		.from(proposals)
		.where(and(eq(proposals.communityId, communityId), eq(proposals.state, 'menu')))
		.orderBy(desc(proposals.respondedAt), desc(proposals.id))
		.all();
}

export const PAGE_SIZE = 20;

const summary = {
	id: proposals.id,
	title: proposals.title,
	category: proposals.category,
	location: proposals.location,
	state: proposals.state,
	secondCount: proposals.secondCount,
	responseDueAt: proposals.responseDueAt,
	respondedAt: proposals.respondedAt,
	createdAt: proposals.createdAt,
	authorName: users.displayName
};

type Summary = {
	id: number;
	title: string;
	category: string;
	location: string | null;
	state: ProposalState;
	secondCount: number;
	responseDueAt: number | null;
	respondedAt: number | null;
	createdAt: number;
	authorName: string;
};
/** With what the server's clock says of its deadline (the browser's clock may be wrong). */
export type ProposalSummary = Summary & { overdue: boolean; daysLeft: number | null };

const withOverdue = (now: number) => (p: Summary): ProposalSummary => ({ ...p, overdue: isOverdue(p, now), daysLeft: daysLeft(p, now) });

/** Conditions for a search box: FTS5 trigram for terms of 3+ characters, LIKE for shorter ones. */
function searchCondition(q: string): SQL | undefined {
	const terms = searchTerms(q);
	if (!terms) return undefined;
	const parts: SQL[] = [];
	if (terms.match) parts.push(sql`${proposals.id} in (select rowid from proposals_fts where proposals_fts match ${terms.match})`);
	for (const pattern of terms.like) {
		parts.push(sql`(${proposals.title} like ${pattern} escape '\\' or ${proposals.body} like ${pattern} escape '\\')`);
	}
	return and(...parts);
}

const newestFirst = [desc(proposals.createdAt), desc(proposals.id)];

/** The deadline's expression: the response deadline of a qualified proposal, else null (last). */
const dueIfQualified = sql`(case when ${proposals.state} = 'qualified' then ${proposals.responseDueAt} end)`;

/**
 * Qualified proposals by their response deadline, then the rest, newest first: the very expressions of the index
 * proposals_deadline_idx, so the page is read from it. A filter on one other state makes every deadline null: the
 * same order is then simply newest first (read from proposals_community_state_idx).
 */
function deadlineOrder(state: ListQuery['state']) {
	if (state !== 'all' && state !== 'qualified' && state !== 'overdue') return newestFirst;
	return [sql`${dueIfQualified} is null`, dueIfQualified, ...newestFirst];
}

/**
 * How many proposals the list holds. Without a search or the clock (overdue), from proposal_counts, which triggers
 * keep in step with every write; otherwise counted.
 */
function countProposals(db: DbOrTx, communityId: number, query: ListQuery, searching: boolean, condition: SQL | undefined): number {
	if (!searching && query.state !== 'overdue') {
		const where = [eq(proposalCounts.communityId, communityId)];
		if (query.state !== 'all') where.push(eq(proposalCounts.state, query.state));
		if (query.category !== 'all') where.push(eq(proposalCounts.category, query.category));
		return db.select({ n: sql<number>`coalesce(sum(${proposalCounts.n}), 0)` }).from(proposalCounts).where(and(...where)).get()?.n ?? 0;
	}
	return db.select({ n: count() }).from(proposals).where(condition).get()?.n ?? 0;
}

export function listProposals(db: DbOrTx, communityId: number, query: ListQuery, now: number) {
	const where: (SQL | undefined)[] = [eq(proposals.communityId, communityId)];
	if (query.state === 'overdue') where.push(eq(proposals.state, 'qualified'), lt(proposals.responseDueAt, now));
	else if (query.state !== 'all') where.push(eq(proposals.state, query.state));
	if (query.category !== 'all') where.push(eq(proposals.category, query.category));
	const search = searchCondition(query.q);
	where.push(search);
	const condition = and(...where);
	const total = countProposals(db, communityId, query, search !== undefined, condition);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(query.page, pages);
	const order =
		query.sort === 'seconds' ? [desc(proposals.secondCount), ...newestFirst] : query.sort === 'deadline' ? deadlineOrder(query.state) : newestFirst;
	const items = db
		.select(summary)
		.from(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.where(condition)
		.orderBy(...order)
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.all()
		.map(withOverdue(now));
	return { items, total, page, pages };
}

/** The newest few, for the community's home page. */
export function latestProposals(db: DbOrTx, communityId: number, now: number, limit = 3): ProposalSummary[] {
	return db
		.select(summary)
		.from(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.where(and(eq(proposals.communityId, communityId), inArray(proposals.state, ['open', 'qualified', 'consultation', 'menu'])))
		.orderBy(desc(proposals.createdAt), desc(proposals.id))
		.limit(limit)
		.all()
		.map(withOverdue(now));
}

/** Proposals still being dealt with: a new one like them should join them (second, comment) instead. */
const LIVE: ProposalState[] = ['open', 'qualified', 'consultation', 'menu'];

/** Live proposals like the one being written, so residents can second or join in instead of duplicating. */
export function similarLiveProposals(db: DbOrTx, communityId: number, title: string, excludeId?: number) {
	const candidates = db
		.select({ id: proposals.id, title: proposals.title, body: proposals.body, secondCount: proposals.secondCount, state: proposals.state })
		.from(proposals)
		.where(and(eq(proposals.communityId, communityId), inArray(proposals.state, LIVE)))
		.orderBy(desc(proposals.updatedAt))
		.limit(500)
		.all()
		.filter((c) => c.id !== excludeId);
	return mostSimilar(title, candidates).map(({ id, title, secondCount, state }) => ({ id, title, secondCount, state }));
}

/** One proposal with everything its page shows, or undefined. */
export function proposalDetail(db: DbOrTx, communityId: number, id: number, viewerId: number | null) {
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	const responder = alias(users, 'responder');
	const row = db
		.select({ p: proposals, authorName: users.displayName, responderName: responder.displayName })
		.from(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.leftJoin(responder, eq(responder.id, proposals.respondedBy))
		.where(and(eq(proposals.id, id), eq(proposals.communityId, communityId)))
		.get();
	if (!row) return undefined;
	const p = row.p;
	const related = db
		.select({ id: proposals.id, title: proposals.title, state: proposals.state, mergedIntoId: proposals.mergedIntoId })
		.from(proposals)
		.where(p.mergedIntoId ? sql`${proposals.mergedIntoId} = ${p.id} or ${proposals.id} = ${p.mergedIntoId}` : eq(proposals.mergedIntoId, p.id))
		.all();
	const events = db
		.select({ id: proposalEvents.id, kind: proposalEvents.kind, otherId: proposalEvents.otherId, createdAt: proposalEvents.createdAt, actorName: users.displayName })
		.from(proposalEvents)
		.leftJoin(users, eq(users.id, proposalEvents.actorId))
		.where(eq(proposalEvents.proposalId, p.id))
		.orderBy(asc(proposalEvents.createdAt), asc(proposalEvents.id))
		.all();
	const consultation = p.consultationId
		? (db
				.select({ id: consultations.id, topic: consultations.topic, state: consultations.state, resolution: consultations.resolution, closedAt: consultations.closedAt, major: consultations.major })
				.from(consultations)
				.where(eq(consultations.id, p.consultationId))
				.get() ?? null)
		: null;
	const menus = db.selectDistinct({ menuId: menuProjects.menuId }).from(menuProjects).where(eq(menuProjects.proposalId, p.id)).all();
	const seconded = viewerId
		? !!db.select({ one: sql`1` }).from(proposalSeconds).where(and(eq(proposalSeconds.proposalId, p.id), eq(proposalSeconds.userId, viewerId))).get()
		: false;
	return {
		proposal: { ...p, authorName: row.authorName, responderName: row.responderName },
		mergedInto: related.find((r) => r.id === p.mergedIntoId) ?? null,
		mergedFrom: related.filter((r) => r.mergedIntoId === p.id),
		events,
		consultation,
		menuIds: menus.map((m) => m.menuId),
		seconded
	};
}

/** The committee's queue: qualified proposals awaiting an answer, overdue first; then open ones. */
export function responseQueue(db: DbOrTx, communityId: number, now: number) {
	const rows = db
		.select(summary)
		.from(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.where(and(eq(proposals.communityId, communityId), eq(proposals.state, 'qualified')))
		.all()
		.map(withOverdue(now));
	const openCount = db.select({ n: count() }).from(proposals).where(and(eq(proposals.communityId, communityId), eq(proposals.state, 'open'))).get()?.n ?? 0;
	return { queue: queueOrder(rows, now), openCount };
}

/** Proposals another may be merged into (alive), newest first, bounded. */
export function mergeTargets(db: DbOrTx, communityId: number, limit = 100) {
	return db
		.select({ id: proposals.id, title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, 300)` })
		.from(proposals)
		.where(and(eq(proposals.communityId, communityId), inArray(proposals.state, ['open', 'qualified', 'consultation', 'menu'])))
		.orderBy(desc(proposals.createdAt))
		.limit(limit)
		.all();
}

/** Merge targets for one proposal: the most similar first, then the rest. */
export function mergeOptionsFor(title: string, id: number, targets: { id: number; title: string; body: string }[]) {
	const others = targets.filter((t) => t.id !== id);
	const similar = mostSimilar(title, others, 5);
	const similarIds = new Set(similar.map((s) => s.id));
	return {
		similar: similar.map(({ id, title }) => ({ id, title })),
		rest: others.filter((t) => !similarIds.has(t.id)).map(({ id, title }) => ({ id, title }))
	};
}
