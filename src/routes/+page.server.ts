import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listCommunities, listStreets, residentCounts } from '$lib/server/org/queries';
import { activityByCommunity } from '$lib/server/overview';

export const load: PageServerLoad = () => {
	const db = getDb();
	const counts = residentCounts(db);
	const activity = activityByCommunity(db, Date.now());
	const communities = listCommunities(db).map((c) => ({
		...c,
		residents: counts.get(c.id) ?? 0,
		openProposals: activity.get(c.id)?.openProposals ?? 0,
		votingMenus: activity.get(c.id)?.votingMenus ?? 0
	}));
	return {
		streets: listStreets(db).map((s) => ({ ...s, communities: communities.filter((c) => c.streetId === s.id) }))
	};
};
