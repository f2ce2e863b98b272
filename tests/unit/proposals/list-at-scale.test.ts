// The list stays fast with 100,000 proposals: counts kept by triggers instead of counted, every order read from an
// index. Each test compares the fast path with the plain one it replaced, so a trigger or an index that drifts fails.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { listProposals, PAGE_SIZE } from '../../../src/lib/server/proposals/queries';
import { CATEGORIES, PROPOSAL_STATES } from '../../../src/lib/server/proposals/schema';
import { LIST_FILTERS, LIST_SORTS, listQuerySchema } from '../../../src/lib/server/proposals/validation';
import { DAY } from '../../../src/lib/server/db/time';
import { clientOf } from '../../../src/lib/server/db/client';

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

describe('query plans of the list', () => {
	/** The plan of the page's statement for a query string, read from SQLite. */
	function plan(w: World, params: Record<string, string>) {
		const statements: string[] = [];
		const sqlite = clientOf(w.db);
		const prepare = sqlite.prepare.bind(sqlite);
		// Record the statements listProposals prepares, then ask SQLite how it runs each one.
		sqlite.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof sqlite.prepare;
		try {
			listProposals(w.db, w.ids.community.jinwei, listQuerySchema.parse(params), w.now);
		} finally {
			sqlite.prepare = prepare;
		}
		return statements.map((source) => {
			const args = Array.from(source.matchAll(/\?/g), () => 1);
			return prepare(`explain query plan ${source}`)
				.all(...args)
				.map((r: unknown) => (r as { detail: string }).detail)
				.join(' / ');
		});
	}

	it('reads every sort and state filter from an index, with no sort of its own and no scan', () => {
		const w = demoWorld();
		fill(w, 50);
		w.db.run(sql`analyze`);
		for (const sort of LIST_SORTS) {
			for (const state of ['all', 'open', 'qualified']) {
				// Qualified proposals by deadline are sorted: those are the ones awaiting the committee, never many.
				if (sort === 'deadline' && state === 'qualified') continue;
				for (const detail of plan(w, { sort, state })) {
					expect(detail, `${sort} / ${state}: ${detail}`).not.toMatch(/TEMP B-TREE|SCAN proposals\b/);
				}
			}
		}
	});
});
