// Memberships as commands load them: an application within the community the URL names, an appointment
// within the street, a street staff appointment on the site.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { APPLICANT_ROLE, DEPARTMENT_ROLE, rolesHeldIn, STREET_STAFF_ROLE, type Role, type Subject } from '../policy';
import { communities } from '../org/schema';
import type { CommunityRecord } from '../org/records';
import { users } from '../auth/schema';
import { memberships } from './schema';

export type Membership = typeof memberships.$inferSelect;
export type ApplicationRecord = { application: Membership; community: CommunityRecord };

/** A residency application (pending or decided) to the community `communityId`. */
export function loadApplication(db: DbOrTx, target: { communityId: number; id: number }): ApplicationRecord | undefined {
	return db
		.select({ application: memberships, community: communities })
		.from(memberships)
		.innerJoin(communities, eq(communities.id, memberships.communityId))
		.where(and(eq(memberships.id, target.id), eq(memberships.communityId, target.communityId), eq(memberships.role, APPLICANT_ROLE)))
		.get();
}

export const applicationSubject = ({ community }: ApplicationRecord): Subject => ({ communityId: community.id, streetId: community.streetId });

/** What street staff may end: residencies, committees and grid workers of its communities, its department accounts. */
export const REVOKED_BY_STREET: readonly Role[] = [...rolesHeldIn('community'), DEPARTMENT_ROLE];

/** A membership of the street `streetId` that its staff may revoke; street staff themselves are the admin's. */
export function loadStreetMembership(db: DbOrTx, target: { streetId: number; id: number }): Membership | undefined {
	return db
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, target.id), eq(memberships.streetId, target.streetId), inArray(memberships.role, REVOKED_BY_STREET)))
		.get();
}

/** A street staff appointment, anywhere: the admin's to end. */
export function loadStreetStaffMembership(db: DbOrTx, target: { id: number }): Membership | undefined {
	return db
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, target.id), eq(memberships.role, STREET_STAFF_ROLE)))
		.get();
}

export const membershipSubject = (m: Membership): Subject => ({ communityId: m.communityId ?? undefined, streetId: m.streetId ?? undefined, departmentId: m.departmentId });

/** The account a login name names, if any. */
export function accountNamed(db: DbOrTx, username: string) {
	return db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username)).get();
}
