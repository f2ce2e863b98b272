// Terms of 1-2 characters are found through proposals_grams (migration 0019) instead of a LIKE scan: the same
// proposals, in the same order, for every kind of term — and without reading the community's proposals one by one.
import { describe, expect, it } from 'vitest';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { clientOf, forgetStatements } from '../../../src/lib/server/db/client';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { FEW_MATCHES, listProposals, PAGE_SIZE } from '../../../src/lib/server/proposals/queries';
import { likePattern, searchTerms } from '../../../src/lib/server/proposals/search';
import { listQuerySchema, type ListQuery } from '../../../src/lib/server/proposals/validation';

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

/** Every page of the list, as the page shows it. */
function listed(w: World, communityId: number, query: ListQuery): number[] {
	const first = listProposals(w.db, communityId, query, w.now);
	const ids = first.items.map((i) => i.id);
	for (let page = 2; page <= first.pages; page++) ids.push(...listProposals(w.db, communityId, { ...query, page }, w.now).items.map((i) => i.id));
	expect(ids.length).toBe(first.total);
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
		if (!source.includes('from "proposals"')) return statement;
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
		for (const q of ['電梯', '梯', '電梯 維修', '電梯 ab']) {
			const c = w.ids.community.jinwei;
			const page = (over: Partial<ListQuery>) => listProposals(w.db, c, query({ q, ...over }), w.now);
			const expected = scanned(w, c, query({ q }));
			const first = page({});
			expect(first.total, q).toBe(expected.length);
			expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, PAGE_SIZE));
			expect(page({ page: first.pages }).items.map((i) => i.id)).toEqual(expected.slice((first.pages - 1) * PAGE_SIZE));
		}
		// Over FEW_MATCHES, the count walks the community's index and the page can stop at its twentieth match.
		expect(plans(w, '電梯').flat().some((step) => step.includes('(community_id=?)'))).toBe(true);
	});
});

describe('the plan of a short-term search', () => {
	it('looks the matches up by id: no scan of proposals, not even of the community index', () => {
		const w = seeded();
		for (const q of ['電梯', '梯', 'ab', '電梯 維修']) {
			const seen = plans(w, q);
			// The count, and the page (its ids, then their rows).
			expect(seen.length, q).toBe(2);
			for (const plan of seen) {
				expect(plan, q).toContain('SCAN proposals_grams VIRTUAL TABLE INDEX 0:M1');
				expect(plan.filter((step) => step.startsWith('SEARCH proposals ')).every((step) => step === 'SEARCH proposals USING INTEGER PRIMARY KEY (rowid=?)'), `${q}: ${plan.join(' | ')}`).toBe(true);
				expect(plan.some((step) => /^SCAN proposals( |$)/.test(step)), q).toBe(false);
			}
		}
	});
});
