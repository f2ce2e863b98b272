import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listMenus } from '$lib/server/menus/queries';
import { createMenu } from '$lib/server/menus/commands';
import { importPabulib } from '$lib/server/menus/import';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { community } = await parent();
	const now = Date.now();
	return {
		menus: listMenus(getDb(), community.id, now),
		canCreate: createMenu.allows(locals.actor, community, now),
		canImport: importPabulib.allows(locals.actor, community, now)
	};
};
