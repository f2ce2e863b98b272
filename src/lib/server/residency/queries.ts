import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
import { memberships } from './schema';
import { communities, departments, grids, streets } from '../org/schema';
import { users } from '../auth/schema';
import { APPLICANT_ROLE, COMMITTEE_ROLE, COMMUNITY_STAFF_ROLES, DEPARTMENT_ROLE, GRID_WORKER_ROLE, RESIDENT_ROLES, STREET_STAFF_ROLE, type Actor, type ActorMembership } from '../policy';

// Read on every signed-in request (the actor): kept prepared.
const verifiedOf = (db: DbOrTx) =>
	db
		.select({ role: memberships.role, communityId: memberships.communityId, streetId: memberships.streetId, gridId: memberships.gridId, departmentId: memberships.departmentId })
		.from(memberships)
		.where(and(eq(memberships.userId, sql.placeholder('userId')), eq(memberships.status, 'verified')))
		.prepare();

/**
 * What a person holds, as the policy reads it. Only a grid worker is held to a grid: a resident's grid is where
 * they live, which limits nothing they may do in their community.
 */
export function verifiedMemberships(db: DbOrTx, userId: number): ActorMembership[] {
	return prepared(db, verifiedOf)
		.all({ userId })
		.map((m) => ({ ...m, gridId: m.role === GRID_WORKER_ROLE ? m.gridId : null }));
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
			room: memberships.room,
			department: departments.name,
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
		.leftJoin(departments, eq(departments.id, memberships.departmentId))
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
			room: memberships.room,
			gridName: grids.name,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(grids, eq(grids.id, memberships.gridId))
		.where(and(eq(memberships.communityId, communityId), eq(memberships.status, 'pending'), eq(memberships.role, APPLICANT_ROLE)))
		.orderBy(asc(memberships.createdAt), asc(memberships.id))
		.all();
}

/**
 * Verified staff of a community (committee, grid workers), of a street (street staff, departments), or, with
 * `communities`, the committees and grid workers of every community of a street in one query (each row
 * says its community).
 */
export function staffOf(db: DbOrTx, where: { communityId: number } | { streetId: number; communities?: boolean }) {
	const scope =
		'communityId' in where
			? and(eq(memberships.communityId, where.communityId), inArray(memberships.role, COMMUNITY_STAFF_ROLES))
			: and(eq(memberships.streetId, where.streetId), inArray(memberships.role, where.communities ? COMMUNITY_STAFF_ROLES : [STREET_STAFF_ROLE, DEPARTMENT_ROLE]));
	return db
		.select({
			id: memberships.id,
			communityId: memberships.communityId,
			role: memberships.role,
			departmentId: memberships.departmentId,
			department: departments.name,
			gridName: grids.name,
			username: users.username,
			displayName: users.displayName,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(grids, eq(grids.id, memberships.gridId))
		.leftJoin(departments, eq(departments.id, memberships.departmentId))
		.where(and(scope, eq(memberships.status, 'verified')))
		.orderBy(asc(memberships.role), asc(users.username))
		.all();
}

/** User ids of the verified committee of a community: who gets told about its work. */
export function committeeUserIds(db: DbOrTx, communityId: number): number[] {
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.communityId, communityId), eq(memberships.role, COMMITTEE_ROLE), eq(memberships.status, 'verified')))
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
				inArray(memberships.role, RESIDENT_ROLES),
				eq(memberships.status, 'verified')
			)
		)
		.all()
		.map((r) => r.userId);
}

/** The departments (職能部門) of a street, each with its verified accounts: the street desk's list. */
export function departmentsOf(db: DbOrTx, streetId: number) {
	const list = db.select().from(departments).where(eq(departments.streetId, streetId)).orderBy(asc(departments.name), asc(departments.id)).all();
	const accounts = db
		.select({ id: memberships.id, departmentId: memberships.departmentId, username: users.username, displayName: users.displayName })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.streetId, streetId), eq(memberships.role, DEPARTMENT_ROLE), eq(memberships.status, 'verified')))
		.orderBy(asc(users.username))
		.all();
	return list.map((d) => ({ id: d.id, name: d.name, contact: d.contact, accounts: accounts.filter((a) => a.departmentId === d.id) }));
}
