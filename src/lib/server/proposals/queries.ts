// Reads for proposal pages: the list with filters and search, one proposal, similar ones, the committee's queue.
import { and, asc, count, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { clientOf, type Db, type DbOrTx } from '../db/client';
import { KeptReads } from '../db/kept-reads';
import { prepared, preparedAs } from '../db/statements';
import { users } from '../auth/schema';
import { proposalCounts, proposalPhotos, proposals, proposalEvents, proposalSeconds, type ProposalState } from './schema';
import { consultations } from '../consultations/schema';
import { menuProjects } from '../menus/schema';
import { daysLeft, isOverdue, queueOrder } from './rules';
import { mostSimilar, searchTerms, type SearchTerms } from './search';
import { NUMBERED_PAGES, type ListQuery } from './validation';
import { encodeKey, keyOf, type Cursor, type ListKey, type PageFrame } from './paging';

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

/**
 * Conditions for a search box: terms of 3+ characters through the trigram index (0005), shorter ones through the
 * index of characters and adjacent pairs (0019). Both give proposal ids. `probe` (a unary +) keeps SQLite from
 * looking the matches up by id: it walks an index of the community in the list's order instead, tests each
 * proposal against the matches, and stops at the page's end.
 */
function searchCondition(terms: SearchTerms, probe: boolean): SQL | undefined {
	const id = probe ? sql`+${proposals.id}` : sql`${proposals.id}`;
	const parts: SQL[] = [];
	if (terms.match) parts.push(sql`${id} in (select rowid from proposals_fts where proposals_fts match ${terms.match})`);
	if (terms.grams) parts.push(sql`${id} in (select rowid from proposals_grams where proposals_grams match ${terms.grams})`);
	return and(...parts);
}

/** Up to this many matches in all communities, a search looks its matches up by id (see listProposals). */
export const FEW_MATCHES = 6_000;

/** Whether a search finds at most FEW_MATCHES proposals in all communities, by the indexes alone (under a ms). */
function fewMatches(db: DbOrTx, terms: SearchTerms): boolean {
	const over = FEW_MATCHES + 1;
	const counts: SQL[] = [];
	if (terms.match) counts.push(sql`(select count(*) from (select rowid from proposals_fts where proposals_fts match ${terms.match} limit ${over}))`);
	if (terms.grams) counts.push(sql`(select count(*) from (select rowid from proposals_grams where proposals_grams match ${terms.grams} limit ${over}))`);
	return (db.get<{ n: number }>(sql`select min(${sql.join(counts, sql`, `)}, ${over}) as n`)?.n ?? 0) <= FEW_MATCHES;
}

/**
 * A search counts its matches up to this many and then says "more than 1,000". Nobody reads 50 pages of results:
 * past that, a resident adds a word (GitHub's search stops at 1,000 results for the same reason). The exact count
 * of a word in every fifth proposal cost 50 ms at 100,000; up to 1,000 it costs a fraction of a ms, whatever the
 * size of the community. It is also what NUMBERED_PAGES reaches by number.
 */
export const COUNT_CAP = NUMBERED_PAGES * PAGE_SIZE;

/**
 * How many proposals a search finds, up to COUNT_CAP (then `capped`). Read from the index's matches in the order
 * it keeps them (CROSS JOIN: the index drives, each match's row found by its id) and stopped at COUNT_CAP + 1, so
 * the matches are never gathered into a list first (that alone cost 3 ms for 20,000 of them).
 */
function countMatches(db: DbOrTx, terms: SearchTerms, filters: SQL | undefined): { total: number; capped: boolean } {
	const [index, expression] = terms.match ? (['proposals_fts', terms.match] as const) : (['proposals_grams', terms.grams!] as const);
	const driver = sql.identifier(index);
	const other = terms.match && terms.grams ? sql`${proposals.id} in (select rowid from proposals_grams where proposals_grams match ${terms.grams})` : undefined;
	const n =
		db.get<{ n: number }>(
			sql`select count(*) as n from (select 1 from ${driver} cross join ${proposals} on ${proposals.id} = ${driver}.rowid
				where ${driver} match ${expression} and ${and(filters, other)} limit ${COUNT_CAP + 1})`
		)?.n ?? 0;
	return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}

const newestFirst = [desc(proposals.createdAt), desc(proposals.id)];
const oldestFirst = [asc(proposals.createdAt), asc(proposals.id)];

/** The deadline's expression: the response deadline of a qualified proposal, else null (last). */
const dueIfQualified = sql`(case when ${proposals.state} = 'qualified' then ${proposals.responseDueAt} end)`;

/** Whether the deadline order sorts by deadline: a filter on one other state makes every deadline null. */
const byDeadline = (state: ListQuery['state']) => state === 'all' || state === 'qualified' || state === 'overdue';

/**
 * Qualified proposals by their response deadline, then the rest, newest first: the very expressions of the index
 * proposals_deadline_idx, so the page is read from it. A filter on one other state makes every deadline null: the
 * same order is then simply newest first (read from proposals_community_state_idx).
 */
function deadlineOrder(state: ListQuery['state']) {
	if (!byDeadline(state)) return newestFirst;
	return [sql`${dueIfQualified} is null`, dueIfQualified, ...newestFirst];
}

function listOrder(query: ListQuery) {
	return query.sort === 'seconds' ? [desc(proposals.secondCount), ...newestFirst] : query.sort === 'deadline' ? deadlineOrder(query.state) : newestFirst;
}

/**
 * A stretch of the list that one index walk reads in order, with the conditions "after this key" and "before it"
 * that SQLite reads as a range of that index (row values such as (created_at, id) < (?, ?)). `reverse` is `order`
 * backwards, for the rows before a key.
 */
type Segment = { where?: SQL; holds: (key: ListKey) => boolean; order: SQL[]; reverse: SQL[]; after: (key: ListKey) => SQL; before: (key: ListKey) => SQL };

const byTime: Segment = {
	holds: () => true,
	order: newestFirst,
	reverse: oldestFirst,
	after: (k) => sql`(${proposals.createdAt}, ${proposals.id}) < (${k.createdAt}, ${k.id})`,
	before: (k) => sql`(${proposals.createdAt}, ${proposals.id}) > (${k.createdAt}, ${k.id})`
};

const seconds = (k: ListKey) => (k.sort === 'seconds' ? k.seconds : 0);
const bySeconds: Segment = {
	holds: () => true,
	order: [desc(proposals.secondCount), ...newestFirst],
	reverse: [asc(proposals.secondCount), ...oldestFirst],
	after: (k) => sql`(${proposals.secondCount}, ${proposals.createdAt}, ${proposals.id}) < (${seconds(k)}, ${k.createdAt}, ${k.id})`,
	before: (k) => sql`(${proposals.secondCount}, ${proposals.createdAt}, ${proposals.id}) > (${seconds(k)}, ${k.createdAt}, ${k.id})`
};

const due = (k: ListKey) => (k.sort === 'deadline' ? k.due : null);
/**
 * The deadline order mixes directions (deadline ascending, then newest first), which no row value compares, so
 * it is read as two stretches of proposals_deadline_idx: qualified proposals by deadline, then the rest by time.
 * Each names the index's leading expression as an equality (written as in the index) so the walk starts at the
 * key; a page that crosses from one to the other reads the next from its start.
 */
const byDeadlineSegments: Segment[] = [
	{
		where: sql`(${dueIfQualified} is null) = 0`,
		holds: (k) => due(k) !== null,
		order: [asc(dueIfQualified), ...newestFirst],
		reverse: [desc(dueIfQualified), ...oldestFirst],
		after: (k) => sql`${dueIfQualified} >= ${due(k)} and (${dueIfQualified} > ${due(k)} or (${proposals.createdAt}, ${proposals.id}) < (${k.createdAt}, ${k.id}))`,
		before: (k) => sql`${dueIfQualified} <= ${due(k)} and (${dueIfQualified} < ${due(k)} or (${proposals.createdAt}, ${proposals.id}) > (${k.createdAt}, ${k.id}))`
	},
	{ ...byTime, where: sql`(${dueIfQualified} is null) = 1 and ${dueIfQualified} is null`, holds: (k) => due(k) === null }
];

function segmentsOf(query: ListQuery): Segment[] {
	return query.sort === 'seconds' ? [bySeconds] : query.sort === 'deadline' && byDeadline(query.state) ? byDeadlineSegments : [byTime];
}

/**
 * A list without a search is one of a few shapes (its sort, whether it filters by state or category): each is
 * built once with placeholders and kept prepared (db/statements.ts), so a page is only bound and run. `values`
 * binds a query of any shape; a placeholder the shape does not use is ignored.
 */
const shapeOf = (query: ListQuery) =>
	`${query.sort}|${query.state === 'all' || query.state === 'overdue' || query.state === 'qualified' ? query.state : 'one'}|${query.category === 'all' ? 'all' : 'one'}`;

const values = (communityId: number, query: ListQuery, now: number) => ({ community: communityId, state: query.state, category: query.category, now });

/** What a list's filters compare with: the values themselves, or placeholders (a kept shape) bound to them later. */
type FilterValues = { [K in keyof ReturnType<typeof values>]: ReturnType<typeof values>[K] | Placeholder };
const PLACEHOLDERS: FilterValues = { community: sql.placeholder('community'), state: sql.placeholder('state'), category: sql.placeholder('category'), now: sql.placeholder('now') };

/**
 * The list's filters (community, state or overdue, category), one definition for the kept shapes and for a search
 * or a cursor. `probe` writes the community as `+community_id` (see listProposals).
 */
function listFilters(query: ListQuery, v: FilterValues, probe = false): SQL[] {
	const filters: SQL[] = [probe ? sql`+${proposals.communityId} = ${v.community}` : sql`${proposals.communityId} = ${v.community}`];
	if (query.state === 'overdue') filters.push(eq(proposals.state, 'qualified'), sql`${proposals.responseDueAt} < ${v.now}`);
	else if (query.state !== 'all') filters.push(sql`${proposals.state} = ${v.state}`);
	if (query.category !== 'all') filters.push(sql`${proposals.category} = ${v.category}`);
	return filters;
}

/**
 * How many proposals the list holds, without a search. Without the clock (overdue), from proposal_counts, which
 * triggers keep in step with every write; otherwise counted.
 */
function countProposals(db: DbOrTx, communityId: number, query: ListQuery, now: number): number {
	const counted = preparedAs(db, `proposals.count|${shapeOf(query)}`, (db) => {
		if (query.state === 'overdue') return db.select({ n: count() }).from(proposals).where(and(...listFilters(query, PLACEHOLDERS))).prepare();
		const where = [eq(proposalCounts.communityId, sql.placeholder('community'))];
		if (query.state !== 'all') where.push(eq(proposalCounts.state, sql.placeholder('state')));
		if (query.category !== 'all') where.push(eq(proposalCounts.category, sql.placeholder('category')));
		return db.select({ n: sql<number>`coalesce(sum(${proposalCounts.n}), 0)` }).from(proposalCounts).where(and(...where)).prepare();
	});
	return counted.get(values(communityId, query, now))?.n ?? 0;
}

/** A numbered page of a list without a search: its ids, and one more when there is another page. */
function numberedPageIds(db: DbOrTx, communityId: number, query: ListQuery, now: number, page: number): number[] {
	const read = preparedAs(db, `proposals.page|${shapeOf(query)}`, (db) =>
		db
			.select({ id: proposals.id })
			.from(proposals)
			.where(and(...listFilters(query, PLACEHOLDERS)))
			.orderBy(...listOrder(query))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare()
	);
	return read.all({ ...values(communityId, query, now), limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }).map((r) => r.id);
}

/** The ids of a stretch of the list, in order. Ids only: the walk stays in the index (a covering read). */
function pageIds(db: DbOrTx, where: SQL | undefined, order: SQL[], limit: number, offset = 0): number[] {
	return db.select({ id: proposals.id }).from(proposals).where(where).orderBy(...order).limit(limit).offset(offset).all().map((r) => r.id);
}

/** The ids after (or before) a cursor, reading on into the next stretch while the page is not full. */
function idsFrom(db: DbOrTx, condition: SQL | undefined, segments: Segment[], cursor: Cursor, limit: number): number[] {
	const at = segments.findIndex((s) => s.holds(cursor.key));
	const step = cursor.dir === 'after' ? 1 : -1;
	const ids: number[] = [];
	for (let i = at; i >= 0 && i < segments.length && ids.length < limit; i += step) {
		const s = segments[i];
		const from = i === at ? (step === 1 ? s.after(cursor.key) : s.before(cursor.key)) : undefined;
		ids.push(...pageIds(db, and(condition, s.where, from), step === 1 ? s.order : s.reverse, limit - ids.length));
	}
	return step === 1 ? ids : ids.reverse();
}

/**
 * The rows of a page, in the order of its ids, each looked up by its id with its author: the ids drive (CROSS
 * JOIN), so SQLite never weighs scanning a small table against twenty lookups.
 */
const pageRows = (db: DbOrTx) =>
	db
		.select(summary)
		.from(sql`json_each(${sql.placeholder('ids')}) as page`)
		.crossJoin(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.where(sql`${proposals.id} = page.value`)
		.prepare();

function rowsOf(db: DbOrTx, ids: number[], now: number): ProposalSummary[] {
	if (!ids.length) return [];
	const rows = prepared(db, pageRows).all({ ids: JSON.stringify(ids) }) as Summary[];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []).map(withOverdue(now));
}

export type ProposalList = PageFrame & {
	items: ProposalSummary[];
	/** Exact, or COUNT_CAP when `capped` (a search that finds more: "more than 1,000"). */
	total: number;
	capped: boolean;
	/** Null when the count is capped: the number of pages is not known. */
	pages: number | null;
};

export function listProposals(db: DbOrTx, communityId: number, query: ListQuery, now: number): ProposalList {
	const terms = searchTerms(query.q);
	// SQLite cannot know how many proposals a search finds. Left alone, it walks the community's index and tests each
	// proposal against the matches: a cost by the proposal, though a page stops early when matches are common.
	// Looking each match up by id costs by the match instead, and sorts them. So the indexes say how many there are
	// (under a ms), and when they are few the unary + keeps SQLite off the community's index, leaving the matches to
	// drive the query; when they are many, the other + keeps the matches from driving (see searchCondition).
	const byId = terms !== null && fewMatches(db, terms);
	const cursor = query.cursor?.key.sort === query.sort ? query.cursor : null;
	// Built for a search or a cursor; a numbered page without a search runs kept queries (numberedPageIds).
	const filters = terms || cursor ? listFilters(query, values(communityId, query, now), byId) : [];
	const condition = and(...filters, terms ? searchCondition(terms, !byId) : undefined);
	const { total, capped } = terms ? countMatches(db, terms, and(...filters)) : { total: countProposals(db, communityId, query, now), capped: false };
	const pages = capped ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
	const keyed = (p: ProposalSummary | undefined) => (p ? encodeKey(keyOf(query.sort, p)) : null);

	if (cursor) {
		// One more than a page: whether there is another page beyond it.
		const ids = idsFrom(db, condition, segmentsOf(query), cursor, PAGE_SIZE + 1);
		const page = Math.max(2, pages === null ? query.page : Math.min(query.page, pages));
		const at = { page, pages: pages === null ? null : Math.max(pages, page), total, capped };
		if (cursor.dir === 'after' && ids.length) {
			const items = rowsOf(db, ids.slice(0, PAGE_SIZE), now);
			return { ...at, items, prev: keyed(items[0]), next: ids.length > PAGE_SIZE ? keyed(items.at(-1)) : null };
		}
		if (cursor.dir === 'before' && ids.length > PAGE_SIZE) {
			const items = rowsOf(db, ids.slice(1), now);
			return { ...at, items, prev: keyed(items[0]), next: keyed(items.at(-1)) };
		}
		// Nothing after the cursor, or the page before it is the first one (it may be short: proposals were added
		// or removed since), or a cursor from beyond either end: the first page.
	}
	const page = cursor ? 1 : Math.min(query.page, NUMBERED_PAGES, pages ?? NUMBERED_PAGES);
	const ids = terms ? pageIds(db, condition, listOrder(query), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE) : numberedPageIds(db, communityId, query, now, page);
	const items = rowsOf(db, ids.slice(0, PAGE_SIZE), now);
	return { items, total, capped, page, pages, prev: page > 1 ? keyed(items[0]) : null, next: ids.length > PAGE_SIZE ? keyed(items.at(-1)) : null };
}

const keptLists = new KeptReads<ProposalList>(500);

/**
 * The list as listProposals reads it, kept while the data are unchanged (db/kept-reads.ts: never stale), each
 * proposal's deadline then told by `now`. The overdue filter is a question of the clock: always read afresh.
 * Outside a transaction only (a page's load).
 */
export function keptProposalList(db: Db, communityId: number, query: ListQuery, now: number): ProposalList {
	if (query.state === 'overdue') return listProposals(db, communityId, query, now);
	const cursor = query.cursor ? `${query.cursor.dir}:${encodeKey(query.cursor.key)}` : '';
	const key = JSON.stringify([communityId, query.q, query.state, query.category, query.sort, query.page, cursor]);
	const list = keptLists.get(clientOf(db), key, () => listProposals(db, communityId, query, now));
	return { ...list, items: list.items.map(withOverdue(now)) };
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
	const photos = db
		.select({ id: proposalPhotos.id })
		.from(proposalPhotos)
		.where(eq(proposalPhotos.proposalId, p.id))
		.orderBy(asc(proposalPhotos.position))
		.all()
		.map((ph) => ({ id: ph.id, url: `/media/proposals/${ph.id}` }));
	return {
		proposal: { ...p, authorName: row.authorName, responderName: row.responderName },
		photos,
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

/** A proposal's photo, for the media route (proposals are public, and so are their photos). */
export function proposalPhotoById(db: DbOrTx, id: number) {
	return db.select({ fileName: proposalPhotos.fileName, contentType: proposalPhotos.contentType }).from(proposalPhotos).where(eq(proposalPhotos.id, id)).get();
}
