import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { menuImplementation } from '$lib/server/menus/implementation/queries';
import { t } from '$lib/server/i18n';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { community, menu } = await parent();
	const found = /^\d{1,12}$/.test(params.id) ? menuImplementation(getDb(), community.id, Number(params.id)) : null;
	if (!found) error(404, t('error_not_found'));
	// The menu's way of writing amounts, from the layout (this page's `menu` is the implementation's own).
	return { ...found, money: menu.money };
};
