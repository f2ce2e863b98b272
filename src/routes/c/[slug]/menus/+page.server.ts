import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listMenus } from '$lib/server/menus/queries';
import { can } from '$lib/server/policy';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	const subject = { communityId: community.id, streetId: community.streetId };
	return {
		menus: listMenus(getDb(), community.id, Date.now()),
		canCreate: can(locals.actor, 'menu.create', subject),
		canImport: can(locals.actor, 'menu.import_pabulib', subject)
	};
};
