// Reads for the areas pages, each a fixed number of statements however many areas, claims and logs there are:
// the catalogue with its plan and coverage, one area with its claims and care logs.
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { grids } from '../org/schema';
import type { CommunityRecord } from '../org/records';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';
import { isDuty, LIVE_CLAIM_STATES, type AreaState, type ClaimantKind, type ClaimState } from '../../codes';
import { areaClaims, areaPhotos, areaPlans, areas, careLogs, carePhotos, claimNudges, teamMembers, teams } from './schema';
import { householdKeyOf, residencyOf, settingsOf, type Area, type Claim, type ClaimRecord } from './records';
import { areaState, chinaWeek, claimStatus, hoursOf, type Interval } from './rules';
import { currentShare, heldIntervals, monthlyCoverage, sharesBy, type CoverageArea } from './coverage';
import type { AreaListQuery } from './validation';

export const AREAS_PAGE_SIZE = 50;

const live = (state: string) => (LIVE_CLAIM_STATES as readonly string[]).includes(state);

export type Claimant = { kind: ClaimantKind; name: string };
/** Who a claim is for, as people read it: the person, their household (named after them), or the team. */
const claimantOf = (c: { claimantKind: ClaimantKind; userName: string; teamName: string | null }): Claimant => ({
	kind: c.claimantKind,
	name: c.claimantKind === 'team' ? (c.teamName ?? '') : c.userName
});

export function currentPlanOf(db: DbOrTx, communityId: number) {
	return db
		.select({ id: areaPlans.id, width: areaPlans.width, height: areaPlans.height, createdAt: areaPlans.createdAt })
		.from(areaPlans)
		.where(eq(areaPlans.communityId, communityId))
		.orderBy(desc(areaPlans.id))
		.limit(1)
		.get();
}

export function gridsOf(db: DbOrTx, communityId: number) {
	return db.select({ id: grids.id, name: grids.name }).from(grids).where(eq(grids.communityId, communityId)).orderBy(asc(grids.id)).all();
}

export type AreaItem = {
	id: number;
	name: string;
	kind: Area['kind'];
	gridId: number | null;
	gridName: string | null;
	place: string;
	capacity: number;
	priority: boolean;
	adoptable: boolean;
	pinX: number | null;
	pinY: number | null;
	state: AreaState;
	/** Live claims (pending, active, at risk): the places taken. */
	taken: number;
	claimants: Claimant[];
};

/**
 * Every area of a community in use, with its state on the plan and who holds it (four statements: areas, live
 * claims, each area's last ended claim, and held intervals for the trend come from `catalogue`).
 */
