import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { communityOutcomes } from '$lib/server/menus/implementation/outcomes';
import { ratingSummaries } from '$lib/server/ratings/queries';

export const load: PageServerLoad = async ({ parent }) => {
	const { community } = await parent();
	const db = getDb();
	const outcomes = communityOutcomes(db, community.id);
	const accepted = outcomes.menus.flatMap((menu) => menu.projects.filter((p) => p.readyForRating).map((p) => p.id));
	return { outcomes, ratings: ratingSummaries(db, 'project', accepted, Date.now()) };
};
