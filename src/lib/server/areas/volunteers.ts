// Volunteer hours (志願服務時長): the minutes of care logs that count (not rejected) add up per person — the logs they
// wrote — and per team — the logs written under the team's claims. Everyone who took part logs their own time, so
// nothing is counted twice. Teams, a person's claims and hours, and the community's top teams this year.
import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { communities } from '../org/schema';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';
import { LIVE_CLAIM_STATES } from '../../codes';
import { areaClaims, areas, careLogs, teamMembers, teams } from './schema';
import { householdKeyOf } from './records';
import { hoursOf } from './rules';

/** Midnight of 1 January, China time, of the year `now` is in. */
export function yearStart(now: number): number {
	return Date.UTC(new Date(now + 8 * 3_600_000).getUTCFullYear(), 0, 1) - 8 * 3_600_000;
}

const minutesSince = (from: number) => sql<number>`coalesce(sum(case when ${careLogs.caredOn} >= ${from} then ${careLogs.minutes} else 0 end), 0)`;
const minutesAll = sql<number>`coalesce(sum(${careLogs.minutes}), 0)`;

/** The teams page: every team with its members (names only of those who agreed), hours and live claims. */
export function teamsPage(db: DbOrTx, communityId: number, now: number) {
	const list = db
		.select({ id: teams.id, name: teams.name, description: teams.description, state: teams.state, createdBy: teams.createdBy, decisionReason: teams.decisionReason, createdAt: teams.createdAt })
		.from(teams)
		.where(eq(teams.communityId, communityId))
		.orderBy(asc(teams.state), asc(teams.name))
		.all();
	const ids = list.map((t) => t.id);
	const members = ids.length
		? db
				.select({ teamId: teamMembers.teamId, userId: teamMembers.userId, named: teamMembers.named, name: users.displayName })
				.from(teamMembers)
				.innerJoin(users, eq(users.id, teamMembers.userId))
				.where(inArray(teamMembers.teamId, ids))
				.orderBy(asc(teamMembers.joinedAt))
				.all()
		: [];
	const from = yearStart(now);
	const hours = ids.length
		? db
				.select({ teamId: areaClaims.teamId, year: minutesSince(from), all: minutesAll })
				.from(careLogs)
				.innerJoin(areaClaims, eq(areaClaims.id, careLogs.claimId))
				.where(and(inArray(areaClaims.teamId, ids), ne(careLogs.state, 'rejected')))
				.groupBy(areaClaims.teamId)
				.all()
		: [];
	const claims = ids.length
		? db
				.select({ teamId: areaClaims.teamId, areaId: areas.id, areaName: areas.name })
				.from(areaClaims)
				.innerJoin(areas, eq(areas.id, areaClaims.areaId))
				.where(and(inArray(areaClaims.teamId, ids), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
				.orderBy(asc(areas.name))
				.all()
		: [];
	return list.map((t) => {
		const mine = members.filter((m) => m.teamId === t.id);
		const h = hours.find((x) => x.teamId === t.id);
		return {
			...t,
			memberIds: mine.map((m) => m.userId),
			named: mine.filter((m) => m.named).map((m) => m.name),
			unnamed: mine.filter((m) => !m.named).length,
			hoursThisYear: hoursOf(Number(h?.year ?? 0)),
			hoursAll: hoursOf(Number(h?.all ?? 0)),
			claims: claims.filter((c) => c.teamId === t.id).map((c) => ({ id: c.areaId, name: c.areaName }))
		};
	});
}

/** The community page's top teams this year, by hours; members named only if they agreed. */
export function topTeams(db: DbOrTx, communityId: number, now: number, limit = 5) {
	const minutes = minutesSince(yearStart(now));
	const top = db
		.select({ id: teams.id, name: teams.name, minutes })
		.from(careLogs)
		.innerJoin(areaClaims, eq(areaClaims.id, careLogs.claimId))
		.innerJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(and(eq(teams.communityId, communityId), eq(teams.state, 'approved'), ne(careLogs.state, 'rejected'), gte(careLogs.caredOn, yearStart(now))))
		.groupBy(teams.id)
		.orderBy(desc(minutes), asc(teams.name))
		.limit(limit)
		.all();
	if (!top.length) return [];
	const members = db
		.select({ teamId: teamMembers.teamId, named: teamMembers.named, name: users.displayName })
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(inArray(teamMembers.teamId, top.map((t) => t.id)))
		.orderBy(asc(teamMembers.joinedAt))
		.all();
	return top.map((t) => {
		const mine = members.filter((m) => m.teamId === t.id);
		return { id: t.id, name: t.name, hours: hoursOf(Number(t.minutes)), members: mine.length, named: mine.filter((m) => m.named).map((m) => m.name) };
	});
}

/**
 * A person's page: their volunteer hours (this year and in all), and the claims they share — made by them, or held
 * by their household or one of their teams — live ones first (four statements).
 */
export function myAreas(db: DbOrTx, userId: number, now: number) {
	const from = yearStart(now);
	const hours = db
		.select({ year: minutesSince(from), all: minutesAll, logs: sql<number>`count(*)` })
		.from(careLogs)
		.where(and(eq(careLogs.authorId, userId), ne(careLogs.state, 'rejected')))
		.get();
	const keys = db
		.select({ communityId: memberships.communityId, compound: memberships.compound, building: memberships.building, unit: memberships.unit })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), inArray(memberships.role, RESIDENT_ROLES), eq(memberships.status, 'verified')))
		.all()
		.flatMap((m) => {
			const key = householdKeyOf(m);
			return key && m.communityId !== null ? [{ communityId: m.communityId, key }] : [];
		});
	const teamIds = db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)).all().map((t) => t.id);
	const shares = [
		eq(areaClaims.userId, userId),
		...(teamIds.length ? [inArray(areaClaims.teamId, teamIds)] : []),
		...keys.map((k) => and(eq(areaClaims.communityId, k.communityId), eq(areaClaims.householdKey, k.key)))
	];
	const claims = db
		.select({
			id: areaClaims.id,
			state: areaClaims.state,
			claimantKind: areaClaims.claimantKind,
			termEndsAt: areaClaims.termEndsAt,
			endedAt: areaClaims.endedAt,
			areaId: areas.id,
			areaName: areas.name,
			teamName: teams.name,
			communitySlug: communities.slug,
			communityName: communities.name
		})
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.innerJoin(communities, eq(communities.id, areaClaims.communityId))
		.leftJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(or(...shares))
		.orderBy(sql`case when ${areaClaims.state} in ('pending', 'active', 'at_risk') then 0 else 1 end`, desc(areaClaims.claimedAt))
		.limit(20)
		.all();
	return {
		hoursThisYear: hoursOf(Number(hours?.year ?? 0)),
		hoursAll: hoursOf(Number(hours?.all ?? 0)),
		logs: Number(hours?.logs ?? 0),
		claims
	};
}
