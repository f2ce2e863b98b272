// A street with a scheme in force since 2026Q2 (small minimums), jinwei's residents rating a 物業 period that
// closed in 2026Q3, and the period key of that ended quarter.
import { chinaDayStart } from '../../../src/lib/server/db/time';
import { createScheme } from '../../../src/lib/server/evaluations/commands';
import { openPropertyPeriod, rateSubject } from '../../../src/lib/server/ratings/commands';
import { schemeForm } from '../authorization/fixture';
import type { World } from '../world';

export const ENDED = '2026Q3';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
	if (!r.ok) throw new Error(`fixture: ${r.error}`);
	return r.value;
};

/** Marks of jinwei's residents on the 物業 period of August 2026: 5 of 6 satisfied. */
export function evaluatedStreet(w: World, marks = ['5', '4', '4', '5', '2', '4']) {
	must(createScheme(w.db, w.actor('street'), { streetId: w.ids.streetId }, schemeForm('2026Q2'), chinaDayStart('2026-03-01')));
	const opened = chinaDayStart('2026-08-01');
	const period = must(
		openPropertyPeriod(w.db, w.actor('committee1'), { communityId: w.ids.community.jinwei }, { title: '2026 年 8 月物業服務', opensOn: '2026-08-01', closesOn: '2026-08-20' }, opened)
	);
	const target = { communityId: w.ids.community.jinwei, kind: 'property' as const, subjectId: period.id };
	marks.forEach((overall, i) => must(rateSubject(w.db, w.actor(`resident${i + 1}`), target, { overall }, opened + (i + 1) * 3_600_000)));
	return { streetId: w.ids.streetId, periodKey: ENDED, property: target };
}
