// The places commands act in, loaded by the scope a request names: one community, one street, the site.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { communities, streets } from './schema';

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
