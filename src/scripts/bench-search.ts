// Proposal search at scale: ms per search of the proposals list (its count and first page, as a request runs them)
// in one community of 100,000 proposals, for a 2-character, a 1-character and a 3-character term — before (terms
// of 1-2 characters scanned with LIKE) and after (looked up in proposals_grams, migration 0019). The proposals are
// written by one INSERT … SELECT in one transaction, their index triggers included. Prints; asserts nothing.
// `npm run bench` prints it; on its own: `npx tsx src/scripts/bench-search.ts`.
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { createTestDb, type Db } from '../lib/server/db/client';
import { users } from '../lib/server/auth/schema';
import { communities, streets } from '../lib/server/org/schema';
import { proposals } from '../lib/server/proposals/schema';
import { COUNT_CAP, listProposals, PAGE_SIZE } from '../lib/server/proposals/queries';
import { likePattern, searchTerms } from '../lib/server/proposals/search';

const BENCH_PROPOSALS = 100_000;
const TARGET_MS = 10;
const TERMS = ['電梯', '梯', '充電樁'];

// A small vocabulary: places, things and troubles, sentences of a body. 電梯 is the thing of about one title in 24,
// 樓梯 of another (so 梯 is in about one in 12); 充電樁 of one in 24 titles and one in 12 bodies.
const PLACES = ['韋園新村', '金韋花園', '屏襄門街', '口袋公園', '社區廣場', '老年活動中心', '幼兒園門口', '菜市場', '停車場', '三棟樓下', '八棟', '東門'];
const THINGS = [
	'路燈', '電動車充電樁', '垃圾分類亭', '綠化帶', '健身器材', '電梯', '排水溝', '消防通道', '監控', '圍牆', '長椅', '信報箱',
	'自行車棚', '樓梯', '井蓋', '公告欄', '快遞櫃', '外牆', '門禁', '籃球場', '化糞池', '晾衣架', '無障礙坡道', '照明'
];
const TROUBLES = ['壞了', '不夠用', '太臭', '雜草叢生', '需要維修', '被佔用', '晚上太暗', '有安全隱患', '經常堵塞', '噪音擾民'];
const SENTENCES = [
	'晚上散步的長者看不清路，差點摔倒。',
	'希望物業儘快派人來看看，已經反映過兩次了。',
	'樓上的住戶從窗口拉線給電動自行車充電，很危險。',
	'夏天氣味很重，影響周邊住戶開窗通風。',
	'孩子們放學後在這裡玩，需要有人管一管。',
	'建議在旁邊增設一塊告示牌，提醒大家注意。',
	'八樓的長者下樓困難，大家討論很久了。',
	'下雨天積水到腳踝，出入很不方便。',
	'車位不夠，很多車停在消防通道上。',
	'附近的商戶也願意出一部分錢，比如多裝幾個充電樁。',
	'我們可以組織志願者每週清理一次。',
	'居委會上次說會研究，但一直沒有消息。'
];

/** 100,000 proposals in one community (the worst case: a search is always within one). */
function seed(db: Db, n: number): { communityId: number; ms: number } {
	const at = Date.UTC(2026, 0, 1);
	const street = db.insert(streets).values({ slug: 'bench', name: '基準街道', createdAt: at }).returning().get();
	const community = db.insert(communities).values({ streetId: street.id, slug: 'bench', name: '基準社區', description: '', createdAt: at }).returning().get();
	const author = db.insert(users).values({ username: 'bench', displayName: '壓測居民', passwordHash: 'x', createdAt: at }).returning().get();
	const pick = (list: string[], expr: string) => `json_extract('${JSON.stringify(list)}', '$[' || ((${expr}) % ${list.length}) || ']')`;
	const started = performance.now();
	db.transaction((tx) => {
		tx.run(
			sql.raw(`
			with recursive i(n) as (select 0 union all select n + 1 from i where n + 1 < ${n})
			insert into proposals (community_id, author_id, title, body, category, state, created_at, updated_at)
			select ${community.id}, ${author.id},
				${pick(PLACES, 'n')} || ${pick(THINGS, 'n / 7')} || ${pick(TROUBLES, 'n / 3')},
				${pick(SENTENCES, 'n')} || ${pick(SENTENCES, 'n / 5 + 3')} || ${pick(SENTENCES, 'n / 11 + 7')} || ' 第 ' || n || ' 號',
				'facilities', 'open', ${at} + n * 60000, ${at} + n * 60000
			from i`)
		);
	});
	return { communityId: community.id, ms: performance.now() - started };
}

