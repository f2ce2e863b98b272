import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { importPabulib } from '$lib/server/menus/import';
import { t } from '$lib/server/i18n';
import { formAction, inCommunity, requireActor } from '$lib/server/http';
import { PB_FILE } from '$lib/server/menus/validation';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	if (!importPabulib.allows(actor, community, Date.now())) error(403, t('error_forbidden'));
	return {};
};

export const actions: Actions = {
	default: formAction(importPabulib, {
		target: inCommunity,
		to: (v, e) => `/c/${e.params.slug}/menus/${v.id}/results`,
		flash: 'flash_menu_imported',
		files: { file: PB_FILE }
	})
};
