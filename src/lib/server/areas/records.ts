// Areas, claims, care logs and teams as commands load them: always within the community the URL names, with
// what their rules need (an area's live claims, a claim's participants and care days, a team's members).
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { communities } from '../org/schema';
import type { CommunityRecord } from '../org/records';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';
import { LIVE_CLAIM_STATES } from '../../codes';
import { areaClaims, areas, areaSettings, careLogs, teamMembers, teams } from './schema';

export type Area = typeof areas.$inferSelect;
export type Claim = typeof areaClaims.$inferSelect;
export type CareLog = typeof careLogs.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type LiveClaim = Pick<Claim, 'id' | 'userId' | 'teamId' | 'householdKey' | 'state'>;

export type AreaRecord = { area: Area; community: CommunityRecord; live: LiveClaim[] };
export type ClaimRecord = { area: Area; community: CommunityRecord; claim: Claim; participants: number[]; careDays: number[] };
export type LogRecord = { area: Area; community: CommunityRecord; claim: Claim; log: CareLog };
export type TeamRecord = { team: Team; community: CommunityRecord; memberIds: number[] };

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

export const areaLink = (c: { slug: string }, id: number) => `/c/${c.slug}/areas/${id}`;

/** The area `id` of community `communityId` (retired ones too: their pages stay), with its live claims. */
export function loadArea(db: DbOrTx, target: { communityId: number; id: number }): AreaRecord | undefined {
	if (!validId(target.id)) return undefined;
	const row = db
		.select({ area: areas, community: communities })
		.from(areas)
		.innerJoin(communities, eq(communities.id, areas.communityId))
		.where(and(eq(areas.id, target.id), eq(areas.communityId, target.communityId)))
		.get();
	if (!row) return undefined;
	const live = db
		.select({ id: areaClaims.id, userId: areaClaims.userId, teamId: areaClaims.teamId, householdKey: areaClaims.householdKey, state: areaClaims.state })
		.from(areaClaims)
		.where(and(eq(areaClaims.areaId, row.area.id), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.all();
	return { ...row, live };
}

/** Where an area is, as the policy sees it: its community, street and grid. */
const placeOf = ({ area, community }: { area: Area; community: CommunityRecord }): Subject => ({
	communityId: community.id,
	streetId: community.streetId,
	gridId: area.gridId
});
export const areaSubject = (r: AreaRecord): Subject => placeOf(r);

// ── Households ───────────────────────────────────────────────────────────────────────────────────────────

export type Address = { compound: string | null; building: string | null; unit: string | null };

/** A household is the people of one address (compound, building, unit) as the committee verified it. */
export function householdKeyOf(a: Address): string | null {
	const parts = [a.compound, a.building, a.unit].map((p) => (p ?? '').trim());
	return parts.every((p) => p !== '') ? JSON.stringify(parts) : null;
}

/** The verified residents of a community living at a household's address. */
export function householdMembers(db: DbOrTx, communityId: number, key: string): number[] {
	const [compound, building, unit] = JSON.parse(key) as [string, string, string];
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(
			and(
				eq(memberships.communityId, communityId),
				inArray(memberships.role, RESIDENT_ROLES),
				eq(memberships.status, 'verified'),
				eq(memberships.compound, compound),
				eq(memberships.building, building),
				eq(memberships.unit, unit)
			)
		)
		.all()
		.map((r) => r.userId);
}

/** This person's verified address in the community (their household), or null. */
export function residencyOf(db: DbOrTx, communityId: number, userId: number): Address | null {
	return (
		db
			.select({ compound: memberships.compound, building: memberships.building, unit: memberships.unit })
			.from(memberships)
			.where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId), inArray(memberships.role, RESIDENT_ROLES), eq(memberships.status, 'verified')))
			.get() ?? null
	);
}

export function teamMemberIds(db: DbOrTx, teamId: number): number[] {
	return db
		.select({ userId: teamMembers.userId })
		.from(teamMembers)
		.where(eq(teamMembers.teamId, teamId))
		.all()
		.map((r) => r.userId);
}

