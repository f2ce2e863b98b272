import { asc, eq, count, and, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { communities, grids, streets } from './schema';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';

export type Community = typeof communities.$inferSelect & { streetSlug: string; streetName: string };

export function communityBySlug(db: DbOrTx, slug: string): Community | undefined {
	const row = db
		.select({ c: communities, streetSlug: streets.slug, streetName: streets.name })
		.from(communities)
		.innerJoin(streets, eq(streets.id, communities.streetId))
		.where(eq(communities.slug, slug))
		.get();
	return row && { ...row.c, streetSlug: row.streetSlug, streetName: row.streetName };
}

export function communityById(db: DbOrTx, id: number) {
	return db.select().from(communities).where(eq(communities.id, id)).get();
}

export function streetBySlug(db: DbOrTx, slug: string) {
	return db.select().from(streets).where(eq(streets.slug, slug)).get();
}

export function listStreets(db: DbOrTx) {
	return db.select().from(streets).orderBy(asc(streets.id)).all();
}

/** Every community with its street, for the switcher and the home page. */
export function listCommunities(db: DbOrTx) {
	return db
		.select({
			id: communities.id,
			slug: communities.slug,
			name: communities.name,
			description: communities.description,
			streetId: communities.streetId,
			streetSlug: streets.slug,
			streetName: streets.name
		})
		.from(communities)
		.innerJoin(streets, eq(streets.id, communities.streetId))
		.orderBy(asc(streets.id), asc(communities.id))
		.all();
}

export function gridsOf(db: DbOrTx, communityId: number) {
	return db.select().from(grids).where(eq(grids.communityId, communityId)).orderBy(asc(grids.id)).all();
}

export function allGrids(db: DbOrTx) {
	return db.select().from(grids).orderBy(asc(grids.communityId), asc(grids.id)).all();
}

/** Verified residents per community, in one query. */
export function residentCounts(db: DbOrTx): Map<number, number> {
	const rows = db
		.select({ communityId: memberships.communityId, n: count() })
		.from(memberships)
		.where(and(eq(memberships.status, 'verified'), inArray(memberships.role, RESIDENT_ROLES)))
		.groupBy(memberships.communityId)
		.all();
	return new Map(rows.map((r) => [r.communityId ?? 0, r.n]));
}
