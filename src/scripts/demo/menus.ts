// Demo 群眾點菜: in 金韋社區 a finished menu (results published, now in 驗收), one in its vote, one collecting
// candidates; in 鳳凰山社區 the replayed Assen 2024 election. Everything goes through the real commands at the
// time it would have happened, so the audit log, the inbox and the phases read as they would in real life.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { DAY, HOUR } from '../../lib/server/db/time';
import { users } from '../../lib/server/auth/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { createMenu } from '../../lib/server/menus/commands';
import { reviewCandidate, submitCandidate } from '../../lib/server/menus/candidates';
import { castBallot } from '../../lib/server/menus/ballots';
import { publishResults } from '../../lib/server/menus/results';
import { importPabulib } from '../../lib/server/menus/import';
import { runMenuReminders } from '../../lib/server/menus/reminders';
import { chinaDate as isoDay } from '../../lib/server/db/time';
import type { Result } from '../../lib/server/result';
import type { DemoIds } from './foundation';

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo menus: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? result.params ?? {})}`);
	return result.value;
}

type Candidate = { title: string; by: string; cost: number; body: string; review: { by: string; cost: number } | { by: string; reason: string } | null };
type MenuPlan = {
	title: string;
	description: string;
	budget: number;
	/** Phase start days relative to now: collect, review, vote, results, implementation, acceptance. */
	days: [number, number, number, number, number, number];
	candidates: Candidate[];
	/** Voter → titles of the projects on their ballot. */
	ballots: Record<string, string[]>;
	publish: boolean;
};

const FINISHED: MenuPlan = {
	title: '2026 年金韋社區民生微實事',
	description:
		'屏襄門街道今年為金韋社區安排民生微實事資金 **40 萬元**，由居民投票決定辦哪幾件事。\n\n- 每張選票所選項目的費用合計不能超過總預算；\n- 按得票從高到低依次入選，放不下的跳過；\n- 入選項目由街道組織實施，居委會會同居民代表驗收。',
	budget: 400_000,
	days: [-200, -185, -170, -155, -150, -20],
	candidates: [
		{ title: '長者飯堂設備更新', by: 'committee1', cost: 98_000, body: '社區長者飯堂每天供應約 120 份午餐，廚房的蒸櫃和消毒櫃已用了 8 年。更換商用蒸櫃、消毒櫃，加裝防滑地墊和扶手。', review: { by: 'street', cost: 95_000 } },
		{ title: '樓道照明改造', by: 'resident3', cost: 60_000, body: '韋園新村 3、8、12 棟的樓道燈經常不亮，老人晚上上下樓很危險。改為 LED 聲光控感應燈，共約 180 盞。', review: { by: 'committee1', cost: 60_000 } },
		{ title: '金韋花園口袋公園改造', by: 'resident1', cost: 185_000, body: '把金韋花園 5 棟旁的閒置空地改成口袋公園：鋪透水磚、種樹、加座椅和遮陽棚，給老人和帶孩子的家長一個歇腳的地方。', review: { by: 'street', cost: 180_000 } },
		{ title: '兒童遊樂設施更新', by: 'resident5', cost: 150_000, body: '小區遊樂場的滑梯和鞦韆已經生鏽，地面是硬水泥。更換成符合國標的組合遊樂設施，鋪設安全地墊。', review: { by: 'committee1', cost: 150_000 } },
		{ title: '電動自行車充電樁', by: 'resident6', cost: 120_000, body: '在金韋商業街和韋園新村各建一處集中充電點（共 60 個插座），帶過載保護和消防噴淋，減少飛線充電。', review: { by: 'street', cost: 120_000 } },
		{ title: '韋園新村加裝電梯', by: 'resident7', cost: 380_000, body: '韋園新村 3 棟加裝一部電梯。', review: { by: 'street', reason: '加裝電梯需由業主按專項政策申請，費用也超出民生微實事的單項上限，已轉交街道加裝電梯專班跟進。' } }
	],
	ballots: {
		resident1: ['金韋花園口袋公園改造', '長者飯堂設備更新', '樓道照明改造'],
		resident2: ['長者飯堂設備更新', '樓道照明改造', '兒童遊樂設施更新'],
		resident3: ['金韋花園口袋公園改造', '長者飯堂設備更新', '樓道照明改造'],
		resident4: ['長者飯堂設備更新', '電動自行車充電樁', '樓道照明改造'],
		resident5: ['金韋花園口袋公園改造', '長者飯堂設備更新'],
		resident6: ['長者飯堂設備更新', '樓道照明改造', '電動自行車充電樁'],
		resident7: ['金韋花園口袋公園改造', '樓道照明改造', '兒童遊樂設施更新'],
		resident8: ['長者飯堂設備更新', '兒童遊樂設施更新', '電動自行車充電樁'],
		grid1: ['金韋花園口袋公園改造', '長者飯堂設備更新', '樓道照明改造']
	},
	publish: true
};

const VOTING: MenuPlan = {
	title: '2027 年金韋社區民生微實事（第一批）',
	description: '第一批資金 **30 萬元**。請在預算內勾選您最想辦的項目，投票結束前可以隨時修改。',
	budget: 300_000,
	days: [-30, -16, -3, 4, 11, 120],
	candidates: [
		{ title: '健身路徑翻新', by: 'resident2', cost: 88_000, body: '金韋花園中心綠地的健身器材多處損壞。更換 12 件戶外健身器材並加裝使用說明牌。', review: { by: 'committee1', cost: 85_000 } },
		{ title: '社區圖書角', by: 'resident5', cost: 40_000, body: '在黨群服務中心一樓設開放式圖書角，配書架、閱讀桌椅和 2,000 冊圖書，週末有志願者值守。', review: { by: 'committee1', cost: 40_000 } },
		{ title: '垃圾分類投放點改造', by: 'grid1', cost: 110_000, body: '改造 8 個垃圾分類投放點：加頂棚、洗手池和照明，解決雨天臭味和夜間看不清的問題。', review: { by: 'street', cost: 110_000 } },
		{ title: '無障礙坡道', by: 'resident4', cost: 70_000, body: '為金韋花園 1–9 棟單元門口加建無障礙坡道和扶手，方便坐輪椅的居民和推嬰兒車的家長。', review: { by: 'committee1', cost: 70_000 } },
		{ title: '長者助浴點', by: 'committee1', cost: 130_000, body: '在社區衛生服務站旁設長者助浴點，配防滑淋浴椅、緊急呼叫和熱水系統，由專業護理員上門協助。', review: { by: 'street', cost: 128_000 } },
		{ title: '地下停車場擴建', by: 'resident6', cost: 290_000, body: '擴建金韋商業街地下停車場。', review: { by: 'street', reason: '停車場產權屬於開發商，不能用民生微實事資金；已轉交街道城建辦協調。' } }
	],
	ballots: {
		resident1: ['無障礙坡道', '長者助浴點', '社區圖書角'],
		resident2: ['健身路徑翻新', '社區圖書角', '垃圾分類投放點改造'],
		resident3: ['長者助浴點', '無障礙坡道'],
		resident4: ['無障礙坡道', '垃圾分類投放點改造', '社區圖書角'],
		resident5: ['社區圖書角', '健身路徑翻新', '無障礙坡道'],
		resident6: ['垃圾分類投放點改造', '健身路徑翻新'],
		resident7: ['長者助浴點', '社區圖書角', '無障礙坡道'],
		grid1: ['垃圾分類投放點改造', '長者助浴點']
	},
	publish: false
};

const COLLECTING: MenuPlan = {
	title: '2027 年金韋社區民生微實事（第二批）',
	description: '第二批資金 **20 萬元**，現在開始徵集項目。居民和居委會都可以提出，請寫清楚做什麼、在哪裡、大概花多少錢。',
	budget: 200_000,
	days: [-5, 9, 23, 37, 44, 180],
	candidates: [
		{ title: '小區消防通道標線', by: 'resident8', cost: 35_000, body: '重新施劃金韋花園和韋園新村的消防通道標線，加裝禁停標牌，解決亂停車堵住消防通道的問題。', review: { by: 'committee1', cost: 32_000 } },
		{ title: '社區共享工具屋', by: 'resident2', cost: 25_000, body: '在物業中心旁設共享工具屋，提供梯子、電鑽、園藝工具等，居民登記借用。', review: null },
		{ title: '老年人防跌倒扶手', by: 'resident7', cost: 80_000, body: '在韋園新村老樓的樓梯兩側加裝扶手，優先安裝有 80 歲以上老人居住的單元。', review: null }
	],
	ballots: {},
	publish: false
};

function seedMenu(db: Db, ids: DemoIds, now: number, plan: MenuPlan, actorOf: (u: string) => ReturnType<typeof loadActor>) {
	const [collect, review, vote, results, implementation, acceptance] = plan.days.map((d) => now + d * DAY);
	const street = actorOf('street');
	const created = collect - 10 * DAY;
	const communityId = ids.community.jinwei;
	const menu = must(
		createMenu(db, street, { communityId }, {
			title: plan.title,
			description: plan.description,
			budget: plan.budget,
			ballotRule: 'approval_budget',
			tallyRule: 'greedy',
			collectStartsAt: isoDay(collect),
			reviewStartsAt: isoDay(review),
			voteStartsAt: isoDay(vote),
			resultsStartsAt: isoDay(results),
			implementationStartsAt: isoDay(implementation),
			acceptanceStartsAt: isoDay(acceptance)
		}, created),
		'menu'
	);
	const onMenu = { communityId, id: menu.id };
	// Day starts are China midnights: step inside each phase by at least half a day.
	const inCollect = (i: number) => Math.min(collect + DAY + i * 3 * HOUR, now - HOUR);
	const projectIds = new Map<string, number>();
	plan.candidates.forEach((c, i) => {
		const row = must(submitCandidate(db, actorOf(c.by), onMenu, { title: c.title, description: c.body, estimatedCost: c.cost }, inCollect(i)), `candidate ${c.title}`);
		projectIds.set(c.title, row.id);
	});
	plan.candidates.forEach((c, i) => {
		if (!c.review) return;
		const at = review < now ? review + DAY + i * HOUR : inCollect(plan.candidates.length + i);
		const input = 'cost' in c.review ? { decision: 'feasible', finalCost: c.review.cost } : { decision: 'infeasible', reason: c.review.reason };
		must(reviewCandidate(db, actorOf(c.review.by), { communityId, menuId: menu.id, projectId: projectIds.get(c.title) ?? 0 }, input, at), `review ${c.title}`);
	});
	if (vote < now) runMenuReminders(db, vote + 2 * HOUR);
	Object.entries(plan.ballots).forEach(([who, titles], i) => {
		const at = Math.min(vote + 6 * HOUR + i * 5 * HOUR, now - HOUR);
		must(castBallot(db, actorOf(who), onMenu, { projectIds: titles.map((t) => String(projectIds.get(t))) }, at), `ballot of ${who}`);
	});
	if (results < now) runMenuReminders(db, results - 20 * HOUR);
	if (plan.publish) must(publishResults(db, street, onMenu, {}, results + 2 * DAY), 'publish');
	return menu.id;
}

export async function seedMenus(db: Db, ids: DemoIds, now: number) {
	const actorOf = (username: string) => loadActor(db, db.select().from(users).where(eq(users.id, ids.user[username])).get()!, null);
	for (const plan of [FINISHED, VOTING, COLLECTING]) seedMenu(db, ids, now, plan, actorOf);
	// Residents hear that the current vote is open (and, in its last day, that it closes soon).
	runMenuReminders(db, now);

	// Real elections are kept with the test fixtures (public Pabulib data, unchanged): Assen's ticks, and
	// Kraków's ranked ballots (three choices, counted 3, 2, 1 points by place).
	// The page itself says, in the reader's language, that a menu is a replay that takes no votes: the titles do
	// not repeat it, and the descriptions tell a resident what the election was (the projects keep their own names).
	const replays: [string, string, string][] = [
		[
			'Netherlands_Assen_2024.pb',
			'荷蘭阿森市 2024 年青年預算',
			'荷蘭阿森市（Assen）2024 年拿出 10 萬歐元，由 12 至 27 歲的年輕人投票決定做哪些項目，每人至少選 2 項。項目名稱保留荷蘭文原文，資料來自公開的 Pabulib 資料庫。'
		],
		[
			'Poland_Krakow_2021_Bienczyce.pb',
			'波蘭克拉科夫市別恩奇采區 2021 年參與式預算',
			'波蘭克拉科夫市別恩奇采區（Bieńczyce）2021 年的參與式預算：每位居民按順序排出最想要的項目，排第一的得分最多。項目名稱保留波蘭文原文，資料來自公開的 Pabulib 資料庫。'
		]
	];
	for (const [name, title, description] of replays) {
		const file = resolve(process.cwd(), 'tests/fixtures/pabulib/real', name);
		if (!existsSync(file)) {
			console.warn(`demo menus: ${file} not found, so 鳳凰山社區 does not replay it`);
			continue;
		}
		const pb = { name, type: 'text/plain', bytes: readFileSync(file) };
		must(await importPabulib(db, actorOf('street'), { communityId: ids.community.fenghuangshan }, { file: [pb], title, description }, now - 10 * DAY), `${name} replay`);
	}
}
