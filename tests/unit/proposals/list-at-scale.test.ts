// The list stays fast with 100,000 proposals: counts kept by triggers instead of counted, every order read from an
// index. Each test compares the fast path with the plain one it replaced, so a trigger or an index that drifts fails.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { FEW_MATCHES, listProposals, PAGE_SIZE } from '../../../src/lib/server/proposals/queries';
import { CATEGORIES, PROPOSAL_STATES } from '../../../src/lib/server/proposals/schema';
import { LIST_FILTERS, LIST_SORTS, listQuerySchema, NUMBERED_PAGES } from '../../../src/lib/server/proposals/validation';
import { walkList } from './helpers';
import { DAY } from '../../../src/lib/server/db/time';
import { clientOf, forgetStatements } from '../../../src/lib/server/db/client';

type Row = { community_id: number; state: string; category: string; n: number };

/** `n` proposals in every state and category of both demo communities, written straight into the table. */
function fill(w: World, n: number) {
	const author = w.ids.user.resident1;
	const communities = [w.ids.community.jinwei, w.ids.community.fenghuangshan];
	for (let i = 0; i < n; i++) {
		const state = PROPOSAL_STATES[i % PROPOSAL_STATES.length];
		const qualified = state === 'open' || state === 'withdrawn' ? null : w.now - 20 * DAY;
		// Deadlines repeat so that ties fall to the newest-first tie-breaks.
		const due = qualified && w.now + ((i % 7) - 3) * DAY;
		w.db.run(sql`insert into proposals (community_id, author_id, title, body, category, state, second_count, qualified_at, response_due_at, responded_at, created_at, updated_at)
			values (${communities[i % 2]}, ${author}, ${`議題 ${i}`}, ${'內容'.repeat(10)}, ${CATEGORIES[(i * 5) % CATEGORIES.length]}, ${state}, ${i % 4},
			${qualified}, ${due}, ${state === 'qualified' || !qualified ? null : w.now - DAY}, ${w.now - (i % 50) * DAY}, ${w.now})`);
	}
}

const counted = (w: World) =>
	w.db.all<Row>(sql`select community_id, state, category, count(*) as n from proposals group by 1, 2, 3 order by 1, 2, 3`);
const kept = (w: World) => w.db.all<Row>(sql`select community_id, state, category, n from proposal_counts where n > 0 order by 1, 2, 3`);

describe('proposal_counts', () => {
	it('follows inserts, every kind of update and deletes, whichever path writes', () => {
		const w = demoWorld();
		fill(w, 300);
		expect(kept(w)).toEqual(counted(w));
		w.db.run(sql`update proposals set state = 'closed', responded_at = coalesce(responded_at, ${w.now}) where id % 3 = 0`);
		w.db.run(sql`update proposals set category = 'other' where id % 5 = 0`);
		w.db.run(sql`update proposals set community_id = ${w.ids.community.fenghuangshan} where id % 7 = 0`);
		w.db.run(sql`update proposals set title = title || '（改）', second_count = second_count + 1 where id % 2 = 0`);
		expect(kept(w)).toEqual(counted(w));
		w.db.run(sql`delete from proposals where id % 4 = 1 and title like '議題 %'`);
		expect(kept(w)).toEqual(counted(w));
	});

	it('gives the list the same totals as counting, for every filter', () => {
		const w = demoWorld();
		fill(w, 200);
		for (const state of LIST_FILTERS) {
			for (const category of ['all', ...CATEGORIES]) {
				const query = listQuerySchema.parse({ state, category });
				const { total } = listProposals(w.db, w.ids.community.jinwei, query, w.now);
				const stateSql = state === 'all' ? sql`1` : state === 'overdue' ? sql`state = 'qualified' and response_due_at < ${w.now}` : sql`state = ${state}`;
				const categorySql = category === 'all' ? sql`1` : sql`category = ${category}`;
				const n = w.db.get<{ n: number }>(sql`select count(*) as n from proposals where community_id = ${w.ids.community.jinwei} and ${stateSql} and ${categorySql}`)!.n;
				expect(total, `${state} / ${category}`).toBe(n);
			}
		}
	});
});

