// Terms of 1-2 characters are found through proposals_grams (migration 0019) instead of a LIKE scan: the same
// proposals, in the same order, for every kind of term — and without reading the community's proposals one by one.
import { describe, expect, it } from 'vitest';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { clientOf, forgetStatements } from '../../../src/lib/server/db/client';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { COUNT_CAP, FEW_MATCHES, listProposals, PAGE_SIZE } from '../../../src/lib/server/proposals/queries';
import { likePattern, searchTerms } from '../../../src/lib/server/proposals/search';
import { listQuerySchema, NUMBERED_PAGES, type ListQuery } from '../../../src/lib/server/proposals/validation';
import { walkList } from './helpers';

const TITLES = [
	'韋園新村 8 棟加裝電梯',
	'電梯又壞了，5F 的長者下不了樓',
	'樓梯間的燈不亮',
	'電動車充電樁不夠用',
	'Lift B 停運 (NEAR 東門)',
	'"電梯" * 維修 - 何時?',
	'Café É 門口 100% 被佔用',
	'ＡＢ棟的信報箱 a_b',
	'口袋公園夜間照明不足😀',
	'路燈 OR 監控 AND NOT 圍牆',
	'反斜線 \\ 與 % 與 _ 的標題',
	'梯'
];
const BODIES = [
	'八樓的長者下樓困難，希望加裝電梯。',
	'電\n梯 分在兩行；電 梯 中間有空格。',
	'lift LIFT Lift 5f 5F AB ab aB',
	'晚上散步看不清路，差點摔倒！',
	'“引號”與「括號」，還有 NEAR(電梯 維修) 和 -電梯 *梯*',
	'🛗電梯😀，ＡＢ，ａｂ',
	'e\u0301 是 é 的另一種寫法',
	'沒有什麼特別的內容，只是湊滿十個字。'
];
const QUERIES = [
	'電梯', '梯', '電', '梯電', '電 梯', '電梯 梯', '電梯 維修', '電梯 ab', '充電 電', '電梯壞了', '加裝電梯 梯',
	'a', 'A', 'ab', 'AB', 'aB', 'b', 'lift', 'LIFT', 'li', '5', '5f', '5F', 'f', '00', '10', '100%',
	'%', '_', '\\', '5%', 'a_', '%%', '\\_', '"', '""', '"電', '電"', '*', '電*', '*梯*', 'NEAR', 'NEAR(', 'OR', 'AND', 'NOT', 'OR 梯',
	'-', '-電', '電-', '(', ')', ':', '^', '+', "'", "';", '，', '。', '！', '“', '「', '?', 'é', 'É', 'e\u0301', 'Ca', 'fé',
	'ＡＢ', 'ａｂ', 'Ａ', '😀', '😀電', '🛗電', '🛗', '的', '湊', '游泳池', 'zz', 'q\u0000梯', '電梯 電梯', 'a b c d e f g'
];