/** The list as it was: the same count and first page, terms of 1-2 characters scanned with LIKE. */
function scanList(db: Db, communityId: number, q: string) {
	const terms = searchTerms(q)!;
	const parts: SQL[] = [eq(proposals.communityId, communityId)];
	if (terms.match) parts.push(sql`${proposals.id} in (select rowid from proposals_fts where proposals_fts match ${terms.match})`);
	for (const t of terms.short) {
		const pattern = likePattern(t);
		parts.push(sql`(${proposals.title} like ${pattern} escape '\\' or ${proposals.body} like ${pattern} escape '\\')`);
	}
	const condition = and(...parts);
	const total = db.select({ n: count() }).from(proposals).where(condition).get()!.n;
	const items = db
		.select({ id: proposals.id, title: proposals.title, authorName: users.displayName })
		.from(proposals)
		.innerJoin(users, eq(users.id, proposals.authorId))
		.where(condition)
		.orderBy(desc(proposals.createdAt), desc(proposals.id))
		.limit(PAGE_SIZE)
		.all();
	return { total, items };
}

/** The median and the fastest of `runs` calls, in ms, after one to warm the cache (the fastest is the least disturbed by other work on the machine). */
function timed(runs: number, f: () => unknown): { median: number; min: number } {
	f();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		f();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(runs / 2)], min: times[0] };
}

type SearchFigure = { term: string; matches: number; before: { median: number; min: number }; after: { median: number; min: number } };

export function runSearchBench(n = BENCH_PROPOSALS, runs = 21) {
	const db = createTestDb();
	const { communityId, ms: seedMs } = seed(db, n);
	const now = Date.UTC(2027, 0, 1);
	const figures: SearchFigure[] = TERMS.map((term) => {
		const query = { q: term, state: 'all' as const, category: 'all' as const, sort: 'newest' as const, page: 1 };
		const after = listProposals(db, communityId, query, now);
		const before = scanList(db, communityId, term);
		// The list counts a search's matches up to COUNT_CAP, then says "more than" that.
		const sameCount = after.capped ? before.total > COUNT_CAP : after.total === before.total;
		if (!sameCount || after.items.map((i) => i.id).join() !== before.items.map((i) => i.id).join()) {
			throw new Error(`search for ${term}: the index and the scan disagree`);
		}
		return {
			term,
			matches: before.total,
			before: timed(runs, () => scanList(db, communityId, term)),
			after: timed(runs, () => listProposals(db, communityId, query, now))
		};
	});
	return { proposals: n, seedMs, figures };
}

export function printSearchFigures({ proposals: n, seedMs, figures }: ReturnType<typeof runSearchBench>) {
	console.log(`\nProposal search, one community of ${n.toLocaleString('en')} proposals (written in ${(seedMs / 1000).toFixed(1)} s); the list's statements, median (fastest) of 21:`);
	const ms = (t: { median: number; min: number }) => `${t.median.toFixed(1)} ms (${t.min.toFixed(1)})`;
	for (const f of figures) {
		const short = [...f.term].length < 3;
		const verdict = f.after.median <= TARGET_MS ? 'ok' : 'OVER TARGET';
		console.log(
			`  ${f.term} (${[...f.term].length} char, ${f.matches.toLocaleString('en')} found): before ${ms(f.before)}${short ? ' LIKE scan' : ''}, after ${ms(f.after)} (target ≤ ${TARGET_MS} ms, ${verdict})`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) printSearchFigures(runSearchBench());
