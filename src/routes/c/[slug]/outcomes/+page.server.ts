import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { communityOutcomes } from '$lib/server/menus/implementation/outcomes';

export const load: PageServerLoad = async ({ parent }) => {
	const { community } = await parent();
	return { outcomes: communityOutcomes(getDb(), community.id) };
};
