// Demo 實施 and 驗收: on jinwei's menu whose results are published, two chosen projects are built,
// photographed, paid for and accepted with resident representatives; a third is under way.
// Everything goes through the real commands, so audit rows and voters' notifications are there too.
// Without such a menu (the menus seed not run) it does nothing.
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { DAY } from '../../lib/server/db/time';
import { menus, menuProjects } from '../../lib/server/menus/schema';
import { users } from '../../lib/server/auth/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { acceptProject, addSpendingLine, postProgress, type PhotoUpload } from '../../lib/server/menus/implementation/commands';
import { encodePng, type Rgb } from '../../lib/server/media/png';
import type { Result } from '../../lib/server/result';
import type { DemoIds } from './foundation';
import { yuanText } from '../../lib/money';

/** A 480×360 picture of a works site: sky, the blocks of the estate behind, and the works `done` of the way up. */
export function sitePhoto(done: number, tone: Rgb): Buffer {
	const w = 480;
	const h = 360;
	const ground = 270;
	return encodePng(w, h, (x, y) => {
		if (y >= ground) return (x + y) % 24 < 12 ? [150, 150, 140] : [165, 165, 155]; // paving
		const block = (x % 120) < 90 && y > 60 + ((x / 120) | 0) * 20;
		const window = block && x % 15 < 8 && y % 22 < 11;
		const inWorks = x > 150 && x < 330 && y > ground - 150;
		const built = inWorks && y > ground - 150 * done;
		if (built) return (x - 150) % 30 < 2 || y % 25 < 2 ? [60, 60, 60] : tone;
		if (inWorks && ((x - 150) % 45 < 3 || y % 30 < 3)) return [200, 140, 40]; // scaffolding
		if (window) return [120, 150, 175];
		if (block) return [214, 208, 196];
		const sky = Math.round(40 * (y / ground));
		return [150 + sky, 200 + sky / 2, 240];
	});
}

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo implementation: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? {})}`);
	return result.value;
}

const photo = (done: number, tone: Rgb, n: number): PhotoUpload => ({ name: `site-${n}.png`, bytes: sitePhoto(done, tone) });

type Step = { at: number; percent: number; body: string; photos: PhotoUpload[] };

/** The share of a project's cost each line takes, and how far the actual bill strayed from the plan. */
const SPENDING: { item: string; share: number; drift: number }[] = [
	{ item: '材料及設備採購', share: 0.55, drift: -0.04 },
	{ item: '施工人工費', share: 0.3, drift: 0.02 },
	{ item: '設計、監理及檢測', share: 0.1, drift: 0 },
	{ item: '現場清理及安全圍蔽', share: 0.05, drift: 0.08 }
];

export async function seedImplementation(db: Db, ids: DemoIds, now: number) {
	const menu = db
		.select()
		.from(menus)
		.where(and(eq(menus.communityId, ids.community.jinwei), isNotNull(menus.resultsPublishedAt), eq(menus.source, 'native')))
		.orderBy(desc(menus.resultsPublishedAt), desc(menus.id))
		.get();
	if (!menu) return;
	const chosen = db
		.select()
		.from(menuProjects)
		.where(and(eq(menuProjects.menuId, menu.id), eq(menuProjects.selected, true)))
		.orderBy(desc(menuProjects.votes), asc(menuProjects.id))
		.all();
	const actorOf = (username: string) => loadActor(db, db.select().from(users).where(eq(users.id, ids.user[username])).get()!, null);
	const street = actorOf('street');
	const committee = actorOf('committee1');

	// The works run from a little after the results until a few days ago; acceptance follows.
	let from = menu.resultsPublishedAt! + 2 * DAY;
	let to = now - 3 * DAY;
	if (to - from < DAY) {
		from = menu.resultsPublishedAt! + 1;
		to = from + (now - from) * 0.6;
	}
	const at = (fraction: number) => Math.round(from + (to - from) * fraction);
	const acceptedAt = (i: number) => Math.round(to + ((now - to) * (i + 1)) / 3);

	const tones: Rgb[] = [
		[176, 58, 46],
		[46, 125, 50],
		[21, 101, 192]
	];
	for (const [i, project] of chosen.slice(0, 3).entries()) {
		const target = { communityId: ids.community.jinwei, menuId: menu.id, projectId: project.id };
		const cost = project.finalCost ?? project.estimatedCost;
		const tone = tones[i];
		const finished = i < 2;
		const steps: Step[] = finished
			? [
					{ at: at(0.1 + i * 0.05), percent: 15, body: '施工單位已進場，完成現場勘察和安全圍蔽，材料陸續到貨。', photos: [photo(0.1, tone, 1)] },
					{ at: at(0.45 + i * 0.05), percent: 60, body: '主體工程完成過半。施工期間部分通道臨時改道，請居民留意現場指示牌。', photos: [photo(0.55, tone, 2), photo(0.6, tone, 3)] },
					{ at: at(0.8 + i * 0.05), percent: 100, body: '全部完工，現場已清理乾淨，等待居委會會同居民代表驗收。', photos: [photo(1, tone, 4), photo(1, tone, 5)] }
				]
			: [{ at: at(0.7), percent: 40, body: '已完成方案設計並公示，施工隊本週進場，預計下月完工。', photos: [photo(0.4, tone, 1)] }];
		for (const step of steps) must(await postProgress(db, street, target, { percent: step.percent, body: step.body, photos: step.photos }, step.at), 'progress');

		SPENDING.forEach((line, n) => {
			// Amounts are fen: planned to the hundred yuan, paid to the jiao; typed into the form as yuan.
			const planned = Math.round((cost * line.share) / 10_000) * 10_000;
			const paid = finished || n < 2;
			const actual = paid ? yuanText(Math.round((planned * (1 + line.drift)) / 10) * 10) : '';
			must(addSpendingLine(db, street, target, { item: line.item, planned: yuanText(planned), actual }, at(0.3 + n * 0.15)), 'spending');
		});

		if (finished) {
			const remarks = [
				'現場查看了全部完工內容，質量符合設計要求，安全設施齊全。\n居民代表提出夜間照明再亮一些，施工方已答應兩週內調整。',
				'工程按計劃完成，用料與公示清單一致。建議物業每月巡查一次，發現損壞及時報修。'
			][i];
			const representatives = [
				['王秀英', '李建國', '趙桂蘭'],
				['張麗華', '陳美玲']
			][i];
			must(acceptProject(db, committee, target, { remarks, representatives }, acceptedAt(i)), 'acceptance');
		}
	}
}
