import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { proposals } from './schema';

/** Proposals the committee marked "for a project menu": the menus domain offers them as candidate projects. */
export function proposalsMarkedForMenu(db: DbOrTx, communityId: number): { id: number; title: string }[] {
	return db
		.select({ id: proposals.id, title: proposals.title })
		.from(proposals)
		.where(and(eq(proposals.communityId, communityId), eq(proposals.state, 'menu')))
		.orderBy(desc(proposals.respondedAt), desc(proposals.id))
		.all();
}
