import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { memberships } from './schema';
import { communities, grids, streets } from '../org/schema';
import { users } from '../auth/schema';
import type { Actor, ActorMembership } from '../policy';

export function verifiedMemberships(db: DbOrTx, userId: number): ActorMembership[] {
	return db
		.select({ role: memberships.role, communityId: memberships.communityId, streetId: memberships.streetId, gridId: memberships.gridId, departmentId: memberships.departmentId })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.status, 'verified')))
		.all();
}

export function loadActor(
	db: DbOrTx,
	user: { id: number; username: string; displayName: string },
	ip: string | null
): Actor {
	return { userId: user.id, username: user.username, displayName: user.displayName, memberships: verifiedMemberships(db, user.id), ip };
}

/** Everything a person holds or asked for, newest first, with place names: for "my" pages. */
export function membershipsOfUser(db: DbOrTx, userId: number) {
	return db
		.select({
			id: memberships.id,
			role: memberships.role,
			status: memberships.status,
			compound: memberships.compound,
			building: memberships.building,
			unit: memberships.unit,
			department: memberships.department,
			decisionReason: memberships.decisionReason,
			decidedAt: memberships.decidedAt,
			createdAt: memberships.createdAt,
			communitySlug: communities.slug,
			communityName: communities.name,
			streetSlug: streets.slug,
			streetName: streets.name,
			gridName: grids.name
		})
		.from(memberships)
		.leftJoin(communities, eq(communities.id, memberships.communityId))
		.leftJoin(streets, eq(streets.id, memberships.streetId))
		.leftJoin(grids, eq(grids.id, memberships.gridId))
		.where(eq(memberships.userId, userId))
		.orderBy(desc(memberships.createdAt), desc(memberships.id))
		.all();
}

export function pendingApplications(db: DbOrTx, communityId: number) {
	return db
		.select({
			id: memberships.id,
			username: users.username,
			displayName: users.displayName,
			compound: memberships.compound,
			building: memberships.building,
			unit: memberships.unit,
			gridName: grids.name,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(grids, eq(grids.id, memberships.gridId))
		.where(and(eq(memberships.communityId, communityId), eq(memberships.status, 'pending'), eq(memberships.role, 'resident')))
		.orderBy(asc(memberships.createdAt), asc(memberships.id))
		.all();
}

/**
 * Verified staff of a community (committee, grid workers), of a street (street staff, departments), or, with
 * `communities`, the committees and grid workers of every community of a street in one query (each row
 * says its community).
 */
export function staffOf(db: DbOrTx, where: { communityId: number } | { streetId: number; communities?: boolean }) {
	const COMMUNITY_STAFF = ['committee', 'grid_worker'] as const;
	const scope =
		'communityId' in where
			? and(eq(memberships.communityId, where.communityId), inArray(memberships.role, COMMUNITY_STAFF))
			: and(eq(memberships.streetId, where.streetId), inArray(memberships.role, where.communities ? COMMUNITY_STAFF : ['street_staff', 'department']));
	return db
		.select({
			id: memberships.id,
			communityId: memberships.communityId,
			role: memberships.role,
			department: memberships.department,
			gridName: grids.name,
			username: users.username,
			displayName: users.displayName,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(grids, eq(grids.id, memberships.gridId))
		.where(and(scope, eq(memberships.status, 'verified')))
		.orderBy(asc(memberships.role), asc(users.username))
		.all();
}

/** User ids of the verified committee of a community: who gets told about its work. */
export function committeeUserIds(db: DbOrTx, communityId: number): number[] {
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'committee'), eq(memberships.status, 'verified')))
		.all()
		.map((r) => r.userId);
}

export function verifiedResidentIds(db: DbOrTx, communityId: number): number[] {
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(
			and(
				eq(memberships.communityId, communityId),
				inArray(memberships.role, ['resident', 'grid_worker']),
				eq(memberships.status, 'verified')
			)
		)
		.all()
		.map((r) => r.userId);
}
