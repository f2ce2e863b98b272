import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { catalogue } from '$lib/server/areas/queries';
import { areaListSchema } from '$lib/server/areas/validation';
import { communityAreaAbilities } from '$lib/server/areas/abilities';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { community } = await parent();
	const now = Date.now();
	const query = areaListSchema.parse(Object.fromEntries(url.searchParams));
	const can = communityAreaAbilities(locals.actor, community, now);
	return { query, ...catalogue(getDb(), community, query, now), canCreate: can.create, canPlan: can.uploadPlan };
};
