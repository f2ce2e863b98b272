// How long a period's snapshot takes for a large street: 50 communities, 100,000 ratings of 1,000 subjects whose
// rating windows closed in the period (plus every other indicator measured), written into a fresh in-memory
// database; the snapshot (measure every community, recompute, store inputs and results) is timed three times
// and the median printed. Target: under 2 s. Run on its own with `npx tsx src/scripts/bench-evaluation.ts`.
import { createTestDb } from '../lib/server/db/client';
import { users } from '../lib/server/auth/schema';
import { communities, streets } from '../lib/server/org/schema';
import { ratings, ratingSubjects } from '../lib/server/ratings/schema';
import { evaluationSchemes, schemeIndicators } from '../lib/server/evaluations/schema';
import { DEFAULT_INDICATORS, schemesOf } from '../lib/server/evaluations/schemes';
import { computeSnapshot } from '../lib/server/evaluations/snapshot';
import { periodAt } from '../lib/server/evaluations/periods';
import { DAY } from '../lib/server/db/time';

export const TARGET_MS = 2_000;
const COMMUNITIES = 50;
const SUBJECTS_PER_COMMUNITY = 20;
const RATERS = 100;

export function runEvaluationBench(runs = 3) {
	const db = createTestDb();
	const period = periodAt('quarter', 2026, 3);
	const at = period.startsAt;
	const street = db.insert(streets).values({ slug: 'bench', name: '基準街道', createdAt: at - 400 * DAY }).returning().get();
	const raterIds = db.transaction((tx) =>
		Array.from({ length: RATERS }, (_, i) => tx.insert(users).values({ username: `bench${i}`, displayName: `評價人${i}`, passwordHash: 'x', createdAt: at }).returning().get().id)
	);
	const scheme = db
		.insert(evaluationSchemes)
		.values({ streetId: street.id, version: 1, periodKind: 'quarter', startsAt: period.startsAt, createdAt: at - 30 * DAY, updatedAt: at - 30 * DAY })
		.returning()
		.get();
	db.insert(schemeIndicators)
		.values(DEFAULT_INDICATORS.map((i, position) => ({ schemeId: scheme.id, indicator: i.indicator, weight: i.weight, targetPercent: i.targetPercent, minN: i.minN, position })))
		.run();
	let ratingsWritten = 0;
	db.transaction((tx) => {
		for (let c = 0; c < COMMUNITIES; c++) {
			const community = tx.insert(communities).values({ streetId: street.id, slug: `bench-${c}`, name: `社區${c}`, description: '', createdAt: at - 400 * DAY }).returning().get();
			for (let s = 0; s < SUBJECTS_PER_COMMUNITY; s++) {
				const subjectId = c * SUBJECTS_PER_COMMUNITY + s + 1;
				const closesAt = period.startsAt + (1 + ((c + s) % 80)) * DAY;
				tx.insert(ratingSubjects).values({ kind: 'property', subjectId, communityId: community.id, title: `物業 ${subjectId}`, link: `/c/bench-${c}/ratings/${subjectId}`, opensAt: closesAt - 30 * DAY, closesAt, createdAt: closesAt - 30 * DAY }).run();
				const rows = raterIds.map((raterId, r) => ({ subjectKind: 'property' as const, subjectId, raterId, overall: 1 + ((r * 7 + c * 3 + s) % 5), createdAt: closesAt - DAY, updatedAt: closesAt - DAY }));
				tx.insert(ratings).values(rows).run();
				ratingsWritten += rows.length;
			}
		}
	});
	const [schemeRow] = schemesOf(db, street.id);
	const times: number[] = [];
	let ranked = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const done = db.transaction((tx) => computeSnapshot(tx, street.id, period, schemeRow, null, period.endsAt + DAY), { behavior: 'immediate' });
		times.push(performance.now() - start);
		ranked = done?.ranked ?? 0;
	}
	times.sort((a, b) => a - b);
	return { communities: COMMUNITIES, ratings: ratingsWritten, ranked, medianMs: times[Math.floor(times.length / 2)] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const f = runEvaluationBench();
	console.log(`Evaluation snapshot: ${f.communities} communities, ${f.ratings.toLocaleString('en')} ratings: ${f.medianMs.toFixed(0)} ms median of 3 (target < ${TARGET_MS} ms, ${f.medianMs < TARGET_MS ? 'ok' : 'OVER TARGET'}; ${f.ranked} ranked)`);
}
