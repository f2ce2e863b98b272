// 打理得怎麼樣: the committee asks an area's neighbours to rate one term of care; the grid's residents are invited,
// rate it like any rating (one each), and it counts in the community's satisfaction.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { areaAt, claim, claimAt, jinwei, makeArea, must } from './helpers';
import { openUpkeepRating, ratedTermOf } from '../../../src/lib/server/areas/upkeep';
import { rateSubject } from '../../../src/lib/server/ratings/commands';
import { ratings } from '../../../src/lib/server/ratings/schema';
import { configureAreas, retireArea } from '../../../src/lib/server/areas/catalogue';
import { satisfaction } from '../../../src/lib/server/evaluations/indicators/satisfaction';
import { memberships } from '../../../src/lib/server/residency/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { loadCommunity } from '../../../src/lib/server/org/records';
import { DAY } from '../../../src/lib/server/db/time';

describe('rating the upkeep of a term', () => {
	it('opens once per claim for the grid’s residents, who rate it once each; it counts in satisfaction', async () => {
		const w = demoWorld();
		const grid = w.ids.grids.jinwei[0];
		const areaId = await makeArea(w, { gridId: String(grid) });
		const claimId = claim(w, 'resident1', areaId);
		expect(ratedTermOf(w.db, areaId)).toBeNull();

		expect(openUpkeepRating(w.db, w.actor('resident2'), claimAt(w, areaId, claimId), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		const opened = must(openUpkeepRating(w.db, w.actor('committee1'), claimAt(w, areaId, claimId), {}, w.now));
		expect(opened.closesAt).toBeGreaterThan(w.now + 29 * DAY);
		expect(ratedTermOf(w.db, areaId)).toBe(claimId);
		expect(openUpkeepRating(w.db, w.actor('committee1'), claimAt(w, areaId, claimId), {}, w.now)).toEqual({ ok: false, error: 'area_rating_opened' });

		// the residents of the area's grid are the ones invited
		const gridResidents = w.db
			.select({ id: memberships.userId })
			.from(memberships)
			.where(and(eq(memberships.communityId, w.ids.community.jinwei), eq(memberships.gridId, grid), eq(memberships.status, 'verified'), eq(memberships.role, 'resident')))
			.all()
			.map((r) => r.id)
			.sort();
		const invited = w.db.select({ id: notifications.userId }).from(notifications).where(eq(notifications.link, `/c/jinwei/areas/${areaId}`)).all().map((r) => r.id).sort();
		expect(gridResidents.length).toBeGreaterThan(0);
		expect(invited).toEqual(gridResidents);
		expect(opened.invited).toBe(gridResidents.length);

		const target = { ...jinwei(w), kind: 'area' as const, subjectId: claimId };
		must(rateSubject(w.db, w.actor('resident2'), target, { overall: '5', greenery: '4', comment: '草坪乾淨多了。' }, w.now + DAY));
		must(rateSubject(w.db, w.actor('resident2'), target, { overall: '4' }, w.now + 2 * DAY));
		expect(w.db.select().from(ratings).where(and(eq(ratings.subjectKind, 'area'), eq(ratings.subjectId, claimId))).all()).toHaveLength(1);

		const community = loadCommunity(w.db, jinwei(w))!;
		const figure = satisfaction(w.db, community, w.now, w.now + 40 * DAY);
		expect(figure.items).toContainEqual(expect.objectContaining({ kind: 'area', href: `/c/jinwei/areas/${areaId}`, numerator: 1, denominator: 1 }));
	});

	it('a claim waiting for approval has no upkeep to rate yet; a retired area none at all', async () => {
		const w = demoWorld();
		const areaId = await makeArea(w);
		must(configureAreas(w.db, w.actor('committee1'), jinwei(w), { maxActiveClaims: '5', approveClaims: 'on' }, w.now));
		const claimId = claim(w, 'resident1', areaId);
		expect(openUpkeepRating(w.db, w.actor('committee1'), claimAt(w, areaId, claimId), {}, w.now)).toEqual({ ok: false, error: 'area_rating_not_started' });
		must(retireArea(w.db, w.actor('committee1'), areaAt(w, areaId), { reason: '改建為停車位。' }, w.now));
		expect(openUpkeepRating(w.db, w.actor('committee1'), claimAt(w, areaId, claimId), {}, w.now)).toEqual({ ok: false, error: 'area_retired' });
	});
});
