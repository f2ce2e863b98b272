import type { LayoutServerLoad } from './$types';
import { requireCommunity } from '$lib/server/http';
import { can } from '$lib/server/policy';

export const load: LayoutServerLoad = ({ params, locals }) => {
	const community = requireCommunity(params.slug);
	const subject = { communityId: community.id, streetId: community.streetId };
	return {
		community,
		isResident: can(locals.actor, 'proposal.second', subject),
		canManage: can(locals.actor, 'community.manage_view', subject)
	};
};
