// Demo 效果共評 and 社區評價: the finished menu's accepted projects rated by the residents who voted (one with
// enough answers for a satisfaction rate, one still 樣本不足); an open 物業 rating period in 金韋 with comments,
// one hidden by the committee; and the street's scheme with two past quarters published for the three
// communities — 雙水 with too few ratings, so its satisfaction indicator is dropped — and the current one running.
// Everything goes through the real commands with backdated clocks.
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { chinaDate, DAY, HOUR } from '../../lib/server/db/time';
import { users } from '../../lib/server/auth/schema';
import { memberships, scopeKeyOf } from '../../lib/server/residency/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { writeAudit } from '../../lib/server/audit/log';
import type { Actor } from '../../lib/server/policy';
import type { Result } from '../../lib/server/result';
import { hideRatingComment, openPropertyPeriod, rateSubject } from '../../lib/server/ratings/commands';
import { runRatingInvitations } from '../../lib/server/ratings/subjects';
import { ratingSubjects } from '../../lib/server/ratings/schema';
import { createScheme, publishSnapshot, setAwards, takeSnapshot } from '../../lib/server/evaluations/commands';
import { periodContaining, previousPeriod, type Period } from '../../lib/server/evaluations/periods';
import { DEFAULT_INDICATORS } from '../../lib/server/evaluations/schemes';
import type { DemoIds } from './foundation';

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo evaluations: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? result.params ?? {})}`);
	return result.value;
}

/** Verified residents of 鳳凰山 and 雙水, so that their communities have people to rate. */
const RESIDENTS: Record<'fenghuangshan' | 'shuangshui', [string, string, string, string, string][]> = {
	fenghuangshan: [
		['fhs01', '譚秀蘭', '鳳凰苑', '2', '1-202'],
		['fhs02', '歐陽明', '鳳凰苑', '3', '2-501'],
		['fhs03', '梁淑儀', '山腳新村', '1', '1-101'],
		['fhs04', '鍾志偉', '山腳新村', '4', '3-302'],
		['fhs05', '葉麗珍', '鳳凰苑', '6', '2-401'],
		['fhs06', '彭國華', '山腳新村', '2', '1-602'],
		['fhs07', '蔡美華', '鳳凰苑', '8', '1-301'],
		['fhs08', '潘建軍', '山腳新村', '5', '2-201'],
		['fhs09', '袁小紅', '鳳凰苑', '1', '3-101'],
		['fhs10', '蘇德明', '山腳新村', '3', '1-402'],
		['fhs11', '丁桂芬', '鳳凰苑', '5', '2-702']
	],
	shuangshui: [
		['ss01', '江浩然', '雙水灣', '1', '1-1501'],
		['ss02', '韓思琪', '水岸花城', '3', '2-902'],
		['ss03', '魏俊宇', '雙水灣', '5', '3-1203'],
		['ss04', '姚雨桐', '水岸花城', '6', '1-601']
	]
};

function seedResidents(db: Db, ids: DemoIds, since: number, passwordHash: string) {
	db.transaction((tx) => {
		for (const slug of ['fenghuangshan', 'shuangshui'] as const) {
			const people = RESIDENTS[slug];
			const communityId = ids.community[slug];
			people.forEach(([username, name, compound, building, unit], i) => {
				const applied = since - (40 - i) * DAY;
				const user = tx.insert(users).values({ username, displayName: name, passwordHash, createdAt: applied - HOUR }).returning().get();
				ids.user[username] = user.id;
				const gridIndex = compound === '鳳凰苑' || compound === '雙水灣' ? 0 : 1;
				const m = tx
					.insert(memberships)
					.values({
						userId: user.id,
						role: 'resident',
						status: 'verified',
						communityId,
						streetId: ids.streetId,
						scopeKey: scopeKeyOf({ communityId }),
						gridId: ids.grids[slug][gridIndex],
						compound,
						building,
						unit,
						decidedBy: ids.user.street,
						decidedAt: applied + DAY,
						createdAt: applied
					})
					.returning()
					.get();
				writeAudit(tx, { userId: user.id, ip: null }, { action: 'residency.apply', subjectType: 'membership', subjectId: m.id, communityId, streetId: ids.streetId, summary: { compound, building, unit } }, applied);
				writeAudit(tx, { userId: ids.user.street, ip: null }, { action: 'residency.review', subjectType: 'membership', subjectId: m.id, communityId, streetId: ids.streetId, summary: { applicant: user.id, decision: 'verify' } }, applied + DAY);
			});
		}
	});
}

const JINWEI_RATERS = ['resident1', 'resident2', 'resident3', 'resident4', 'resident5', 'resident6', 'resident7', 'resident8', ...Array.from({ length: 14 }, (_, i) => `neighbor${String(i + 1).padStart(2, '0')}`)];
const RATERS: Record<'jinwei' | 'fenghuangshan' | 'shuangshui', string[]> = {
	jinwei: JINWEI_RATERS,
	fenghuangshan: ['resident9', ...RESIDENTS.fenghuangshan.map((r) => r[0])],
	shuangshui: RESIDENTS.shuangshui.map((r) => r[0])
};
/** Marks cycled over the raters: 金韋 mostly satisfied, 鳳凰山 more mixed. */
const MARKS: Record<string, number[]> = { jinwei: [5, 4, 4, 5, 3, 4, 5, 2, 4, 4], fenghuangshan: [4, 5, 3, 4, 5, 4, 2, 4], shuangshui: [4, 5, 3, 4] };
const COMMENTS = [
	'樓道比以前乾淨多了，垃圾也清得及時。',
	'保安晚上巡邏可以再勤一點，**停車場**那邊有點暗。',
	'報修水管第二天就來了，師傅態度很好。',
	'綠化帶的草好久沒修剪，希望多留意。',
	'整體不錯，繼續保持！'
];

export async function seedEvaluations(db: Db, ids: DemoIds, now: number, passwordHash: string) {
	const actors = new Map<string, Actor>();
	const as = (username: string): Actor => {
		let a = actors.get(username);
		if (!a) actors.set(username, (a = loadActor(db, db.select().from(users).where(eq(users.username, username)).get()!, null)));
		return a;
	};
	const current = periodContaining('quarter', now);
	const past = [previousPeriod(previousPeriod(current)), previousPeriod(current)];
	seedResidents(db, ids, past[0].startsAt, passwordHash);

	// the scheme: the default weights, with minimums a street of this size reaches
	const form: Record<string, string> = { periodKind: 'quarter', firstPeriod: past[0].key, note: '首版方案：居民滿意度佔比最大（30%）。吹哨派單和建設共管的數據接入後自動計入。' };
	for (const d of DEFAULT_INDICATORS) {
		form[`${d.indicator}_weight`] = String(d.weight);
		form[`${d.indicator}_target`] = String(d.targetPercent);
		form[`${d.indicator}_minN`] = String(d.indicator === 'satisfaction' || d.indicator === 'vote_participation' ? 10 : d.minN);
	}
	must(createScheme(db, as('street'), { streetId: ids.streetId }, form, past[0].startsAt - 7 * DAY), 'scheme');

	// two past quarters: a 物業 rating in each community, rated by its residents, then computed and published
	past.forEach((q: Period, n) => {
		for (const slug of ['jinwei', 'fenghuangshan', 'shuangshui'] as const) {
			const raters = RATERS[slug];
			const opensAt = q.startsAt + 10 * DAY;
			const title = `${q.year} 年第 ${q.index} 季物業服務`;
			const period = must(
				openPropertyPeriod(db, as('street'), { communityId: ids.community[slug] }, { title, opensOn: chinaDate(opensAt), closesOn: chinaDate(opensAt + 29 * DAY) }, opensAt),
				`open ${slug} ${q.key}`
			);
			const target = { communityId: ids.community[slug], kind: 'property' as const, subjectId: period.id };
			// one fewer rater in the earlier quarter, so the trend moves
			raters.slice(0, raters.length - (n === 0 ? 2 : 0)).forEach((username, i) => {
				const overall = MARKS[slug][(i + n) % MARKS[slug].length];
				must(rateSubject(db, as(username), target, { overall: String(overall), cleanliness: String(Math.max(1, overall - (i % 2))) }, opensAt + (i + 1) * 5 * HOUR), `rate ${slug}`);
			});
		}
		const at = { streetId: ids.streetId, periodKey: q.key };
		must(takeSnapshot(db, as('street'), at, {}, q.endsAt + 2 * DAY), `snapshot ${q.key}`);
		must(setAwards(db, as('street'), at, { pool: '100000', floor: '10000', cap: '70000' }, q.endsAt + 3 * DAY), `awards ${q.key}`);
		must(publishSnapshot(db, as('street'), at, {}, q.endsAt + 4 * DAY), `publish ${q.key}`);
	});

	// the finished menu's accepted projects open for rating; the residents rate them
	runRatingInvitations(db, now - HOUR);
	const projects = db.select().from(ratingSubjects).where(eq(ratingSubjects.kind, 'project')).all();
	projects.forEach((p, n) => {
		const target = { communityId: p.communityId, kind: 'project' as const, subjectId: p.subjectId };
		const raters = JINWEI_RATERS.slice(0, n === 0 ? 14 : 6);
		raters.forEach((username, i) => {
			const overall = [5, 4, 5, 4, 3, 5, 4, 4, 2, 5][(i + n) % 10];
			const comment = i % 4 === 0 ? ['座椅很結實，老人家坐著舒服。', '晚上亮多了，走路安心。', '希望多加幾個扶手。', '施工期間噪音有點大，但結果很好。'][(i / 4 + n) % 4] : '';
			must(
				rateSubject(db, as(username), target, { overall: String(overall), quality: String(overall), timeliness: String(Math.max(1, overall - 1)), usefulness: String(overall), comment }, Math.max(p.opensAt, now - 20 * HOUR) + i * 30 * 60_000),
				'rate project'
			);
		});
	});

	// 物業 in 金韋 now: open for five more weeks, rated with comments, one hidden by the committee
	const opensAt = now - 5 * DAY;
	const period = must(
		openPropertyPeriod(db, as('committee1'), { communityId: ids.community.jinwei }, { title: `${current.year} 年第 ${current.index} 季物業服務`, note: '請就樓道清潔、門崗安保、報修速度和綠化養護打分。', opensOn: chinaDate(opensAt), closesOn: chinaDate(now + 30 * DAY) }, opensAt),
		'open 物業 now'
	);
	const property = { communityId: ids.community.jinwei, kind: 'property' as const, subjectId: period.id };
	let hide = 0;
	JINWEI_RATERS.slice(0, 12).forEach((username, i) => {
		const overall = MARKS.jinwei[i % 10];
		const comment = i % 3 === 0 ? COMMENTS[(i / 3) % COMMENTS.length] : i === 7 ? '物業經理電話 138-0000-0000 根本打不通！' : '';
		const rated = must(
			rateSubject(db, as(username), property, { overall: String(overall), cleanliness: String(overall), security: String(Math.max(1, overall - 1)), repairs: String(overall), greenery: String(Math.max(1, overall - (i % 2))), comment }, opensAt + (i + 2) * 6 * HOUR),
			'rate 物業'
		);
		if (i === 7) hide = rated.ratingId;
	});
	must(hideRatingComment(db, as('committee1'), property, { ratingId: String(hide), reason: '含有個人電話號碼' }, now - DAY), 'hide comment');
}
