// The committee desk's areas section: claims at risk and those ending this week, claims and teams waiting for
// approval, care logs to check, and priority areas nobody holds — five statements, whatever the numbers.
import { and, asc, count, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import { DAY } from '../db/time';
import { LIVE_CLAIM_STATES } from '../../codes';
import { areaClaims, areas, careLogs, teams } from './schema';
import { claimStatus } from './rules';

const WEEK = 7 * DAY;
export const DESK_LIMIT = 20;

export function areasDesk(db: DbOrTx, communityId: number, now: number) {
	const claims = db
		.select({
			id: areaClaims.id,
			state: areaClaims.state,
			claimantKind: areaClaims.claimantKind,
			startedAt: areaClaims.startedAt,
			termEndsAt: areaClaims.termEndsAt,
			claimedAt: areaClaims.claimedAt,
			areaId: areas.id,
			areaName: areas.name,
			minCareDays: areas.minCareDays,
			userName: users.displayName,
			teamName: teams.name,
			lastCare: sql<number | null>`(select max(l.cared_on) from care_logs l where l.claim_id = ${areaClaims.id} and l.state <> 'rejected')`
		})
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.innerJoin(users, eq(users.id, areaClaims.userId))
		.leftJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(and(eq(areaClaims.communityId, communityId), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.orderBy(asc(areaClaims.claimedAt))
		.all();
	const timed = claims.map((c) => {
		const claimant = c.claimantKind === 'team' ? (c.teamName ?? '') : c.userName;
		if (c.startedAt === null || c.termEndsAt === null) return { ...c, claimant, lapseAt: null, endsAt: null };
		const status = claimStatus({ startedAt: c.startedAt, termEndsAt: c.termEndsAt, careDays: c.lastCare === null ? [] : [c.lastCare] }, c.minCareDays, now);
		const lapseAt = 'lapseAt' in status ? status.lapseAt : now;
		return { ...c, claimant, lapseAt, endsAt: Math.min(lapseAt, c.termEndsAt) };
	});
	const atRisk = timed.filter((c) => c.state === 'at_risk').sort((a, b) => (a.lapseAt ?? 0) - (b.lapseAt ?? 0));
	// ending within seven days: a lapse that is due, or the end of a term
	const endingThisWeek = timed.filter((c) => c.endsAt !== null && c.endsAt <= now + WEEK).sort((a, b) => (a.endsAt ?? 0) - (b.endsAt ?? 0));
	const pending = timed.filter((c) => c.state === 'pending');

	const logs = db
		.select({ id: careLogs.id, areaId: careLogs.areaId, areaName: areas.name, authorName: users.displayName, caredOn: careLogs.caredOn, minutes: careLogs.minutes, kind: careLogs.kind })
		.from(careLogs)
		.innerJoin(areas, eq(areas.id, careLogs.areaId))
		.innerJoin(users, eq(users.id, careLogs.authorId))
		.where(and(eq(careLogs.communityId, communityId), eq(careLogs.state, 'submitted')))
		.orderBy(desc(careLogs.createdAt), desc(careLogs.id))
		.limit(DESK_LIMIT)
		.all();
	const logsWaiting = db.select({ n: count() }).from(careLogs).where(and(eq(careLogs.communityId, communityId), eq(careLogs.state, 'submitted'))).get()?.n ?? 0;
	const live = db
		.select({ id: areaClaims.id })
		.from(areaClaims)
		.where(and(eq(areaClaims.areaId, areas.id), inArray(areaClaims.state, LIVE_CLAIM_STATES)));
	const unclaimedPriority = db
		.select({ id: areas.id, name: areas.name, kind: areas.kind })
		.from(areas)
		.where(and(eq(areas.communityId, communityId), eq(areas.priority, true), eq(areas.adoptable, true), isNull(areas.retiredAt), notExists(live)))
		.orderBy(asc(areas.name))
		.limit(DESK_LIMIT)
		.all();
	const teamsWaiting = db
		.select({ id: teams.id, name: teams.name, createdAt: teams.createdAt })
		.from(teams)
		.where(and(eq(teams.communityId, communityId), eq(teams.state, 'pending')))
		.orderBy(asc(teams.createdAt))
		.all();
	return { atRisk, endingThisWeek, pending, logs, logsWaiting, unclaimedPriority, teamsWaiting };
}
