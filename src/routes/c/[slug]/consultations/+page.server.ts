import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listThreads } from '$lib/server/consultations/queries';
import { openConsultation } from '$lib/server/consultations/commands';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	return {
		threads: listThreads(getDb(), community.id),
		canOpen: openConsultation.allows(locals.actor, community, Date.now())
	};
};
