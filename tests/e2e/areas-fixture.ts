// Test data of 建設共管 written straight into this worker's database (beside its running server, hence IMMEDIATE):
// areas of jinwei, and claims in the states a walk or a flow needs, with the moments they would have had.
import { desc, eq } from 'drizzle-orm';
import { openDatabase, type Tx } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/auth/schema';
import { communities } from '../../src/lib/server/org/schema';
import { areaClaims, areas } from '../../src/lib/server/areas/schema';
import { runAreaLapses } from '../../src/lib/server/areas/lifecycle';
import { DAY } from '../../src/lib/server/db/time';
import { workerDatabase } from './test';

function withDb<T>(fn: (tx: Tx) => T): T {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		return db.transaction(fn, { behavior: 'immediate' });
	} finally {
		sqlite.close();
	}
}

const idOf = (tx: Tx, username: string) => tx.select().from(users).where(eq(users.username, username)).get()!.id;
const jinwei = (tx: Tx) => tx.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;

/** A new area of jinwei (capacity 1, a care log every 30 days), made by committee1. */
export function newArea(name: string): number {
	return withDb((tx) => {
		const now = Date.now();
		return tx
			.insert(areas)
			.values({ communityId: jinwei(tx).id, name, kind: 'green', place: '金韋花園', duties: '撿拾垃圾。', createdBy: idOf(tx, 'committee1'), createdAt: now - 60 * DAY, updatedAt: now - 60 * DAY })
			.returning()
			.get().id;
	});
}

/**
 * A claim of `username` on `areaId` as if it had been made `daysAgo` days ago with no care since, for a term
 * of `termDays`: pending, or held (the lapse job then gives it the state time gave it).
 */
export function newClaim(areaId: number, username: string, options: { daysAgo: number; termDays?: number; pending?: boolean }): number {
	return withDb((tx) => {
		const now = Date.now();
		const started = now - options.daysAgo * DAY;
		const held = options.pending ? { state: 'pending' as const } : { state: 'active' as const, startedAt: started, termEndsAt: started + (options.termDays ?? 365) * DAY };
		return tx
			.insert(areaClaims)
			.values({ areaId, communityId: jinwei(tx).id, userId: idOf(tx, username), claimantKind: 'person', claimedAt: started, updatedAt: started, ...held })
			.returning()
			.get().id;
	});
}

/** Moves a claim's start back by `days` (time passing without care), then runs the lapse job as the server would. */
export function passTime(claimId: number, days: number) {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		db.transaction(
			(tx) => {
				const c = tx.select().from(areaClaims).where(eq(areaClaims.id, claimId)).get()!;
				tx.update(areaClaims)
					.set({ startedAt: c.startedAt! - days * DAY, claimedAt: c.claimedAt - days * DAY })
					.where(eq(areaClaims.id, claimId))
					.run();
			},
			{ behavior: 'immediate' }
		);
		return runAreaLapses(db, Date.now());
	} finally {
		sqlite.close();
	}
}

export function claimState(claimId: number): string {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		return db.select().from(areaClaims).where(eq(areaClaims.id, claimId)).get()!.state;
	} finally {
		sqlite.close();
	}
}

/** The newest claim on an area. */
export function latestClaim(areaId: number): number {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		return db.select().from(areaClaims).where(eq(areaClaims.areaId, areaId)).orderBy(desc(areaClaims.id)).limit(1).get()!.id;
	} finally {
		sqlite.close();
	}
}
