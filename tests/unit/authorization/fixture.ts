// One world for the authorization matrix, built once and copied for every case: the demo street, a second
// street with its own staff and residents, and one record of every kind to act on.
import { eq, sql } from 'drizzle-orm';
import { openDatabase, migrateDatabase, type Db } from '../../../src/lib/server/db/client';
import { seedFoundation, type DemoIds } from '../../../src/scripts/demo/foundation';
import { loadActor } from '../../../src/lib/server/residency/queries';
import { users } from '../../../src/lib/server/auth/schema';
import { communities, streets } from '../../../src/lib/server/org/schema';
import { memberships, scopeKeyOf } from '../../../src/lib/server/residency/schema';
import { menuProjects, menus } from '../../../src/lib/server/menus/schema';
import { projectSpending } from '../../../src/lib/server/menus/implementation/schema';
import { outbox } from '../../../src/lib/server/jobs/schema';
import { createProposal } from '../../../src/lib/server/proposals/commands';
import { openConsultation, postComment } from '../../../src/lib/server/consultations/commands';
import { hideComment } from '../../../src/lib/server/consultations/moderation';
import { openPropertyPeriod, rateSubject, hideRatingComment } from '../../../src/lib/server/ratings/commands';
import { openRatingSubject } from '../../../src/lib/server/ratings/subjects';
import { createScheme, takeSnapshot } from '../../../src/lib/server/evaluations/commands';
import { makeMenu } from '../menus/helpers';
import { claimArea } from '../../../src/lib/server/areas/claims';
import { createTeam, reviewTeam } from '../../../src/lib/server/areas/teams';
import { areaClaims, areaPlans, areas, careLogs } from '../../../src/lib/server/areas/schema';
import { DAY, chinaDate, chinaDayStart } from '../../../src/lib/server/db/time';
import { publishedMenu } from '../implementation/fixture';
import type { Actor } from '../../../src/lib/server/policy';
import type { World } from '../world';
import { buildDispatchRecords, type DispatchRecords } from './dispatch-fixture';

export const NOW = Date.UTC(2026, 10, 1, 2, 0, 0);

export type Records = {
	jinwei: number;
	street: number;
	grid: number;
	otherStreet: number;
	beyond: number;
	department: number;
	proposal: number;
	other: number;
	thread: number;
	major: number;
	comment: number;
	hidden: number;
	collecting: number;
	candidate: number;
	voting: number;
	votingProject: number;
	counted: number;
	published: number;
	project: number;
	completed: number;
	spendingLine: number;
	application: number;
	gridWorkerMembership: number;
	streetStaffMembership: number;
	deadEffect: number;
	/** An open 物業 rating period of jinwei, with a rating carrying a comment and one whose comment is hidden. */
	property: number;
	commented: number;
	hiddenRating: number;
	/** A handled report's rating subject, for its reporter resident1. */
	report: number;
	/** An ended period with a draft snapshot, and the scheme version that has not started yet. */
	evaluationPeriod: string;
	futureVersion: number;
	area: number;
	heldArea: number;
	heldClaim: number;
	riskArea: number;
	riskClaim: number;
	pendingClaimArea: number;
	pendingClaim: number;
	careLog: number;
	team: number;
	pendingTeam: number;
	dispatch: DispatchRecords;
};

/** A scheme form: every indicator of the default, with small minimums so the fixture's few residents count. */
export const schemeForm = (firstPeriod: string) => ({
	periodKind: 'quarter',
	firstPeriod,
	note: '測試方案',
	satisfaction_weight: '30',
	satisfaction_target: '80',
	satisfaction_minN: '1',
	dispatch_resolution_weight: '20',
	dispatch_resolution_target: '90',
	dispatch_resolution_minN: '1',
	proposals_on_time_weight: '20',
	proposals_on_time_target: '90',
	proposals_on_time_minN: '1',
	vote_participation_weight: '15',
	vote_participation_target: '30',
	vote_participation_minN: '1',
	coverage_weight: '15',
	coverage_target: '60',
	coverage_minN: '1'
});

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
	if (!r.ok) throw new Error(`fixture: ${r.error}`);
	return r.value;
};