/** Proposals across two communities; some edited and some deleted afterwards, so the index must have followed. */
function seeded(): World {
	const w = demoWorld();
	const sqlite = clientOf(w.db);
	const insert = sqlite.prepare(
		`insert into proposals (community_id, author_id, title, body, category, state, qualified_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const author = w.ids.user.resident1;
	const communities = [w.ids.community.jinwei, w.ids.community.fenghuangshan];
	const states = ['open', 'qualified', 'closed', 'open', 'menu'] as const;
	sqlite.transaction(() => {
		let n = 0;
		for (let i = 0; i < TITLES.length; i++) {
			for (let j = 0; j < BODIES.length; j++) {
				const state = states[n % states.length];
				// Some share a creation time, so the order falls back to the id.
				const at = w.now - (n % 7) * 3_600_000;
				insert.run(communities[n % 3 === 2 ? 1 : 0], author, TITLES[i], BODIES[j], n % 2 ? 'facilities' : 'environment', state, state === 'open' ? null : at, at, at);
				n++;
			}
		}
	})();
	sqlite.exec(`
		update proposals set title = '電梯 改成 路燈', body = '改過的內容，沒有那兩個字了' where id % 9 = 0;
		update proposals set body = body || ' 補充：ZZ 電梯' where id % 11 = 0;
		update proposals set second_count = id % 5 where id % 4 = 0;
		delete from proposals where id % 13 = 0;
	`);
	return w;
}

/** Today's scan: the same filters and order, terms of 1-2 characters with LIKE on the title or the body. */
function scanned(w: World, communityId: number, query: ListQuery): number[] {
	const terms = searchTerms(query.q);
	const where: SQL[] = [eq(proposals.communityId, communityId)];
	if (terms?.match) where.push(sql`${proposals.id} in (select rowid from proposals_fts where proposals_fts match ${terms.match})`);
	for (const t of terms?.short ?? []) {
		const p = likePattern(t);
		where.push(sql`(${proposals.title} like ${p} escape '\\' or ${proposals.body} like ${p} escape '\\')`);
	}
	if (query.state === 'overdue') where.push(eq(proposals.state, 'qualified'), sql`${proposals.responseDueAt} < ${w.now}`);
	else if (query.state !== 'all') where.push(eq(proposals.state, query.state));
	if (query.category !== 'all') where.push(eq(proposals.category, query.category));
	const order =
		query.sort === 'seconds'
			? [desc(proposals.secondCount), desc(proposals.createdAt), desc(proposals.id)]
			: query.sort === 'deadline'
				? [sql`case when ${proposals.state} = 'qualified' then ${proposals.responseDueAt} end is null`, asc(sql`case when ${proposals.state} = 'qualified' then ${proposals.responseDueAt} end`), desc(proposals.createdAt), desc(proposals.id)]
				: [desc(proposals.createdAt), desc(proposals.id)];
	return w.db.select({ id: proposals.id }).from(proposals).where(and(...where)).orderBy(...order).all().map((r) => r.id);
}

/**
 * Every page of the list, as a reader walks it with "next" (and back with "previous": the same pages); the pages a
 * number reaches are the same pages too, and the count is exact up to COUNT_CAP.
 */
function listed(w: World, communityId: number, query: ListQuery): number[] {
	const { q, state, category, sort } = query;
	const walk = walkList(w.db, communityId, { q, state, category, sort }, w.now);
	expect(walk.backward).toEqual(walk.forward);
	const ids = walk.forward.flat();
	if (ids.length > COUNT_CAP) expect(walk.pages[0]).toMatchObject({ total: COUNT_CAP, capped: true, pages: null });
	else expect(walk.pages[0]).toMatchObject({ total: ids.length, capped: false });
	for (let page = 2; page <= Math.min(walk.pages.length, NUMBERED_PAGES); page++) {
		expect(listProposals(w.db, communityId, { ...query, page }, w.now).items.map((i) => i.id)).toEqual(walk.forward[page - 1]);
	}
	return ids;
}

const query = (over: Partial<ListQuery>): ListQuery => ({ ...listQuerySchema.parse({}), ...over });

/** The plans of the statements listProposals runs. */
function plans(w: World, q: string): string[][] {
	const sqlite = clientOf(w.db);
	const seen: string[][] = [];
	forgetStatements(w.db);
	const prepare = sqlite.prepare.bind(sqlite);
	sqlite.prepare = ((source: string) => {
		const statement = prepare(source);
		if (!source.includes('"proposals"')) return statement;
		for (const method of ['all', 'get'] as const) {
			const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
			(statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
				seen.push((prepare(`explain query plan ${source}`).all(...args) as { detail: string }[]).map((r) => r.detail));
				return run(...args);
			};
		}
		return statement;
	}) as typeof sqlite.prepare;
	try {
		listProposals(w.db, w.ids.community.jinwei, query({ q }), w.now);
	} finally {
		sqlite.prepare = prepare;
	}
	return seen;
}

describe('short search terms through the index of characters and pairs', () => {
	it('finds exactly what the LIKE scan found, in the same order, for every kind of term', () => {
		const w = seeded();
		let found = 0;
		for (const communityId of [w.ids.community.jinwei, w.ids.community.fenghuangshan]) {
			for (const q of QUERIES) {
				const expected = scanned(w, communityId, query({ q }));
				expect(listed(w, communityId, query({ q })), `${q} in ${communityId}`).toEqual(expected);
				found += expected.length;
			}
		}
		// Not a comparison of empty lists.
		expect(found).toBeGreaterThan(1_000);
		expect(scanned(w, w.ids.community.jinwei, query({ q: '電梯' })).length).toBeGreaterThan(PAGE_SIZE);
	});

	it('with state, category and every order', () => {
		const w = seeded();
		const c = w.ids.community.jinwei;
		for (const q of ['電梯', '梯', 'ab', '5%', '電梯 維修', '"']) {
			for (const over of [{ state: 'qualified' }, { state: 'overdue' }, { category: 'facilities' }, { sort: 'seconds' }, { sort: 'deadline' }] as Partial<ListQuery>[]) {
				expect(listed(w, c, query({ q, ...over })), `${q} ${JSON.stringify(over)}`).toEqual(scanned(w, c, query({ q, ...over })));
			}
		}
	});

	it('also when a term is so common that the community index is walked instead', () => {
		const w = seeded();
		const sqlite = clientOf(w.db);
		sqlite
			.prepare(
				`with recursive i(n) as (select 0 union all select n + 1 from i where n < ${FEW_MATCHES})
				 insert into proposals (community_id, author_id, title, body, category, created_at, updated_at)
				 select ?, ?, '常見的標題 ' || n, '電梯第 ' || n || ' 號', 'facilities', ? - n, ? - n from i`
			)
			.run(w.ids.community.jinwei, w.ids.user.resident1, w.now, w.now);
		const c = w.ids.community.jinwei;
		// Every page of 電梯 (300 of them) forward and back; 梯 finds the same and more, its pages are sampled: the
		// first, the 50th by number and the 51st by cursor from it.
		for (const q of ['電梯', '電梯 維修', '電梯 ab']) expect(listed(w, c, query({ q })), q).toEqual(scanned(w, c, query({ q })));
		const expected = scanned(w, c, query({ q: '梯' }));
		const fiftieth = listProposals(w.db, c, query({ q: '梯', page: NUMBERED_PAGES }), w.now);
		const next = listProposals(w.db, c, listQuerySchema.parse({ q: '梯', after: fiftieth.next, page: NUMBERED_PAGES + 1 }), w.now);
		expect(listProposals(w.db, c, query({ q: '梯' }), w.now).items.map((i) => i.id)).toEqual(expected.slice(0, PAGE_SIZE));
		expect(fiftieth.items.map((i) => i.id)).toEqual(expected.slice((NUMBERED_PAGES - 1) * PAGE_SIZE, NUMBERED_PAGES * PAGE_SIZE));
		expect(next.items.map((i) => i.id)).toEqual(expected.slice(NUMBERED_PAGES * PAGE_SIZE, (NUMBERED_PAGES + 1) * PAGE_SIZE));
		// More than COUNT_CAP matches: "more than 1,000", and the pages go on by cursor past the 50th.
		expect(scanned(w, c, query({ q: '電梯' })).length).toBeGreaterThan(FEW_MATCHES);
		expect(listProposals(w.db, c, query({ q: '電梯' }), w.now)).toMatchObject({ total: COUNT_CAP, capped: true, pages: null });
		// Over FEW_MATCHES, the page walks the community's index and can stop at its twenty-first match.
		expect(plans(w, '電梯').flat().some((step) => step.includes('(community_id=?)'))).toBe(true);
	});
});

describe('the count of a search', () => {
	/** `n` proposals saying 鞦韆 in a community, created a minute apart from `from` minutes ago. */
	function swings(w: World, communityId: number, n: number, from = 0, state = 'open') {
		w.db.run(sql`with recursive i(n) as (select 0 union all select n + 1 from i where n + 1 < ${n})
			insert into proposals (community_id, author_id, title, body, category, state, created_at, updated_at)
			select ${communityId}, ${w.ids.user.resident1}, '公園的鞦韆 ' || n, '鞦韆壞了，第 ' || n || ' 個', 'facilities', ${state}, ${w.now} - (${from} + n) * 60000, ${w.now} from i`);
	}

	it('is exact up to COUNT_CAP and "more than" past it, counting only the community and the filters', () => {
		const w = demoWorld();
		const c = w.ids.community.jinwei;
		// Matches in the other community and matches filtered out must not count towards the cap.
		swings(w, w.ids.community.fenghuangshan, 50);
		swings(w, c, 30, 10_000, 'withdrawn');
		swings(w, c, COUNT_CAP - 1);
		for (const q of ['鞦韆', '鞦', '鞦韆壞']) {
			const list = (over: Partial<ListQuery> = {}) => listProposals(w.db, c, query({ q, state: 'open', ...over }), w.now);
			expect(list(), q).toMatchObject({ total: COUNT_CAP - 1, capped: false, pages: NUMBERED_PAGES });
			swings(w, c, 1, 20_000);
			expect(list(), q).toMatchObject({ total: COUNT_CAP, capped: false, pages: NUMBERED_PAGES });
			swings(w, c, 1, 30_000);
			expect(list(), q).toMatchObject({ total: COUNT_CAP, capped: true, pages: null });
			expect(list({ state: 'withdrawn' }), q).toMatchObject({ total: 30, capped: false });
			// Capped, the pages still go on: the 50th by number ends where the 51st (by cursor) begins.
			const fiftieth = list({ page: NUMBERED_PAGES });
			expect(fiftieth.next, q).not.toBeNull();
			const next = listProposals(w.db, c, listQuerySchema.parse({ q, state: 'open', after: fiftieth.next, page: NUMBERED_PAGES + 1 }), w.now);
			expect(next.items.map((i) => i.id)).toEqual(scanned(w, c, query({ q, state: 'open' })).slice(COUNT_CAP, COUNT_CAP + PAGE_SIZE));
			w.db.run(sql`delete from proposals where created_at <= ${w.now - 20_000 * 60000} and state = 'open'`);
		}
	});
});

describe('the plan of a short-term search', () => {
	it('looks the matches up by id: no scan of proposals, not even of the community index', () => {
		const w = seeded();
		for (const q of ['電梯', '梯', 'ab', '電梯 維修']) {
			const seen = plans(w, q);
			// The count and the page's ids, read from the index's matches; then the page's rows, by their ids.
			expect(seen.length, q).toBe(3);
			expect(seen.filter((plan) => plan.includes('SCAN proposals_grams VIRTUAL TABLE INDEX 0:M1')).length, q).toBe(2);
			for (const plan of seen) {
				expect(plan.filter((step) => step.startsWith('SEARCH proposals ')).every((step) => step === 'SEARCH proposals USING INTEGER PRIMARY KEY (rowid=?)'), `${q}: ${plan.join(' | ')}`).toBe(true);
				expect(plan.some((step) => /^SCAN proposals( |$)/.test(step)), q).toBe(false);
			}
		}
	});
});
