// Test data for the ratings and evaluations specs, written straight into this worker's database beside its
// running server: a street of its own whose last quarter has ended with ratings to count (so that computing,
// rewarding and publishing never touch the demo street other specs read), and new verified residents of 金韋.
import { and, asc, eq, gt } from 'drizzle-orm';
import { openDatabase, type DbOrTx, type Tx } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/auth/schema';
import { communities, streets } from '../../src/lib/server/org/schema';
import { memberships } from '../../src/lib/server/residency/schema';
import { ratings, ratingSubjects } from '../../src/lib/server/ratings/schema';
import { evaluationSchemes, schemeIndicators } from '../../src/lib/server/evaluations/schema';
import { periodContaining, previousPeriod } from '../../src/lib/server/evaluations/periods';
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

const userId = (db: DbOrTx, username: string) => db.select().from(users).where(eq(users.username, username)).get()!.id;

/**
 * A street `w{tag}` with one community, the demo's street staff member appointed to it, a scheme in force since
 * the quarter before last (satisfaction only, target 80 %, minimum 1) and three ratings (5, 4, 2) of a 物業
 * period that closed last quarter. Returns where its last, ended quarter is.
 */
export function newEvaluationStreet(tag: string) {
	return withDb((db) => {
		const now = Date.now();
		const last = previousPeriod(periodContaining('quarter', now));
		const first = previousPeriod(last);
		const street = db.insert(streets).values({ slug: `w${tag}`, name: `走訪街道${tag}`, createdAt: first.startsAt - 30 * DAY }).returning().get();
		const community = db
			.insert(communities)
			.values({ streetId: street.id, slug: `w${tag}c`, name: `走訪社區${tag}`, description: '', createdAt: first.startsAt - 30 * DAY })
			.returning()
			.get();
		const staff = userId(db, 'street');
		db.insert(memberships)
			.values({ userId: staff, role: 'street_staff', status: 'verified', streetId: street.id, scopeKey: `s:${street.id}`, decidedBy: userId(db, 'admin'), decidedAt: now, createdAt: now })
			.run();
		const scheme = db
			.insert(evaluationSchemes)
			.values({ streetId: street.id, version: 1, periodKind: 'quarter', startsAt: first.startsAt, note: '', createdBy: staff, createdAt: first.startsAt - 7 * DAY, updatedAt: first.startsAt - 7 * DAY })
			.returning()
			.get();
		db.insert(schemeIndicators).values({ schemeId: scheme.id, indicator: 'satisfaction', weight: 100, targetPercent: 80, minN: 1, position: 0 }).run();
		const subjectId = 900_000 + community.id;
		db.insert(ratingSubjects)
			.values({ kind: 'property', subjectId, communityId: community.id, title: `走訪物業${tag}`, link: `/c/w${tag}c/ratings/${subjectId}`, opensAt: last.startsAt + DAY, closesAt: last.startsAt + 20 * DAY, createdAt: last.startsAt })
			.run();
		['resident1', 'resident2', 'resident3'].forEach((username, i) =>
			db
				.insert(ratings)
				.values({ subjectKind: 'property', subjectId, raterId: userId(db, username), overall: [5, 4, 2][i], createdAt: last.startsAt + 2 * DAY, updatedAt: last.startsAt + 2 * DAY })
				.run()
		);
		return { slug: street.slug, community: community.slug, periodKey: last.key };
	});
}

/** New verified residents of 金韋 (signing in with the demo password) who have rated nothing. */
export function newJinweiResidents(tag: string, count: number): string[] {
	return withDb((db) => {
		const now = Date.now();
		const hash = db.select().from(users).where(eq(users.username, 'resident1')).get()!.passwordHash;
		const jinwei = db.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;
		return Array.from({ length: count }, (_, i) => {
			const username = `r${tag}${i}`;
			const id = db.insert(users).values({ username, displayName: `評價人${tag}${i}`, passwordHash: hash, createdAt: now }).returning().get().id;
			db.insert(memberships)
				.values({ userId: id, role: 'resident', status: 'verified', communityId: jinwei.id, streetId: jinwei.streetId, scopeKey: `c:${jinwei.id}`, compound: '金韋花園', building: String(30 + i), unit: '2-101', decidedBy: userId(db, 'committee1'), decidedAt: now, createdAt: now - DAY })
				.run();
			return username;
		});
	});
}

/** The open rating subjects of 金韋: the accepted projects (most answers first) and the 物業 period. */
export function openJinweiSubjects() {
	return withDb((db) => {
		const jinwei = db.select().from(communities).where(eq(communities.slug, 'jinwei')).get()!;
		const open = db
			.select()
			.from(ratingSubjects)
			.where(and(eq(ratingSubjects.communityId, jinwei.id), gt(ratingSubjects.closesAt, Date.now())))
			.orderBy(asc(ratingSubjects.id))
			.all();
		return { projects: open.filter((s) => s.kind === 'project').map((s) => s.link), property: open.find((s) => s.kind === 'property')!.link };
	});
}
