import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listThreads } from '$lib/server/consultations/queries';
import { can } from '$lib/server/policy';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	return {
		threads: listThreads(getDb(), community.id),
		canOpen: can(locals.actor, 'consultation.open', { communityId: community.id, streetId: community.streetId })
	};
};