describe('the deadline order', () => {
	it('is qualified proposals by deadline, then the rest newest first, for every filter and page', () => {
		const w = demoWorld();
		fill(w, 130);
		for (const state of LIST_FILTERS) {
			const reference = w.db
				.all<{ id: number }>(
					sql`select id from proposals where community_id = ${w.ids.community.jinwei}
					and ${state === 'all' ? sql`1` : state === 'overdue' ? sql`state = 'qualified' and response_due_at < ${w.now}` : sql`state = ${state}`}
					order by case when state = 'qualified' then response_due_at end is null, case when state = 'qualified' then response_due_at end, created_at desc, id desc`
				)
				.map((r) => r.id);
			const pages = Math.max(1, Math.ceil(reference.length / PAGE_SIZE));
			const listed = Array.from({ length: pages }, (_, i) =>
				listProposals(w.db, w.ids.community.jinwei, listQuerySchema.parse({ state, sort: 'deadline', page: i + 1 }), w.now).items.map((p) => p.id)
			).flat();
			expect(listed, state).toEqual(reference);
		}
	});
});

/** The list's order, written out plainly, for a state filter and a sort. */
function referenceOrder(w: World, state: string, sort: string): number[] {
	const order =
		sort === 'seconds'
			? sql`second_count desc, created_at desc, id desc`
			: sort === 'deadline' && ['all', 'qualified', 'overdue'].includes(state)
				? sql`case when state = 'qualified' then response_due_at end is null, case when state = 'qualified' then response_due_at end, created_at desc, id desc`
				: sql`created_at desc, id desc`;
	return w.db
		.all<{ id: number }>(
			sql`select id from proposals where community_id = ${w.ids.community.jinwei}
			and ${state === 'all' ? sql`1` : state === 'overdue' ? sql`state = 'qualified' and response_due_at < ${w.now}` : sql`state = ${state}`}
			order by ${order}`
		)
		.map((r) => r.id);
}

describe('paging by cursor', () => {
	it('walks every order to its end with next and back with previous, page for page, ties broken by id', () => {
		const w = demoWorld();
		// 300 in 金緯: about 35 qualified, so the deadline order's two stretches meet inside the second page; creation
		// times repeat every 50 and deadlines every 7, so ties fall to the id.
		fill(w, 600);
		for (const sort of LIST_SORTS) {
			for (const state of ['all', 'open', 'qualified', 'overdue']) {
				const walk = walkList(w.db, w.ids.community.jinwei, { sort, state }, w.now);
				const reference = referenceOrder(w, state, sort);
				expect(walk.forward.flat(), `${sort} / ${state}`).toEqual(reference);
				expect(walk.backward, `${sort} / ${state}: back`).toEqual(walk.forward);
				expect(walk.labels).toEqual(walk.forward.map((_, i) => i + 1));
				expect(walk.backLabels).toEqual(walk.labels);
				// Every page is full but the last, and the count agrees with the walk.
				expect(walk.forward.slice(0, -1).every((ids) => ids.length === PAGE_SIZE)).toBe(true);
				expect(walk.pages[0]).toMatchObject({ total: reference.length, pages: walk.pages.length, capped: false });
			}
		}
	});

	it('reads a cursor as a position, so a page survives the proposal it names being deleted, and a cursor past the end gives the first page', () => {
		const w = demoWorld();
		fill(w, 200);
		const c = w.ids.community.jinwei;
		const list = (params: Record<string, string>) => listProposals(w.db, c, listQuerySchema.parse(params), w.now);
		const reference = referenceOrder(w, 'all', 'newest');
		const first = list({});
		w.db.run(sql`delete from proposals where id = ${reference[PAGE_SIZE - 1]}`);
		expect(list({ after: first.next!, page: '2' }).items.map((i) => i.id)).toEqual(reference.slice(PAGE_SIZE, 2 * PAGE_SIZE));
		// After the very last proposal, or before the first: nothing there, so the first page (not an empty one).
		const last = reference.at(-1)!;
		const oldest = w.db.get<{ created_at: number }>(sql`select created_at from proposals where id = ${last}`)!.created_at;
		for (const params of [{ after: `${oldest}.${last}` }, { before: `${w.now + 1}.1` }, { after: '0.1' }] as Record<string, string>[]) {
			expect(list({ ...params, page: '7' }), JSON.stringify(params)).toMatchObject({ page: 1, prev: null, items: list({}).items });
		}
	});

	it('takes a forged cursor or page for the first page, never an error', () => {
		const w = demoWorld();
		fill(w, 60);
		const c = w.ids.community.jinwei;
		const first = listProposals(w.db, c, listQuerySchema.parse({}), w.now);
		const forged = ['', '.', '1', '1.2.3.4', 'a.b', '1e3.4', '-1.5', '1.0', '0x10.5', '99999999999999999999.1', '1.2; drop table proposals', '-.5', 'null.null'];
		for (const after of forged) {
			for (const sort of LIST_SORTS) {
				const got = listProposals(w.db, c, listQuerySchema.parse({ after, before: after, sort, page: '3' }), w.now);
				expect(got.page, `${sort} ${after}`).toBe(1);
			}
		}
		expect(listProposals(w.db, c, listQuerySchema.parse({ page: 'x', after: ['1', '2'] }), w.now).items).toEqual(first.items);
	});

	it('reaches numbered pages up to NUMBERED_PAGES by number; a larger number without a cursor stops there', () => {
		const w = demoWorld();
		fill(w, 2 * (NUMBERED_PAGES + 3) * PAGE_SIZE);
		const c = w.ids.community.jinwei;
		const reference = referenceOrder(w, 'all', 'newest');
		const at = (page: number) => listProposals(w.db, c, listQuerySchema.parse({ page }), w.now);
		expect(at(NUMBERED_PAGES).items.map((i) => i.id)).toEqual(reference.slice((NUMBERED_PAGES - 1) * PAGE_SIZE, NUMBERED_PAGES * PAGE_SIZE));
		expect(at(NUMBERED_PAGES + 2)).toMatchObject({ page: NUMBERED_PAGES, items: at(NUMBERED_PAGES).items });
		// From there, "next" goes on by cursor.
		const next = listProposals(w.db, c, listQuerySchema.parse({ after: at(NUMBERED_PAGES).next!, page: String(NUMBERED_PAGES + 1) }), w.now);
		expect(next.page).toBe(NUMBERED_PAGES + 1);
		expect(next.items.map((i) => i.id)).toEqual(reference.slice(NUMBERED_PAGES * PAGE_SIZE, (NUMBERED_PAGES + 1) * PAGE_SIZE));
	});
});

