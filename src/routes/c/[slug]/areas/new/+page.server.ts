import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { createArea } from '$lib/server/areas/catalogue';
import { gridsOf } from '$lib/server/areas/queries';
import { t } from '$lib/server/i18n';
import { formAction, inCommunity, requireActor } from '$lib/server/http';
import { AREA_PHOTO } from '$lib/server/areas/validation';

export const load: PageServerLoad = async (event) => {
	const { community } = await event.parent();
	const actor = requireActor(event);
	if (!createArea.allows(actor, community, Date.now())) error(403, t('error_forbidden'));
	return { grids: gridsOf(getDb(), community.id) };
};

export const actions: Actions = {
	default: formAction(createArea, { target: inCommunity, to: (v, e) => `/c/${e.params.slug}/areas/${v.id}`, flash: 'flash_area_created', files: { photo: AREA_PHOTO } })
};
