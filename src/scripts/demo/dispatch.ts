// Demo 吹哨派單: the service catalogue and about twenty-five reports across the three communities, in every state —
// one escalated after three returns and then led, one reopened, two overdue, one that came through the Open311 API
// with the demo key — each moved through the real commands with backdated clocks, so timelines, inboxes, the audit
// log and the figures read as they would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { DAY, HOUR } from '../../lib/server/db/time';
import { users } from '../../lib/server/auth/schema';
import { streets } from '../../lib/server/org/schema';
import { memberships, scopeKeyOf } from '../../lib/server/residency/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { encodePng } from '../../lib/server/media/png';
import type { Actor } from '../../lib/server/policy';
import type { Result } from '../../lib/server/result';
import { fileReport } from '../../lib/server/dispatch/filing';
import { closeAtTriage, dispatchReport, handleOnSpot } from '../../lib/server/dispatch/triage';
import { acceptReport, noteProgress, replyToReport, returnReport } from '../../lib/server/dispatch/handling';
import { nameLead, verifyReport } from '../../lib/server/dispatch/verification';
import { rateReport } from '../../lib/server/ratings/commands';
import { runDispatchJobs } from '../../lib/server/dispatch/jobs';
import { insertKey } from '../../lib/server/dispatch/open311/keys';
import { fileThroughApi } from '../../lib/server/dispatch/open311/file';
import { seedDispatchCatalogue } from './dispatch-catalogue';
import type { DemoIds } from './foundation';

