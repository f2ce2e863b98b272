import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { residentCounts } from '$lib/server/org/queries';
import { cachedCommunities, cachedStreets } from '$lib/server/org/cache';
import { activityByCommunity } from '$lib/server/overview';

export const load: PageServerLoad = () => {
	const db = getDb();
	const counts = residentCounts(db);
	const activity = activityByCommunity(db, Date.now());
	const communities = cachedCommunities(db).map((c) => ({
		...c,
		residents: counts.get(c.id) ?? 0,
		openProposals: activity.get(c.id)?.openProposals ?? 0,
		votingMenus: activity.get(c.id)?.votingMenus ?? 0
	}));
	return {
		streets: cachedStreets(db).map((s) => ({ ...s, communities: communities.filter((c) => c.streetId === s.id) }))
	};
};
