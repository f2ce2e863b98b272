import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { membershipsOfUser } from '$lib/server/residency/queries';
import { latestProposals } from '$lib/server/proposals/queries';
import { topTeams } from '$lib/server/areas/volunteers';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { community } = await parent();
	const mine = locals.user
		? membershipsOfUser(getDb(), locals.user.id).filter((ms) => ms.communitySlug === community.slug && ms.role === 'resident')
		: [];
	return { application: mine[0] ?? null, latestProposals: latestProposals(getDb(), community.id, Date.now()), topTeams: topTeams(getDb(), community.id, Date.now()) };
};