/** The demo's Open311 key, printed when the demo starts (a real key is made on the street's desk and shown once). */
export const DEMO_OPEN311_KEY = process.env.DEMO_OPEN311_KEY ?? 'o311_demo_pingxiangmen_street_key';

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo dispatch: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? {})}`);
	return result.value;
}

/** A small picture of a street scene with something amiss (a dark lamp, a pile, a crack), as a PNG. */
function scene(kind: number): { name: string; bytes: Uint8Array } {
	const bytes = encodePng(320, 240, (x, y) => {
		if (y > 170) return (x + y) % 20 < 10 ? [120, 120, 115] : [135, 135, 130];
		if (kind === 0 && x > 150 && x < 160 && y > 40) return [70, 70, 70];
		if (kind === 0 && x > 135 && x < 175 && y > 30 && y < 45) return [40, 40, 40];
		if (kind === 1 && (x - 160) ** 2 / 3 + (y - 170) ** 2 < 1600 && y < 170) return [90 + (x % 7) * 8, 80, 60];
		if (kind === 2 && y > 168 && Math.abs(x - 160 - Math.sin(y / 9) * 30) < 4) return [30, 30, 30];
		return [170 + Math.round(y / 6), 205, 235];
	});
	return { name: `scene-${kind}.png`, bytes };
}

type Path =
	| 'reported'
	| 'dispatched'
	| 'accepted'
	| 'progress'
	| 'overdue'
	| 'returned'
	| 'escalated'
	| 'lead'
	| 'replied'
	| 'fixed'
	| 'reopened'
	| 'redone'
	| 'on_spot'
	| 'duplicate'
	| 'not_our_matter'
	| 'no_action'
	| 'unverified';

type Plan = { community: 'jinwei' | 'fenghuangshan' | 'shuangshui'; who: string; service: string; text: string; address: string; daysAgo: number; path: Path; photo?: number; answers?: Record<string, string | string[]> };

const PLANS: Plan[] = [
	{ community: 'jinwei', who: 'resident1', service: 'streetlight', text: '3 棟和 5 棟之間的路燈連續三個晚上不亮，老人晚上散步看不清台階。', address: '金韋花園 3 棟與 5 棟之間', daysAgo: 1, path: 'reported', photo: 0, answers: { fault: '1', pole: 'JW-017' } },
	{ community: 'jinwei', who: 'resident2', service: 'garbage', text: '商業街後巷的垃圾桶已經滿出來兩天，有異味。', address: '金韋商業街後巷', daysAgo: 2, path: 'dispatched', photo: 1 },
	{ community: 'jinwei', who: 'resident3', service: 'road_damage', text: '韋園路人行道有一塊地磚翹起，已經有人絆倒。', address: '韋園路 12 號門前', daysAgo: 3, path: 'progress', photo: 2 },
	{ community: 'jinwei', who: 'resident4', service: 'garbage', text: '8 棟樓下的大件垃圾（舊沙發）放了一個星期沒人收。', address: '韋園新村 8 棟樓下', daysAgo: 12, path: 'overdue' },
	{ community: 'jinwei', who: 'resident5', service: 'noise', text: '商業街一家店每晚十點後還用喇叭播音樂，影響休息。', address: '金韋商業街 18 號', daysAgo: 22, path: 'overdue' },
	{ community: 'jinwei', who: 'resident6', service: 'illegal_building', text: '商業街 2 號頂樓在搭鐵皮棚，擔心不安全。', address: '金韋商業街 2 號頂樓', daysAgo: 9, path: 'escalated' },
	{ community: 'jinwei', who: 'resident7', service: 'water_leak', text: '韋園新村 3 棟外牆水管漏水，牆面發霉。', address: '韋園新村 3 棟外牆', daysAgo: 14, path: 'lead' },
	{ community: 'jinwei', who: 'resident8', service: 'greenery', text: '9 棟旁的大樹樹枝壓到二樓窗戶，颳風時很響。', address: '金韋花園 9 棟旁', daysAgo: 6, path: 'replied' },
	{ community: 'jinwei', who: 'resident1', service: 'fire_lane', text: '消防通道又被汽車堵住了，消防車進不來。', address: '金韋花園 3 棟消防通道', daysAgo: 20, path: 'fixed', answers: { blocked_by: ['1', '2'] } },
	{ community: 'jinwei', who: 'resident2', service: 'garbage', text: '垃圾分類點的廚餘桶沒有蓋子，招老鼠。', address: '金韋花園 5 棟垃圾分類點', daysAgo: 10, path: 'reopened' },
	{ community: 'jinwei', who: 'resident3', service: 'streetlight', text: '韋園新村大門口的燈白天也亮著。', address: '韋園新村大門口', daysAgo: 25, path: 'redone', answers: { fault: '3' } },
	{ community: 'jinwei', who: 'grid1', service: 'garbage', text: '巡查發現 1 棟樓道口堆了幾袋建築垃圾。', address: '金韋花園 1 棟樓道口', daysAgo: 5, path: 'on_spot' },
	{ community: 'jinwei', who: 'resident4', service: 'streetlight', text: '3 棟和 5 棟之間的路燈不亮。', address: '金韋花園 3 棟旁', daysAgo: 1, path: 'duplicate', answers: { fault: '1' } },
	{ community: 'jinwei', who: 'resident5', service: 'noise', text: '樓上鄰居晚上拖椅子的聲音很大。', address: '金韋花園 7 棟', daysAgo: 8, path: 'not_our_matter' },
	{ community: 'jinwei', who: 'resident6', service: 'greenery', text: '草地上有一片枯黃。', address: '金韋花園中心花園', daysAgo: 30, path: 'unverified' },
	{ community: 'fenghuangshan', who: 'resident9', service: 'road_damage', text: '上山的台階有一級斷裂，扶手也鬆了。', address: '鳳凰苑後山步道', daysAgo: 4, path: 'accepted' },
	{ community: 'fenghuangshan', who: 'resident9', service: 'water_leak', text: '鳳凰苑 6 棟樓頂水箱溢水，樓道濕滑。', address: '鳳凰苑 6 棟', daysAgo: 7, path: 'returned' },
	{ community: 'fenghuangshan', who: 'resident9', service: 'fire_lane', text: '山腳新村的消防通道被攤檔佔用。', address: '山腳新村入口', daysAgo: 15, path: 'fixed', answers: { blocked_by: ['4'] } },
	{ community: 'fenghuangshan', who: 'resident9', service: 'streetlight', text: '步道中段的路燈一閃一閃。', address: '鳳凰苑後山步道中段', daysAgo: 2, path: 'reported', answers: { fault: '2' } },
	{ community: 'fenghuangshan', who: 'resident9', service: 'greenery', text: '樹倒了，但已經有人搬走。', address: '鳳凰苑 2 棟', daysAgo: 3, path: 'no_action' },
	{ community: 'shuangshui', who: 'shuangshui1', service: 'noise', text: '水岸花城工地晚上 11 點後還在打樁。', address: '水岸花城南側工地', daysAgo: 5, path: 'dispatched' },
	{ community: 'shuangshui', who: 'shuangshui1', service: 'garbage', text: '雙水灣幼兒園門口的垃圾桶滿了。', address: '雙水灣幼兒園門口', daysAgo: 18, path: 'fixed' },
	{ community: 'shuangshui', who: 'shuangshui1', service: 'road_damage', text: '停車場出口減速帶脫落，螺絲露在外面。', address: '雙水灣地下停車場出口', daysAgo: 6, path: 'replied' }
];

/** The one resident of 雙水 the demo needs to report there. */
function shuangshuiResident(db: Db, ids: DemoIds, now: number, passwordHash: string): number {
	const communityId = ids.community.shuangshui;
	const user = db.insert(users).values({ username: 'shuangshui1', displayName: '何嘉怡', passwordHash, createdAt: now - 60 * DAY }).returning().get();
	db.insert(memberships)
		.values({ userId: user.id, role: 'resident', status: 'verified', communityId, streetId: ids.streetId, scopeKey: scopeKeyOf({ communityId, streetId: ids.streetId }), gridId: ids.grids.shuangshui[0], compound: '雙水灣', building: '2', unit: '1-1501', decidedBy: ids.user.street, decidedAt: now - 59 * DAY, createdAt: now - 60 * DAY })
		.run();
	ids.user.shuangshui1 = user.id;
	return user.id;
}

export async function seedDispatch(db: Db, ids: DemoIds, now: number, passwordHash: string) {
	seedDispatchCatalogue(db, ids, now - 120 * DAY);
	shuangshuiResident(db, ids, now, passwordHash);
	const actor = (username: string): Actor => loadActor(db, db.select().from(users).where(eq(users.username, username)).get()!, null);
	const committeeOf = { jinwei: 'committee1', fenghuangshan: 'committee2', shuangshui: 'street' } as const;
	const dept = (name: '城管執法隊' | '市政維護中心' | '住建局') => String(ids.department[name]);
	let original = 0;

	for (const plan of PLANS) {
		const t0 = now - plan.daysAgo * DAY;
		const communityId = ids.community[plan.community];
		const at = { communityId, id: 0 };
		const answers = Object.fromEntries(Object.entries(plan.answers ?? {}).map(([code, v]) => [`attribute[${code}]`, v]));
		const input = { service: plan.service, description: plan.text, address: plan.address, photos: plan.photo === undefined ? [] : [scene(plan.photo)], ...answers };
		at.id = must(await fileReport(db, actor(plan.who), { communityId }, input, t0), `file ${plan.text}`).id;
		if (plan.path === 'reported') {
			if (plan.service === 'streetlight' && plan.community === 'jinwei') original = at.id;
			continue;
		}
		const committee = actor(committeeOf[plan.community]);
		const step = (h: number) => t0 + h * HOUR;
		if (plan.path === 'duplicate' || plan.path === 'not_our_matter' || plan.path === 'no_action') {
			const note = { duplicate: '同一盞路燈已有報告在處理，請關注那一份。', not_our_matter: '鄰里之間的噪音不屬於平台受理範圍，居委會會上門協調。', no_action: '樹已被清走，現場無需再處理。' }[plan.path];
			must(closeAtTriage(db, committee, at, { reason: plan.path, note, duplicateOfId: plan.path === 'duplicate' ? String(original) : '' }, step(2)), 'close');
			continue;
		}
		if (plan.path === 'on_spot') {
			must(await handleOnSpot(db, actor('grid1'), at, { note: '已叫物業把建築垃圾搬走，樓道口已清空。', photos: [] }, step(1)), 'on the spot');
			must(verifyReport(db, actor(plan.who), at, { decision: 'fixed' }, step(5)), 'verify');
			continue;
		}
		const service = plan.service;
		const department = service === 'water_leak' ? dept('住建局') : ['streetlight', 'road_damage', 'greenery'].includes(service) ? dept('市政維護中心') : dept('城管執法隊');
		const dispatch = (h: number, to = department) => must(dispatchReport(db, committee, at, { departmentId: to }, step(h)), 'dispatch');
		// only 城管執法隊 has a demo account (dept1); the other departments act through their street's staff accounts
		const handler = department === dept('城管執法隊') ? actor('dept1') : departmentActor(db, ids, department, passwordHash, now);
		const desk = { streetId: ids.streetId, id: at.id };
		if (plan.path === 'escalated' || plan.path === 'lead') {
			for (let i = 0; i < 3; i++) {
				dispatch(2 + i * 20);
				must(returnReport(db, handler, desk, { reason: ['不屬於本部門職責，建議轉住建局。', '屋頂搭建需先由規劃部門認定。', '本部門沒有執法權限，請街道協調。'][i] }, step(10 + i * 20)), 'return');
			}
			if (plan.path === 'lead') {
				must(nameLead(db, actor('street'), desk, { departmentId: department }, step(70)), 'lead');
				must(acceptReport(db, handler, desk, {}, step(72)), 'accept lead');
				must(noteProgress(db, handler, desk, { note: '已約業主和物業下週一同檢查水管。' }, step(80)), 'progress');
			}
			continue;
		}
		dispatch(2);
		if (plan.path === 'dispatched') continue;
		if (plan.path === 'returned') {
			must(returnReport(db, handler, desk, { reason: '屋頂水箱屬物業管理範圍，請先聯繫物業。' }, step(6)), 'return');
			continue;
		}
		// the overdue ones were accepted late, once their day had gone
		must(acceptReport(db, handler, desk, {}, step(plan.path === 'overdue' ? 30 : 4)), 'accept');
		if (plan.path === 'accepted' || plan.path === 'overdue') continue;
		must(noteProgress(db, handler, desk, { note: '已安排人員到現場查看。' }, step(8)), 'progress');
		if (plan.path === 'progress') continue;
		must(await replyToReport(db, handler, desk, { note: '已處理完畢，請核查。', photos: [] }, step(24)), 'reply');
		if (plan.path === 'replied' || plan.path === 'unverified') continue;
		if (plan.path === 'reopened' || plan.path === 'redone') {
			must(verifyReport(db, actor(plan.who), at, { decision: 'not_fixed', reason: '去看過了，問題還在，請再處理。' }, step(30)), 'not fixed');
			if (plan.path === 'reopened') continue;
			must(await replyToReport(db, handler, desk, { note: '已更換感應器，白天不會再亮。', photos: [] }, step(60)), 'reply again');
		}
		must(verifyReport(db, actor(plan.who), at, { decision: 'fixed' }, step(plan.path === 'redone' ? 70 : 40)), 'fixed');
		// 滿意 (3), or 基本滿意 (2) for the one that took a second visit
		const rated = { communityId: at.communityId, kind: 'report' as const, subjectId: at.id };
		must(rateReport(db, actor(plan.who), rated, { overall: plan.path === 'redone' ? '2' : '3' }, step(plan.path === 'redone' ? 71 : 41)), 'rate');
	}

	// the reply nobody checked for two weeks closes as unverified; overdue ones are reminded (催辦)
	runDispatchJobs(db, now);

	// a report from another system, through Open311 with the demo key
	const street = db.select().from(streets).where(eq(streets.id, ids.streetId)).get()!;
	insertKey(db, ids.streetId, '12345 市民熱線（示範）', ids.user.street, now - 30 * DAY, DEMO_OPEN311_KEY);
	const fields = { api_key: DEMO_OPEN311_KEY, service_code: 'road_damage', address_id: 'jinwei', address_string: '金韋街與韋園路路口', lat: '22.5431', long: '114.0579', description: '市民來電：路口井蓋鬆動，車輛經過時響聲很大。', first_name: '陳', phone: '138 0000 0000' };
	const posted = fileThroughApi(db, street, fields, '127.0.0.1', now - 3 * HOUR);
	if (!posted.ok) throw new Error(`demo dispatch: Open311 post failed: ${JSON.stringify(posted.errors)}`);
}

/** An account for a department that has none in the foundation (市政維護中心, 住建局), so its steps are its own. */
function departmentActor(db: Db, ids: DemoIds, departmentId: string, passwordHash: string, now: number): Actor {
	const username = departmentId === String(ids.department['市政維護中心']) ? 'dept2' : 'dept3';
	const existing = db.select().from(users).where(eq(users.username, username)).get();
	const user =
		existing ??
		db
			.insert(users)
			.values({ username, displayName: username === 'dept2' ? '市政維護中心' : '住建局', passwordHash, createdAt: now - 100 * DAY })
			.returning()
			.get();
	if (!existing) {
		db.insert(memberships)
			.values({ userId: user.id, role: 'department', status: 'verified', communityId: null, streetId: ids.streetId, departmentId: Number(departmentId), scopeKey: scopeKeyOf({ communityId: null, streetId: ids.streetId }), decidedBy: ids.user.street, decidedAt: now - 99 * DAY, createdAt: now - 100 * DAY })
			.run();
		ids.user[username] = user.id;
	}
	return loadActor(db, user, null);
}