export function areaItems(db: DbOrTx, communityId: number): { items: AreaItem[]; all: (CoverageArea & { held: boolean })[] } {
	const rows = db
		.select({
			id: areas.id,
			name: areas.name,
			kind: areas.kind,
			gridId: areas.gridId,
			gridName: grids.name,
			place: areas.place,
			capacity: areas.capacity,
			priority: areas.priority,
			adoptable: areas.adoptable,
			pinX: areas.pinX,
			pinY: areas.pinY,
			retiredAt: areas.retiredAt,
			createdAt: areas.createdAt
		})
		.from(areas)
		.leftJoin(grids, eq(grids.id, areas.gridId))
		.where(eq(areas.communityId, communityId))
		.orderBy(desc(areas.priority), asc(areas.name), asc(areas.id))
		.all();
	const claims = db
		.select({ areaId: areaClaims.areaId, state: areaClaims.state, claimantKind: areaClaims.claimantKind, userName: users.displayName, teamName: teams.name })
		.from(areaClaims)
		.innerJoin(users, eq(users.id, areaClaims.userId))
		.leftJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(and(eq(areaClaims.communityId, communityId), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.orderBy(asc(areaClaims.id))
		.all();
	// each area's most recent ended claim: an area whose last claim lapsed shows as lapsed until claimed again
	const lastEnded = db.all<{ areaId: number; state: ClaimState }>(sql`
		select area_id as areaId, state from (
			select area_id, state, row_number() over (partition by area_id order by ended_at desc, id desc) as n
			from area_claims where community_id = ${communityId} and ended_at is not null and state <> 'declined'
		) where n = 1`);
	const ended = new Map(lastEnded.map((r) => [r.areaId, r.state]));
	const byArea = new Map<number, typeof claims>();
	for (const c of claims) {
		const list = byArea.get(c.areaId);
		if (list) list.push(c);
		else byArea.set(c.areaId, [c]);
	}
	const all = rows.map((a) => {
		const mine = byArea.get(a.id) ?? [];
		const state = areaState(a, mine.map((c) => c.state), ended.get(a.id) ?? null);
		return { ...a, state, taken: mine.length, claimants: mine.map(claimantOf), held: mine.some((c) => c.state === 'active' || c.state === 'at_risk') };
	});
	return { items: all.filter((a) => a.retiredAt === null), all };
}

const matches = (q: AreaListQuery) => (a: AreaItem) =>
	(q.grid === 'all' || (q.grid === 'none' ? a.gridId === null : a.gridId === q.grid)) &&
	(q.kind === 'all' || (q.kind === 'duties' ? isDuty(a.kind) : q.kind === 'areas' ? !isDuty(a.kind) : a.kind === q.kind)) &&
	(q.state === 'all' || a.state === q.state);

/** The catalogue page: the plan's pins and the list (filtered), coverage now by grid and kind, and its trend. */
export function catalogue(db: DbOrTx, community: CommunityRecord, q: AreaListQuery, now: number) {
	const { items, all } = areaItems(db, community.id);
	const shown = items.filter(matches(q));
	const pages = Math.max(1, Math.ceil(shown.length / AREAS_PAGE_SIZE));
	const page = Math.min(q.page, pages);
	const gridList = gridsOf(db, community.id);
	const gridName = new Map(gridList.map((g) => [g.id, g.name]));
	const held = heldIntervals(db, community.id);
	return {
		plan: currentPlanOf(db, community.id) ?? null,
		grids: gridList,
		// only what a pin draws: with hundreds of areas the whole item, sent twice (HTML and data), weighed 160 KB
		pins: shown.flatMap(({ id, name, state, pinX, pinY }) => (pinX !== null && pinY !== null ? [{ id, name, state, pinX, pinY }] : [])),
		items: shown.slice((page - 1) * AREAS_PAGE_SIZE, page * AREAS_PAGE_SIZE),
		total: shown.length,
		page,
		pages,
		counts: countStates(items),
		coverage: coverageOf(all, held, gridName, now)
	};
}

function countStates(items: AreaItem[]): Record<AreaState, number> {
	const out = { claimed: 0, pending: 0, at_risk: 0, lapsed: 0, priority: 0, open: 0, not_adoptable: 0 } satisfies Record<AreaState, number>;
	for (const a of items) out[a.state]++;
	return out;
}

/** Coverage now (overall, by grid, areas and duties by kind) and month by month over the last twelve months. */
export function coverageOf(all: (CoverageArea & { held: boolean })[], held: Map<number, Interval[]>, gridName: Map<number, string>, now: number) {
	const adoptable = all.filter((a) => a.adoptable);
	const year = new Date(now + 8 * 3_600_000);
	const from = Date.UTC(year.getUTCFullYear(), year.getUTCMonth() - 11, 1) - 8 * 3_600_000;
	return {
		now: currentShare(all),
		byGrid: sharesBy(all, (a) => (a.gridId === null ? '' : (gridName.get(a.gridId) ?? ''))).map((g) => ({ ...g, grid: g.key })),
		byKind: sharesBy(all, (a) => a.kind).map((g) => ({ ...g, kind: g.key as Area['kind'] })),
		trend: monthlyCoverage(adoptable, held, from, now)
	};
}

// ── One area ─────────────────────────────────────────────────────────────────────────────────────────────

type ClaimRow = Claim & { userName: string; teamName: string | null };

/**
 * Claims with what their rules need — participants and counted care days — in three statements for all of them:
 * team members, household members (one query for every address), care days.
 */
export function withParticipants(db: DbOrTx, area: Area, community: CommunityRecord, claims: ClaimRow[]): (ClaimRecord & { row: ClaimRow })[] {
	if (!claims.length) return [];
	const teamIds = [...new Set(claims.flatMap((c) => (c.teamId === null ? [] : [c.teamId])))];
	const members = teamIds.length ? db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds)).all() : [];
	const keys = [...new Set(claims.flatMap((c) => (c.householdKey === null ? [] : [c.householdKey])))];
	const addresses = keys.map((k) => JSON.parse(k) as [string, string, string]);
	const household = addresses.length
		? db
				.select({ userId: memberships.userId, compound: memberships.compound, building: memberships.building, unit: memberships.unit })
				.from(memberships)
				.where(
					and(
						eq(memberships.communityId, community.id),
						inArray(memberships.role, RESIDENT_ROLES),
						eq(memberships.status, 'verified'),
						or(...addresses.map(([compound, building, unit]) => and(eq(memberships.compound, compound), eq(memberships.building, building), eq(memberships.unit, unit))))
					)
				)
				.all()
		: [];
	const days = db
		.selectDistinct({ claimId: careLogs.claimId, day: careLogs.caredOn })
		.from(careLogs)
		.where(and(inArray(careLogs.claimId, claims.map((c) => c.id)), ne(careLogs.state, 'rejected')))
		.all();
	return claims.map((row) => {
		const others =
			row.teamId !== null
				? members.filter((m) => m.teamId === row.teamId).map((m) => m.userId)
				: row.householdKey !== null
					? household.filter((h) => householdKeyOf(h) === row.householdKey).map((h) => h.userId)
					: [];
		return {
			area,
			community,
			claim: row,
			row,
			participants: [...new Set([row.userId, ...others])],
			careDays: days.filter((d) => d.claimId === row.id).map((d) => d.day)
		};
	});
}

