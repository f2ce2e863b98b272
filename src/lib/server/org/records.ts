// The places commands act in, loaded by the scope a request names: one community, one street, the site.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { communities, departments, grids, streets } from './schema';

export type CommunityRecord = typeof communities.$inferSelect;
export type StreetRecord = typeof streets.$inferSelect;

/** A community as the policy sees it: itself and its street. The one place this mapping is written. */
export const communitySubject = (c: Pick<CommunityRecord, 'id' | 'streetId'>): Subject => ({ communityId: c.id, streetId: c.streetId });

export function loadCommunity(db: DbOrTx, target: { communityId: number }): CommunityRecord | undefined {
	return db.select().from(communities).where(eq(communities.id, target.communityId)).get();
}

export function loadStreet(db: DbOrTx, target: { streetId: number }): StreetRecord | undefined {
	return db.select().from(streets).where(eq(streets.id, target.streetId)).get();
}

/** Site-wide commands (the admin's) act on the site itself. */
export const SITE = { site: true } as const;
export const loadSite = () => SITE;

export type GridRecord = { grid: typeof grids.$inferSelect; community: CommunityRecord };
export type DepartmentRecord = typeof departments.$inferSelect;

/** A community of the street the URL names (a desk of the street picks it in a form). */
export function loadCommunityOfStreet(db: DbOrTx, target: { streetId: number; communityId: number }): CommunityRecord | undefined {
	return db
		.select()
		.from(communities)
		.where(and(eq(communities.id, target.communityId), eq(communities.streetId, target.streetId)))
		.get();
}

/** A grid with its community: it is acted on where its community is. */
export function loadGrid(db: DbOrTx, target: { id: number }): GridRecord | undefined {
	return db.select({ grid: grids, community: communities }).from(grids).innerJoin(communities, eq(communities.id, grids.communityId)).where(eq(grids.id, target.id)).get();
}

export const gridSubject = ({ grid, community }: GridRecord): Subject => ({ ...communitySubject(community), gridId: grid.id });

/** A department of the street the URL names; another street's department is not found. */
export function loadDepartment(db: DbOrTx, target: { streetId: number; id: number }): DepartmentRecord | undefined {
	return db
		.select()
		.from(departments)
		.where(and(eq(departments.id, target.id), eq(departments.streetId, target.streetId)))
		.get();
}

export const departmentSubject = (d: DepartmentRecord): Subject => ({ streetId: d.streetId, departmentId: d.id });
export const streetSubject = (s: StreetRecord): Subject => ({ streetId: s.id });