/** Who shares a claim: whoever made it, and their household or their team. */
export function participantsOf(db: DbOrTx, claim: Pick<Claim, 'userId' | 'claimantKind' | 'teamId' | 'householdKey' | 'communityId'>): number[] {
	const others =
		claim.claimantKind === 'team' && claim.teamId !== null
			? teamMemberIds(db, claim.teamId)
			: claim.claimantKind === 'household' && claim.householdKey !== null
				? householdMembers(db, claim.communityId, claim.householdKey)
				: [];
	return [...new Set([claim.userId, ...others])];
}

/** The days care was given under a claim, by logs that count (not rejected). */
export function careDaysOf(db: DbOrTx, claimId: number): number[] {
	return db
		.selectDistinct({ day: careLogs.caredOn })
		.from(careLogs)
		.where(and(eq(careLogs.claimId, claimId), ne(careLogs.state, 'rejected')))
		.all()
		.map((r) => r.day);
}

// ── Claims, logs, teams ──────────────────────────────────────────────────────────────────────────────────

/** A claim on the area the URL names, of its community, with its participants and care days. */
export function loadClaim(db: DbOrTx, target: { communityId: number; id: number; claimId: number }): ClaimRecord | undefined {
	if (!validId(target.id) || !validId(target.claimId)) return undefined;
	const row = db
		.select({ claim: areaClaims, area: areas, community: communities })
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.innerJoin(communities, eq(communities.id, areas.communityId))
		.where(and(eq(areaClaims.id, target.claimId), eq(areaClaims.areaId, target.id), eq(areas.communityId, target.communityId)))
		.get();
	if (!row) return undefined;
	return { ...row, participants: participantsOf(db, row.claim), careDays: careDaysOf(db, row.claim.id) };
}

/** Claims are acted on where their area is; their owner is whoever made them. */
export const claimSubject = (r: ClaimRecord): Subject => ({ ...placeOf(r), ownerId: r.claim.userId });

/** A care log of the area the URL names. */
export function loadLog(db: DbOrTx, target: { communityId: number; id: number; logId: number }): LogRecord | undefined {
	if (!validId(target.id) || !validId(target.logId)) return undefined;
	return db
		.select({ log: careLogs, claim: areaClaims, area: areas, community: communities })
		.from(careLogs)
		.innerJoin(areaClaims, eq(areaClaims.id, careLogs.claimId))
		.innerJoin(areas, eq(areas.id, careLogs.areaId))
		.innerJoin(communities, eq(communities.id, areas.communityId))
		.where(and(eq(careLogs.id, target.logId), eq(careLogs.areaId, target.id), eq(areas.communityId, target.communityId)))
		.get();
}

export const logSubject = (r: LogRecord): Subject => ({ ...placeOf(r), ownerId: r.log.authorId });

/** A volunteer team of the community the URL names, with its members. */
export function loadTeam(db: DbOrTx, target: { communityId: number; id: number }): TeamRecord | undefined {
	if (!validId(target.id)) return undefined;
	const row = db
		.select({ team: teams, community: communities })
		.from(teams)
		.innerJoin(communities, eq(communities.id, teams.communityId))
		.where(and(eq(teams.id, target.id), eq(teams.communityId, target.communityId)))
		.get();
	return row && { ...row, memberIds: teamMemberIds(db, row.team.id) };
}

export const teamSubject = ({ community }: TeamRecord): Subject => ({ communityId: community.id, streetId: community.streetId });

export const teamsLink = (c: { slug: string }) => `/c/${c.slug}/areas/teams`;

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_AREA_SETTINGS = { maxActiveClaims: 5, approveClaims: false } as const;
export type AreaSettings = { maxActiveClaims: number; approveClaims: boolean };

export function settingsOf(db: DbOrTx, communityId: number): AreaSettings {
	const row = db.select().from(areaSettings).where(eq(areaSettings.communityId, communityId)).get();
	return row ? { maxActiveClaims: row.maxActiveClaims, approveClaims: row.approveClaims } : { ...DEFAULT_AREA_SETTINGS };
}