export const LOGS_PAGE_SIZE = 20;
const HISTORY = 20;

/** An area's page: its grid and plan, live claims and the last ones, care logs (a page of them) with photos and thanks. */
export function areaDetail(db: DbOrTx, area: Area, community: CommunityRecord, viewerId: number | null, logPage: number, now: number) {
	const grid = area.gridId === null ? null : (db.select({ name: grids.name }).from(grids).where(eq(grids.id, area.gridId)).get()?.name ?? null);
	const claimRows: ClaimRow[] = db
		.select({ ...CLAIM_COLUMNS, userName: users.displayName, teamName: teams.name })
		.from(areaClaims)
		.innerJoin(users, eq(users.id, areaClaims.userId))
		.leftJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(eq(areaClaims.areaId, area.id))
		.orderBy(sql`case when ${areaClaims.state} in ('pending', 'active', 'at_risk') then 0 else 1 end`, desc(areaClaims.claimedAt), desc(areaClaims.id))
		.limit(area.capacity + HISTORY)
		.all();
	const claims = withParticipants(db, area, community, claimRows);
	const totals = db
		.select({ logs: count(), minutes: sql<number>`coalesce(sum(${careLogs.minutes}), 0)` })
		.from(careLogs)
		.where(and(eq(careLogs.areaId, area.id), ne(careLogs.state, 'rejected')))
		.get() ?? { logs: 0, minutes: 0 };
	const allLogs = db.select({ n: count() }).from(careLogs).where(eq(careLogs.areaId, area.id)).get()?.n ?? 0;
	const logPages = Math.max(1, Math.ceil(allLogs / LOGS_PAGE_SIZE));
	const pageNo = Math.min(Math.max(1, logPage), logPages);
	const logs = db
		.select({
			id: careLogs.id,
			claimId: careLogs.claimId,
			authorId: careLogs.authorId,
			authorName: users.displayName,
			caredOn: careLogs.caredOn,
			minutes: careLogs.minutes,
			people: careLogs.people,
			kind: careLogs.kind,
			note: careLogs.note,
			state: careLogs.state,
			rejectReason: careLogs.rejectReason,
			createdAt: careLogs.createdAt,
			thanks: sql<number>`(select count(*) from care_thanks t where t.log_id = ${careLogs.id})`,
			thanked: viewerId === null ? sql<number>`0` : sql<number>`exists (select 1 from care_thanks t where t.log_id = ${careLogs.id} and t.user_id = ${viewerId})`
		})
		.from(careLogs)
		.innerJoin(users, eq(users.id, careLogs.authorId))
		.where(eq(careLogs.areaId, area.id))
		.orderBy(desc(careLogs.caredOn), desc(careLogs.id))
		.limit(LOGS_PAGE_SIZE)
		.offset((pageNo - 1) * LOGS_PAGE_SIZE)
		.all();
	const photos = logs.length
		? db
				.select({ id: carePhotos.id, logId: carePhotos.logId })
				.from(carePhotos)
				.where(inArray(carePhotos.logId, logs.map((l) => l.id)))
				.orderBy(asc(carePhotos.logId), asc(carePhotos.position))
				.all()
		: [];
	const atRisk = claims.filter((c) => c.claim.state === 'at_risk').map((c) => c.claim.id);
	const nudged = atRisk.length
		? new Set(db.select({ claimId: claimNudges.claimId }).from(claimNudges).where(and(inArray(claimNudges.claimId, atRisk), eq(claimNudges.week, chinaWeek(now)))).all().map((n) => n.claimId))
		: new Set<number>();
	return {
		grid,
		claims: claims.map((c) => ({ ...c, status: statusOf(c, now), nudgedThisWeek: nudged.has(c.claim.id) })),
		logs: logs.map((l) => ({ ...l, thanked: Boolean(l.thanked), photos: photos.filter((p) => p.logId === l.id).map((p) => p.id) })),
		logPage: pageNo,
		logPages,
		totals: { logs: totals.logs, hours: hoursOf(Number(totals.minutes)) }
	};
}