describe('query plans of the list', () => {
	type Plan = { source: string; steps: string[] };

	/** The statements one listProposals runs, each with SQLite's plan for it (asked with the very arguments it ran with). */
	function plans(w: World, params: Record<string, string>): Plan[] {
		const seen: Plan[] = [];
		const sqlite = clientOf(w.db);
		// Statements the connection kept from an earlier call would not be compiled, nor seen, again.
		forgetStatements(w.db);
		const prepare = sqlite.prepare.bind(sqlite);
		sqlite.prepare = ((source: string) => {
			const statement = prepare(source);
			for (const method of ['all', 'get'] as const) {
				const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
				(statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
					seen.push({ source, steps: (prepare(`explain query plan ${source}`).all(...args) as { detail: string }[]).map((r) => r.detail) });
					return run(...args);
				};
			}
			return statement;
		}) as typeof sqlite.prepare;
		try {
			listProposals(w.db, w.ids.community.jinwei, listQuerySchema.parse(params), w.now);
		} finally {
			sqlite.prepare = prepare;
		}
		return seen;
	}

	// What is asserted, and why. Where an index should serve, a plan must not
	//  - SCAN proposals: read every proposal of every community (the cost grows with the city, not the page);
	//  - USE TEMP B-TREE FOR ORDER BY: gather all the rows that qualify and sort them, so LIMIT cannot stop at the
	//    page's end (what made a common search cost 50 ms: 20,000 matches sorted for 20).
	// A page after or before a cursor must also start its walk at the cursor: a range (< or >) on the index beside
	// community_id=?, not a walk from the top that skips rows one by one (the cost of OFFSET again, in disguise).
	// A rare search may sort: its matches are looked up by id (at most FEW_MATCHES of them, under a ms).
	const SCAN = /^SCAN proposals( |$)/;
	const SORT = 'USE TEMP B-TREE FOR ORDER BY';
	const FROM_CURSOR = /^SEARCH proposals USING (COVERING )?INDEX \w+ \(community_id=\? AND .*[<>]\(?\?/;
	const steps = (seen: Plan[]) => seen.flatMap((p) => p.steps);
	/** The statement that reads the page's ids in order (the one with an ORDER BY). */
	const pageIds = (seen: Plan[]) => seen.filter((p) => /order by/i.test(p.source));

	/** 600 proposals (300 in 金緯, some 35 qualified: more than a page) and 6,001 more in 金緯 that say 電梯. */
	function world() {
		const w = demoWorld();
		fill(w, 600);
		w.db.run(sql`with recursive i(n) as (select 0 union all select n + 1 from i where n < ${FEW_MATCHES})
			insert into proposals (community_id, author_id, title, body, category, created_at, updated_at)
			select ${w.ids.community.jinwei}, ${w.ids.user.resident1}, '常見的標題 ' || n, '電梯第 ' || n || ' 號', 'facilities', ${w.now} - n * 1000, ${w.now} - n * 1000 from i`);
		w.db.run(sql`insert into proposals (community_id, author_id, title, body, category, created_at, updated_at)
			values (${w.ids.community.jinwei}, ${w.ids.user.resident1}, '少見的游泳池', '只有這一個', 'facilities', ${w.now}, ${w.now})`);
		w.db.run(sql`analyze`);
		return w;
	}

	/** Cursors deep in the list (after the 3rd page, before the 4th), and for the deadline order one in each stretch. */
	function cursors(w: World, params: Record<string, string>): Record<string, string>[] {
		const at = (page: number) => listProposals(w.db, w.ids.community.jinwei, listQuerySchema.parse({ ...params, page }), w.now);
		const out = [{ ...params, after: at(3).next!, page: '4' }, { ...params, before: at(4).prev!, page: '3' }];
		if (params.sort === 'deadline') out.push({ ...params, after: at(1).next!, page: '2' }, { ...params, before: at(2).prev!, page: '1' });
		return out;
	}

	it('reads the first page of every sort and state filter from an index, with no sort of its own and no scan', () => {
		const w = world();
		for (const sort of LIST_SORTS) {
			for (const state of ['all', 'open', 'qualified']) {
				// Qualified proposals by deadline are sorted: those are the ones awaiting the committee, never many.
				if (sort === 'deadline' && state === 'qualified') continue;
				const seen = plans(w, { sort, state });
				// The count, the page's ids and their rows: not an empty list of plans that passes by saying nothing.
				expect(seen.map((p) => p.steps.length > 0)).toEqual([true, true, true]);
				for (const step of steps(seen)) {
					expect(step, `${sort} / ${state}`).not.toMatch(SCAN);
					expect(step, `${sort} / ${state}`).not.toBe(SORT);
				}
			}
		}
	});

	it('starts a page after or before a cursor at the cursor, in every order (both stretches of the deadline order)', () => {
		const w = world();
		for (const sort of LIST_SORTS) {
			const deep = cursors(w, { sort });
			// The deadline cursors really are one in each stretch: a deadline, and none ('-').
			if (sort === 'deadline') expect(deep.map((p) => (p.after ?? p.before).startsWith('-'))).toEqual([true, true, false, false]);
			for (const params of deep) {
				const seen = plans(w, params);
				for (const step of steps(seen)) {
					expect(step, JSON.stringify(params)).not.toMatch(SCAN);
					expect(step, JSON.stringify(params)).not.toBe(SORT);
				}
				// The first stretch read starts at the cursor (a page that crosses into the next reads it from its start).
				expect(pageIds(seen)[0].steps.some((step) => FROM_CURSOR.test(step)), `${JSON.stringify(params)}: ${pageIds(seen)[0].steps.join(' | ')}`).toBe(true);
			}
		}
	});

	it('reads a common search in order from the community index and counts it from the search index, for every sort and deep', () => {
		const w = world();
		for (const sort of LIST_SORTS) {
			for (const params of [{ q: '電梯', sort }, ...cursors(w, { q: '電梯', sort })]) {
				const seen = plans(w, params);
				const label = JSON.stringify(params);
				for (const step of steps(seen)) {
					expect(step, label).not.toMatch(SCAN);
					expect(step, label).not.toBe(SORT);
				}
				expect(pageIds(seen).every((p) => p.steps.some((step) => step.includes('(community_id=?'))), label).toBe(true);
				if (params.after) expect(pageIds(seen)[0].steps.some((step) => FROM_CURSOR.test(step)), `${label}: ${pageIds(seen)[0].steps.join(' | ')}`).toBe(true);
				// The count: the search index drives, each match found by its id, stopped at COUNT_CAP + 1.
				const counted = seen.find((p) => p.source.includes('cross join "proposals"'))!;
				expect(counted.steps, label).toEqual(expect.arrayContaining(['SCAN proposals_grams VIRTUAL TABLE INDEX 0:M1', 'SEARCH proposals USING INTEGER PRIMARY KEY (rowid=?)']));
			}
		}
	});

	it('looks a rare search up by id, never scanning proposals', () => {
		const w = world();
		for (const sort of LIST_SORTS) {
			const seen = plans(w, { q: '游泳池', sort });
			expect(pageIds(seen), sort).toHaveLength(1);
			for (const step of steps(seen).filter((s) => /proposals\b(?!_)/.test(s))) {
				expect(step, sort).not.toMatch(SCAN);
				if (step.startsWith('SEARCH proposals ')) expect(step, sort).toBe('SEARCH proposals USING INTEGER PRIMARY KEY (rowid=?)');
			}
			expect(listProposals(w.db, w.ids.community.jinwei, listQuerySchema.parse({ q: '游泳池', sort }), w.now).total).toBe(1);
		}
	});
});
