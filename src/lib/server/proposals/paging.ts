// Where a page of the proposal list starts, as a cursor: the sort key of the proposal next to it and that
// proposal's id. Page 2,000 is then read from an index like page 2 (`key < cursor … limit 21`) instead of
// skipping 39,980 rows (OFFSET). Pure: no database; queries.ts turns a cursor into SQL.

/** The list's orders (validation.ts offers them to the query string). */
export const LIST_SORTS = ['newest', 'seconds', 'deadline'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/**
 * A proposal's place in an order: the values its ORDER BY compares, ending with its id (so no two are equal).
 * `due` is the deadline order's own expression: the response deadline of a qualified proposal, else null (last).
 */
export type ListKey =
	| { sort: 'newest'; createdAt: number; id: number }
	| { sort: 'seconds'; seconds: number; createdAt: number; id: number }
	| { sort: 'deadline'; due: number | null; createdAt: number; id: number };

/** The page after a proposal (the next one), or the page before it (the previous one). */
export type Cursor = { dir: 'after' | 'before'; key: ListKey };

/** What a list row says of its place in every order. */
export type Placed = { id: number; createdAt: number; secondCount: number; state: string; responseDueAt: number | null };

export function keyOf(sort: ListSort, p: Placed): ListKey {
	if (sort === 'seconds') return { sort, seconds: p.secondCount, createdAt: p.createdAt, id: p.id };
	if (sort === 'deadline') return { sort, due: p.state === 'qualified' ? p.responseDueAt : null, createdAt: p.createdAt, id: p.id };
	return { sort, createdAt: p.createdAt, id: p.id };
}

/** A cursor as the URL carries it: the key's numbers joined by dots, '-' for no deadline (1717171717000.42). */
export function encodeKey(key: ListKey): string {
	const head = key.sort === 'seconds' ? [String(key.seconds)] : key.sort === 'deadline' ? [key.due === null ? '-' : String(key.due)] : [];
	return [...head, String(key.createdAt), String(key.id)].join('.');
}

const NUMBER = /^(0|[1-9]\d{0,14})$/;
const whole = (part: string) => (NUMBER.test(part) ? Number(part) : null);

/**
 * The key a URL's cursor names in this order, or null when it names none: the wrong number of parts for the
 * order, anything but canonical whole numbers, an id of 0. Such a cursor (forged, or from another order) gives
 * the first page; it never reaches SQL as anything but numbers.
 */
export function decodeKey(sort: ListSort, text: string): ListKey | null {
	const parts = text.split('.');
	if (parts.length !== (sort === 'newest' ? 2 : 3)) return null;
	const createdAt = whole(parts[parts.length - 2]);
	const id = whole(parts[parts.length - 1]);
	if (createdAt === null || id === null || id === 0) return null;
	if (sort === 'newest') return { sort, createdAt, id };
	if (sort === 'seconds') {
		const seconds = whole(parts[0]);
		return seconds === null ? null : { sort, seconds, createdAt, id };
	}
	const due = parts[0] === '-' ? null : whole(parts[0]);
	return due === null && parts[0] !== '-' ? null : { sort, due, createdAt, id };
}

/** The cursor of a query string: `after` wins over `before`; one that names no key is no cursor. */
export function readCursor(sort: ListSort, after: string | undefined, before: string | undefined): Cursor | null {
	for (const [dir, text] of [['after', after], ['before', before]] as const) {
		if (text === undefined) continue;
		const key = decodeKey(sort, text);
		if (key) return { dir, key };
	}
	return null;
}

/** What a page of the list says about its neighbours (from listProposals). */
export type PageFrame = {
	page: number;
	/** The cursor of the next page (the last proposal shown), or null on the last page. */
	next: string | null;
	/** The cursor of the previous page (the first proposal shown), or null on the first page. */
	prev: string | null;
};

export type PageLinks = { first: string | null; prev: string | null; next: string | null };

/**
 * The pager's links, as URLs that keep the search, filters and order and replace the position. Plain
 * links, so they work without JavaScript. Next and previous carry a cursor and the page number to show beside it;
 * the previous page of page 2 is the first page itself (a clean URL), and from page 3 on a link to it is offered.
 */
export function pageLinks(url: URL, frame: PageFrame): PageLinks {
	const base = new URLSearchParams(url.searchParams);
	for (const name of ['page', 'after', 'before']) base.delete(name);
	const to = (extra: Record<string, string>) => {
		const q = new URLSearchParams(base);
		for (const [k, v] of Object.entries(extra)) q.set(k, v);
		const s = q.toString();
		return s ? `${url.pathname}?${s}` : url.pathname;
	};
	const first = to({});
	return {
		first: frame.prev !== null && frame.page > 2 ? first : null,
		prev: frame.prev === null ? null : frame.page <= 2 ? first : to({ before: frame.prev, page: String(frame.page - 1) }),
		next: frame.next === null ? null : to({ after: frame.next, page: String(frame.page + 1) })
	};
}