const CLAIM_COLUMNS = {
	id: areaClaims.id,
	areaId: areaClaims.areaId,
	communityId: areaClaims.communityId,
	userId: areaClaims.userId,
	claimantKind: areaClaims.claimantKind,
	teamId: areaClaims.teamId,
	householdKey: areaClaims.householdKey,
	state: areaClaims.state,
	claimedAt: areaClaims.claimedAt,
	startedAt: areaClaims.startedAt,
	termEndsAt: areaClaims.termEndsAt,
	atRiskAt: areaClaims.atRiskAt,
	endedAt: areaClaims.endedAt,
	endReason: areaClaims.endReason,
	decidedBy: areaClaims.decidedBy,
	renewedFromId: areaClaims.renewedFromId,
	updatedAt: areaClaims.updatedAt
};

/** A held claim's due dates as the rules see them now (the next log is due by `atRiskAt`). */
function statusOf(c: ClaimRecord, now: number) {
	const { claim, area, careDays } = c;
	if (!live(claim.state) || claim.startedAt === null || claim.termEndsAt === null) return null;
	return claimStatus({ startedAt: claim.startedAt, termEndsAt: claim.termEndsAt, careDays }, area.minCareDays, now);
}

/** What the claim form offers this person: their household, their approved teams, and how many claims they hold. */
export function claimOptions(db: DbOrTx, communityId: number, userId: number) {
	const address = residencyOf(db, communityId, userId);
	const myTeams = db
		.select({ id: teams.id, name: teams.name })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(and(eq(teamMembers.userId, userId), eq(teams.communityId, communityId), eq(teams.state, 'approved')))
		.orderBy(asc(teams.name))
		.all();
	const held = db
		.select({ n: count() })
		.from(areaClaims)
		.where(and(eq(areaClaims.communityId, communityId), eq(areaClaims.userId, userId), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.get()?.n ?? 0;
	return { household: !!(address && householdKeyOf(address)), teams: myTeams, held, max: settingsOf(db, communityId).maxActiveClaims };
}

/** The plan page: the plan, every area in use with its pin, and the community's claim rules. */
export function planPage(db: DbOrTx, communityId: number) {
	return {
		plan: currentPlanOf(db, communityId) ?? null,
		areas: db
			.select({ id: areas.id, name: areas.name, pinX: areas.pinX, pinY: areas.pinY })
			.from(areas)
			.where(and(eq(areas.communityId, communityId), isNull(areas.retiredAt)))
			.orderBy(asc(areas.name), asc(areas.id))
			.all(),
		settings: settingsOf(db, communityId)
	};
}

// ── Stored pictures, served by id ────────────────────────────────────────────────────────────────────────

export const areaPhotoById = (db: DbOrTx, id: number) =>
	db.select({ fileName: areaPhotos.fileName, contentType: areaPhotos.contentType }).from(areaPhotos).where(eq(areaPhotos.id, id)).get();
export const carePhotoById = (db: DbOrTx, id: number) =>
	db.select({ fileName: carePhotos.fileName, contentType: carePhotos.contentType }).from(carePhotos).where(eq(carePhotos.id, id)).get();
export const planById = (db: DbOrTx, id: number) =>
	db.select({ fileName: areaPlans.fileName, contentType: areaPlans.contentType }).from(areaPlans).where(eq(areaPlans.id, id)).get();
