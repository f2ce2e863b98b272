// Demo 建設共管: 金韋社區 gets a plan (drawn here, no downloaded image) with fifteen areas and duties in every state —
// looked after by a person, a household and the 金韋志願隊, one overdue, one lapsed, one waiting for approval, one
// given up, one whose term ended — with care logs and photos over the last months; 雙水社區 has areas nobody has
// claimed yet. Everything goes through the real commands at the moments it happened, then the lapse job settles
// what time has done since.
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { DAY, chinaDate } from '../../lib/server/db/time';
import { users } from '../../lib/server/auth/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { configureAreas, createArea, placePin, uploadPlan } from '../../lib/server/areas/catalogue';
import { claimArea, releaseClaim } from '../../lib/server/areas/claims';
import { checkLog, logCare, thankLog } from '../../lib/server/areas/care';
import { createTeam, joinTeam, reviewTeam } from '../../lib/server/areas/teams';
import { runAreaLapses } from '../../lib/server/areas/lifecycle';
import { PLAN_DRAWN_WIDTH, drawnHeight } from '../../lib/server/areas/plan';
import { encodePng, type Rgb } from '../../lib/server/media/png';
import type { Result } from '../../lib/server/result';
import type { DemoIds } from './foundation';

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo areas: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? {})}`);
	return result.value;
}

// ── The plan: 1200 × 900, roads, blocks, green spaces ─────────────────────────────────────────────────────

const PLAN_W = 1200;
const PLAN_H = 900;
type Box = [number, number, number, number];
const BLOCKS: Box[] = [
	[90, 90, 230, 170], [300, 90, 440, 170], [90, 240, 230, 320], [300, 240, 440, 320], [90, 390, 230, 470], [300, 390, 440, 470],
	[640, 90, 760, 160], [800, 90, 920, 160], [640, 220, 760, 290], [800, 220, 920, 290],
	[640, 560, 1100, 640], [640, 680, 1100, 760]
];
const GREENS: Box[] = [[240, 90, 290, 320], [90, 520, 440, 600], [960, 90, 1120, 290], [640, 330, 920, 420]];
const inBox = (x: number, y: number, [a, b, c, d]: Box) => x >= a && x < c && y >= b && y < d;

function planPicture(): Buffer {
	return encodePng(PLAN_W, PLAN_H, (x, y): Rgb => {
		if (y >= 500 && y < 520) return [120, 120, 120]; // the main road, east–west
		if (x >= 540 && x < 580) return [120, 120, 120]; // the main road, north–south
		if (y >= 800 && y < 815 && x > 600) return [150, 150, 150];
		if (BLOCKS.some((b) => inBox(x, y, b))) {
			const edge = BLOCKS.some(([a, b, c, d]) => inBox(x, y, [a, b, c, d]) && (x - a < 3 || c - x <= 3 || y - b < 3 || d - y <= 3));
			return edge ? [150, 130, 110] : [226, 214, 196];
		}
		if (GREENS.some((g) => inBox(x, y, g))) return (x * 7 + y * 3) % 23 < 2 ? [90, 150, 90] : [150, 200, 140];
		if (inBox(x, y, [460, 620, 530, 700])) return [200, 200, 210]; // the bike shed
		return [246, 244, 238];
	});
}

/** A care photo: a patch of ground, tidier the more `done`, with the sky above. */
function carePhoto(seed: number, done: number): { name: string; bytes: Uint8Array } {
	const png = encodePng(320, 240, (x, y): Rgb => {
		if (y < 80) return [170 + (y >> 2), 210, 240];
		const litter = ((x * 31 + y * 17 + seed * 13) % 97) / 97 > 0.94 + done * 0.05;
		if (litter) return [220, 60, 60];
		return (x + seed) % 40 < 3 ? [110, 160, 100] : [120 + ((y * seed) % 30), 180, 110];
	});
	return { name: `care-${seed}.png`, bytes: new Uint8Array(png) };
}

// ── The catalogue ─────────────────────────────────────────────────────────────────────────────────────────

type AreaPlan = {
	key: string;
	name: string;
	kind: string;
	grid: 0 | 1 | 2;
	place: string;
	duties: string;
	pin: [number, number];
	capacity?: number;
	termMonths?: number;
	priority?: boolean;
	notAdoptable?: string;
};

const JINWEI: AreaPlan[] = [
	{ key: 'green3', name: '3 棟東側綠地', kind: 'green', grid: 0, place: '金韋花園 3 棟與 4 棟之間', pin: [265, 200], duties: '- 每週撿拾垃圾、煙頭\n- 每月拔除雜草一次\n- 發現損壞的灌木或噴頭，拍照登記' },
	{ key: 'stair5', name: '5 棟 2 單元樓道', kind: 'stairwell', grid: 0, place: '金韋花園 5 棟 2 單元 1–18 樓', pin: [160, 430], duties: '保持樓道暢通：勸導住戶移走堆放的雜物和電動車，每月巡查一次消防通道。' },
	{ key: 'park', name: '中心小遊園', kind: 'pocket_park', grid: 0, place: '金韋花園南門內', pin: [265, 560], capacity: 2, duties: '- 每週清掃座椅和地面\n- 澆灌花壇（夏季每週兩次）\n- 檢查兒童設施有無鬆動' },
	{ key: 'shed', name: '北門車棚', kind: 'bike_shed', grid: 1, place: '韋園新村北門', pin: [495, 660], duties: '整理亂停的單車和電動車，清理廢棄「殭屍車」並報告居委會。' },
	{ key: 'board', name: '韋園新村宣傳欄', kind: 'notice_board', grid: 1, place: '韋園新村 8 棟門前', pin: [700, 125], duties: '每兩週更新一次通知，撕除過期廣告和「牛皮癬」。' },
	{ key: 'sorting', name: '金韋花園垃圾分類督導', kind: 'sorting_watch', grid: 0, place: '金韋花園 1 號、2 號投放點', pin: [370, 505], priority: true, duties: '每週至少兩晚（19:00–21:00）在投放點督導分類，指導居民正確投放廚餘垃圾。' },
	{ key: 'elders', name: '探訪韋園新村獨居長者', kind: 'elder_visits', grid: 1, place: '韋園新村（名單由居委會提供）', pin: [860, 255], capacity: 3, priority: true, duties: '每月至少上門或電話探訪一次，留意身體和生活狀況，有需要及時告訴網格員。' },
	{ key: 'captain8', name: '8 棟樓棟長', kind: 'building_captain', grid: 1, place: '韋園新村 8 棟', pin: [860, 125], duties: '收集本棟居民意見，轉達社區通知，協助組織樓棟議事。' },
	{ key: 'street', name: '商業街綠化帶', kind: 'green', grid: 2, place: '金韋商業街東段', pin: [870, 600], duties: '清理綠化帶內垃圾，勸導商戶不在綠化帶堆放貨物。' },
	{ key: 'stair7', name: '7 棟 1 單元樓道', kind: 'stairwell', grid: 0, place: '金韋花園 7 棟 1 單元', pin: [370, 330], duties: '保持樓道清潔暢通，每月檢查一次應急燈。' },
	{ key: 'fire', name: '消防通道', kind: 'other_area', grid: 0, place: '金韋花園環形道路', pin: [560, 300], notAdoptable: '由物業公司每日巡查維護，居民發現佔用可直接撥打物業電話或上報網格員。', duties: '' },
	{ key: 'bed9', name: '9 棟門前花壇', kind: 'green', grid: 0, place: '金韋花園 9 棟大門兩側', pin: [160, 280], duties: '澆水、除草，補種枯死的花苗（花苗由居委會提供）。' },
	{ key: 'play', name: '兒童遊樂設施', kind: 'pocket_park', grid: 1, place: '韋園新村中心廣場', pin: [780, 375], termMonths: 1, duties: '每週檢查滑梯、鞦韆有無鬆動，清理沙池中的雜物。' },
	{ key: 'lobby', name: '長者活動室門前', kind: 'other_area', grid: 1, place: '韋園新村 12 棟一樓', pin: [700, 255], duties: '保持門前無障礙通道暢通，雨天放置防滑墊。' },
	{ key: 'captain3', name: '3 棟樓棟長', kind: 'building_captain', grid: 0, place: '金韋花園 3 棟', pin: [160, 130], duties: '收集本棟居民意見，轉達社區通知。' }
];

const SHUANGSHUI: { name: string; kind: string; place: string; duties: string; priority?: boolean }[] = [
	{ name: '雙水灣親子草坪', kind: 'green', place: '雙水灣 2 期中庭', duties: '撿拾垃圾，提醒遛狗居民清理狗糞。', priority: true },
	{ name: '水岸花城 6 棟樓道', kind: 'stairwell', place: '水岸花城 6 棟', duties: '保持樓道暢通，勸導移走堆放的嬰兒車和雜物。' },
	{ name: '垃圾分類督導（雙水灣）', kind: 'sorting_watch', place: '雙水灣東門投放點', duties: '每週兩晚督導分類投放。' },
	{ name: '社區宣傳欄', kind: 'notice_board', place: '社區服務中心門前', duties: '每兩週更新一次內容。' }
];

const NOTES = ['撿了兩袋垃圾，清理了煙頭。', '拔除雜草，整理了花壇邊緣。', '澆水一次，發現一個噴頭漏水，已拍照。', '清掃座椅和地面。', '上門看望了陳婆婆，身體不錯，說想參加社區的長者飯堂。', '勸導三戶居民移走了樓道裡的紙箱。', '督導投放，大部分居民分類正確，有兩戶廚餘沒有破袋。'];

export async function seedAreas(db: Db, ids: DemoIds, now: number) {
	const actor = (username: string) => loadActor(db, db.select().from(users).where(eq(users.id, ids.user[username])).get()!, null);
	const committee = actor('committee1');
	const jinwei = { communityId: ids.community.jinwei };
	const start = now - 150 * DAY;

	// the plan, and the catalogue, five months ago
	must(await uploadPlan(db, committee, jinwei, { plan: [{ name: 'jinwei-plan.png', bytes: new Uint8Array(planPicture()) }] }, start), 'plan');
	const areaIds = new Map<string, number>();
	for (const a of JINWEI) {
		const form = {
			name: a.name,
			kind: a.kind,
			gridId: String(ids.grids.jinwei[a.grid]),
			place: a.place,
			duties: a.duties,
			capacity: String(a.capacity ?? 1),
			termMonths: String(a.termMonths ?? 12),
			minCareDays: '30',
			priority: a.priority ? 'on' : '',
			notAdoptable: a.notAdoptable ? 'on' : '',
			notAdoptableReason: a.notAdoptable ?? '',
			photo: []
		};
		const id = must(await createArea(db, committee, jinwei, form, start), a.name).id;
		areaIds.set(a.key, id);
		// the click that put it there, on the plan as the placing form draws it
		const h = drawnHeight({ width: PLAN_W, height: PLAN_H });
		const click = { areaId: String(id), 'pin.x': String(Math.round((a.pin[0] / PLAN_W) * PLAN_DRAWN_WIDTH)), 'pin.y': String(Math.round((a.pin[1] / PLAN_H) * h)) };
		must(placePin(db, committee, { ...jinwei, id }, click, start), `pin ${a.name}`);
	}
	const area = (key: string) => ({ ...jinwei, id: areaIds.get(key)! });

	// the volunteer team
	const team = must(createTeam(db, actor('resident5'), jinwei, { name: '金韋志願隊', description: '金韋花園的鄰居自發組成，每週六上午一起打掃小遊園、探訪長者。歡迎加入！', named: 'on' }, start + DAY), 'team').id;
	must(reviewTeam(db, committee, { ...jinwei, id: team }, { decision: 'approve' }, start + 2 * DAY), 'approve team');
	for (const [who, named] of [['resident6', 'on'], ['resident7', 'on'], ['resident8', '']] as const) must(joinTeam(db, actor(who), { ...jinwei, id: team }, { named }, start + 3 * DAY), `join ${who}`);

	let photoSeed = 1;
	/** Care every `every` days from `from` until `until`, by `who` in turn; the first log of each month with a photo. */
	async function care(key: string, claimId: number, who: string[], from: number, until: number, every: number, kind = 'cleaning') {
		let i = 0;
		const thanker = who.includes('resident3') ? 'resident2' : 'resident3';
		for (let at = from; at <= until; at += every * DAY, i++) {
			const photos = i % 3 === 0 ? [carePhoto(photoSeed++, Math.min(1, (at - from) / (until - from + 1)))] : [];
			const form = { caredOn: chinaDate(at), minutes: String(30 + ((i * 17) % 90)), people: String(1 + (i % 3)), kind, note: NOTES[(i + key.length) % NOTES.length], photos };
			const logged = must(await logCare(db, actor(who[i % who.length]), { ...area(key), claimId }, form, at + 3_600_000), `care ${key}`);
			if (i % 2 === 0) must(thankLog(db, actor(thanker), { ...area(key), logId: logged.logId }, {}, at + 5 * 3_600_000), 'thanks');
			if (i % 4 === 1) must(checkLog(db, committee, { ...area(key), logId: logged.logId }, {}, at + DAY), 'check');
		}
	}
	const claim = (key: string, who: string, at: number, input: Record<string, string> = {}) => must(claimArea(db, actor(who), area(key), input, at), `claim ${key}`).claimId;

	// looked after, by a person, a household and the team, with care every one to three weeks
	await care('green3', claim('green3', 'resident1', start + 5 * DAY), ['resident1'], start + 8 * DAY, now - 2 * DAY, 12, 'weeding');
	await care('stair5', claim('stair5', 'resident2', start + 10 * DAY, { for: 'household' }), ['resident2'], start + 15 * DAY, now - 6 * DAY, 20, 'patrol');
	await care('park', claim('park', 'resident5', start + 6 * DAY, { for: 'team', teamId: String(team) }), ['resident5', 'resident6', 'resident7'], start + 7 * DAY, now - DAY, 7);
	await care('elders', claim('elders', 'resident6', start + 20 * DAY, { for: 'team', teamId: String(team) }), ['resident6', 'resident8'], start + 25 * DAY, now - 4 * DAY, 14, 'visit');
	await care('captain8', claim('captain8', 'resident4', start + 30 * DAY), ['resident4'], start + 40 * DAY, now - 10 * DAY, 25, 'other');
	// overdue: the last care was 40 days ago
	await care('shed', claim('shed', 'resident3', now - 75 * DAY), ['resident3'], now - 70 * DAY, now - 40 * DAY, 15, 'repair');
	// lapsed: claimed three months ago, cared for once, then nothing
	await care('board', claim('board', 'resident7', now - 100 * DAY), ['resident7'], now - 95 * DAY, now - 95 * DAY, 30);
	// given up after a month
	const bed = claim('bed9', 'resident8', now - 60 * DAY);
	await care('bed9', bed, ['resident8'], now - 55 * DAY, now - 35 * DAY, 10, 'watering');
	must(releaseClaim(db, actor('resident8'), { ...area('bed9'), claimId: bed }, {}, now - 30 * DAY), 'release');
	// a one-month term that ended last week, kept up: it may be renewed
	await care('play', claim('play', 'resident1', now - 37 * DAY), ['resident1'], now - 35 * DAY, now - 9 * DAY, 9, 'repair');
	// a claim waiting for approval, made while the community asked claims to be approved
	must(configureAreas(db, committee, jinwei, { maxActiveClaims: '5', approveClaims: 'on' }, now - 3 * DAY), 'approve on');
	claim('stair7', 'resident2', now - 2 * DAY);
	must(configureAreas(db, committee, jinwei, { maxActiveClaims: '5', approveClaims: '' }, now - 2 * DAY + 60_000), 'approve off');

	// what time has done since: overdue claims at risk, the old one lapsed, the short term expired
	runAreaLapses(db, now);

	// 雙水社區: a catalogue nobody has claimed from yet
	const shuangshui = { communityId: ids.community.shuangshui };
	for (const a of SHUANGSHUI) {
		const form = { name: a.name, kind: a.kind, gridId: String(ids.grids.shuangshui[0]), place: a.place, duties: a.duties, priority: a.priority ? 'on' : '', photo: [] };
		must(await createArea(db, actor('street'), shuangshui, form, now - 20 * DAY), a.name);
	}
}
