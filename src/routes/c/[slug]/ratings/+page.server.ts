import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { communityRatings } from '$lib/server/ratings/queries';
import { communityRatingAbilities } from '$lib/server/ratings/abilities';
import { openPropertyPeriod } from '$lib/server/ratings/commands';
import { loadCommunity } from '$lib/server/org/records';
import { formAction, inCommunity } from '$lib/server/http';
import { chinaDate, DAY } from '$lib/server/db/time';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const now = Date.now();
	const record = loadCommunity(db, { communityId: community.id });
	return {
		subjects: communityRatings(db, community.id, now),
		canOpen: record ? communityRatingAbilities(locals.actor, record, now).openPeriod : false,
		today: chinaDate(now),
		monthAhead: chinaDate(now + 30 * DAY)
	};
};

export const actions: Actions = {
	openPeriod: formAction(openPropertyPeriod, {
		target: inCommunity,
		to: (v, e) => `/c/${e.params.slug}/ratings/${v.id}`,
		flash: (v) => (v.scheduled ? 'flash_rating_period_scheduled' : 'flash_rating_period_opened'),
		form: 'open-period'
	})
};