function build(db: Db): { ids: DemoIds; records: Records } {
	const ids = seedFoundation(db, 'x', NOW);
	const actor = actorsOf(db);
	const w: World = { db, ids, now: NOW, actor };
	const jinwei = ids.community.jinwei;
	// A second street, with a community, its committee, a resident and its street staff.
	const otherStreet = db.insert(streets).values({ slug: 'dongmen', name: '東門街道', createdAt: NOW - 90 * DAY }).returning().get().id;
	const beyond = db.insert(communities).values({ streetId: otherStreet, slug: 'beyond', name: '東門社區', createdAt: NOW - 90 * DAY }).returning().get().id;
	const person = (username: string, role: 'street_staff' | 'committee' | 'resident') => {
		const user = db.insert(users).values({ username, displayName: username, passwordHash: 'x', createdAt: NOW - 80 * DAY }).returning().get();
		const communityId = role === 'street_staff' ? null : beyond;
		db.insert(memberships).values({ userId: user.id, role, status: 'verified', communityId, streetId: otherStreet, scopeKey: scopeKeyOf({ communityId, streetId: otherStreet }), createdAt: NOW - 80 * DAY }).run();
	};
	// a grid worker of jinwei's second grid who does not live in the community: no resident's powers
	const gridOnly = db.insert(users).values({ username: 'grid_only', displayName: 'grid_only', passwordHash: 'x', createdAt: NOW - 80 * DAY }).returning().get();
	db.insert(memberships).values({ userId: gridOnly.id, role: 'grid_worker', status: 'verified', communityId: jinwei, streetId: ids.streetId, gridId: ids.grids.jinwei[1], scopeKey: scopeKeyOf({ communityId: jinwei }), createdAt: NOW - 80 * DAY }).run();
	person('street_b', 'street_staff');
	person('committee_b', 'committee');
	person('resident_b', 'resident');

	const proposal = must(createProposal(db, actor('resident1'), { communityId: jinwei }, { title: '三棟樓道堆物', body: '樓道堆放雜物，擋住通道。', category: 'safety' }, NOW)).id;
	const other = must(createProposal(db, actor('resident2'), { communityId: jinwei }, { title: '另一個議題的標題', body: '這是另一個議題的內容。', category: 'other' }, NOW)).id;
	const thread = must(openConsultation(db, actor('committee1'), { communityId: jinwei }, { topic: '口袋公園改造', background: '請大家發表意見和建議。' }, NOW)).id;
	const major = must(openConsultation(db, actor('committee1'), { communityId: jinwei }, { topic: '8 棟加裝電梯', background: '重大事項，按四議兩公開辦理。', major: 'on' }, NOW)).id;
	const comment = must(postComment(db, actor('resident2'), { communityId: jinwei, id: thread }, { body: '我支持改造。', stance: 'support' }, NOW)).id;
	const hidden = must(postComment(db, actor('resident2'), { communityId: jinwei, id: thread }, { body: '要被隱藏的留言', stance: 'oppose' }, NOW)).id;
	must(hideComment(db, actor('committee1'), { communityId: jinwei, id: thread }, { commentId: hidden, reason: '離題' }, NOW));

	const collecting = makeMenu(w, 'collect');
	const candidate = db.insert(menuProjects).values({ menuId: collecting.menu.id, title: '候選項目', estimatedCost: 50_000, submittedBy: ids.user.resident1, createdAt: NOW - DAY }).returning().get().id;
	const voting = makeMenu(w, 'vote');
	const counted = makeMenu(w, 'results');
	const published = publishedMenu(w);
	db.update(menuProjects).set({ implementationState: 'in_progress', progressPercent: 50 }).where(eq(menuProjects.id, published.projects.a)).run();
	db.update(menuProjects).set({ implementationState: 'completed', progressPercent: 100 }).where(eq(menuProjects.id, published.projects.b)).run();
	const spendingLine = db
		.insert(projectSpending)
		.values({ projectId: published.projects.a, item: '燈具', planned: 10_000, actual: null, authorId: ids.user.street, createdAt: NOW, updatedAt: NOW })
		.returning()
		.get().id;
	void menus;

	const property = must(
		openPropertyPeriod(db, actor('committee1'), { communityId: jinwei }, { title: '2026 年第四季物業服務', opensOn: chinaDate(NOW - 5 * DAY), closesOn: chinaDate(NOW + 25 * DAY) }, NOW - 5 * DAY)
	).id;
	const onProperty = { communityId: jinwei, kind: 'property' as const, subjectId: property };
	const commented = must(rateSubject(db, actor('resident2'), onProperty, { overall: '2', comment: '垃圾清運不及時。' }, NOW - DAY)).ratingId;
	const hiddenRating = must(rateSubject(db, actor('resident5'), onProperty, { overall: '1', comment: '要被隱藏的評價留言' }, NOW - DAY)).ratingId;
	must(hideRatingComment(db, actor('committee1'), onProperty, { ratingId: hiddenRating, reason: '人身攻擊' }, NOW - DAY));
	const report = 9001;
	db.transaction((tx) => openRatingSubject(tx, { kind: 'report', subjectId: report, communityId: jinwei, title: '3 棟路燈不亮', link: '/c/jinwei/reports/9001', raterId: ids.user.resident1 }, NOW - DAY));
	must(createScheme(db, actor('street'), { streetId: ids.streetId }, schemeForm('2026Q2'), NOW - 250 * DAY));
	const futureVersion = must(createScheme(db, actor('street'), { streetId: ids.streetId }, schemeForm('2027Q1'), NOW)).version;
	must(takeSnapshot(db, actor('street'), { streetId: ids.streetId, periodKey: '2026Q3' }, {}, NOW));

	const membershipOf = (username: string) => db.select().from(memberships).where(eq(memberships.userId, ids.user[username])).get()!.id;
	// 建設共管: an open area, one held by resident1 (with a care log), one at risk, a claim waiting for approval,
	// a plan to pin on, an approved team of resident1's and one waiting
	// (rows written directly: the commands that make areas and logs decode photos, and this world is built synchronously)
	const newArea = (name: string) =>
		db.insert(areas).values({ communityId: jinwei, gridId: ids.grids.jinwei[0], name, kind: 'green', createdBy: ids.user.committee1, createdAt: NOW - 30 * DAY, updatedAt: NOW - 30 * DAY }).returning().get().id;
	const area = newArea('3 棟東側綠地');
	const heldArea = newArea('5 棟樓道');
	const riskArea = newArea('北門車棚');
	const pendingClaimArea = newArea('中心小遊園');
	const heldClaim = must(claimArea(db, actor('resident1'), { communityId: jinwei, id: heldArea }, {}, NOW - 10 * DAY)).claimId;
	const careLog = db
		.insert(careLogs)
		.values({ claimId: heldClaim, areaId: heldArea, communityId: jinwei, authorId: ids.user.resident1, caredOn: chinaDayStart(chinaDate(NOW - 5 * DAY)), minutes: 60, kind: 'cleaning', note: '撿了兩袋垃圾。', createdAt: NOW - 5 * DAY })
		.returning()
		.get().id;
	const riskClaim = must(claimArea(db, actor('resident1'), { communityId: jinwei, id: riskArea }, {}, NOW - 40 * DAY)).claimId;
	db.update(areaClaims).set({ state: 'at_risk', atRiskAt: NOW - 9 * DAY }).where(eq(areaClaims.id, riskClaim)).run();
	const pendingClaim = db
		.insert(areaClaims)
		.values({ areaId: pendingClaimArea, communityId: jinwei, userId: ids.user.resident2, claimantKind: 'person', state: 'pending', claimedAt: NOW - DAY, updatedAt: NOW - DAY })
		.returning()
		.get().id;
	db.insert(areaPlans).values({ communityId: jinwei, fileName: 'plan-fixture.png', contentType: 'image/png', width: 1440, height: 1080, size: 1000, createdAt: NOW - 30 * DAY }).run();
	const team = must(createTeam(db, actor('resident1'), { communityId: jinwei }, { name: '金韋志願隊', description: '', named: 'on' }, NOW - 20 * DAY)).id;
	must(reviewTeam(db, actor('committee1'), { communityId: jinwei, id: team }, { decision: 'approve' }, NOW - 19 * DAY));
	const pendingTeam = must(createTeam(db, actor('resident2'), { communityId: jinwei }, { name: '韋園護綠隊', description: '', named: 'on' }, NOW - DAY)).id;

	const deadEffect = db.insert(outbox).values({ kind: 'webhook', payload: '{}', state: 'dead', attempts: 8, nextAttemptAt: NOW, createdAt: NOW }).returning().get().id;
	const dispatch = buildDispatchRecords(db, ids, actor, NOW);
	return {
		ids,
		records: {
			jinwei,
			street: ids.streetId,
			grid: ids.grids.jinwei[0],
			otherStreet,
			beyond,
			department: ids.department['城管執法隊'],
			proposal,
			other,
			thread,
			major,
			comment,
			hidden,
			collecting: collecting.menu.id,
			candidate,
			voting: voting.menu.id,
			votingProject: voting.ids[0],
			counted: counted.menu.id,
			published: published.menuId,
			project: published.projects.a,
			completed: published.projects.b,
			spendingLine,
			application: membershipOf('newcomer'),
			gridWorkerMembership: membershipOf('grid1'),
			streetStaffMembership: membershipOf('street'),
			deadEffect,
			property,
			commented,
			hiddenRating,
			report,
			evaluationPeriod: '2026Q3',
			futureVersion,
			area,
			heldArea,
			heldClaim,
			riskArea,
			riskClaim,
			pendingClaimArea,
			pendingClaim,
			careLog,
			team,
			pendingTeam,
			dispatch
		}
	};
}

function actorsOf(db: Db) {
	return (username: string): Actor => {
		const user = db.select().from(users).where(eq(users.username, username)).get();
		if (!user) throw new Error(`no user ${username}`);
		return loadActor(db, user, '127.0.0.1');
	};
}

let image: { bytes: Buffer; ids: DemoIds; records: Records } | undefined;

/** A fresh copy of the matrix world (built on first use, then copied byte for byte). */
export function matrixWorld(): World & { records: Records; close(): void } {
	if (!image) {
		const { db, sqlite } = openDatabase(':memory:');
		migrateDatabase(db);
		const built = build(db);
		image = { bytes: sqlite.serialize(), ...built };
		sqlite.close();
	}
	const { db, sqlite } = openDatabase(image.bytes);
	return { db, ids: image.ids, now: NOW, actor: actorsOf(db), records: image.records, close: () => sqlite.close() };
}

/** Every row of every table: a refusal must leave this exactly as it was. (The search indexes follow their tables by triggers.) */
export function everything(db: Db): string {
	const tables = db.all<{ name: string }>(
		sql`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' order by name`
	);
	return JSON.stringify(tables.map(({ name }) => [name, db.all(sql.raw(`select * from "${name}" order by rowid`))]));
}
