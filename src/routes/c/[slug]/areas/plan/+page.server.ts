import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { configureAreas, placePin, uploadPlan } from '$lib/server/areas/catalogue';
import { planPage } from '$lib/server/areas/queries';
import { PLAN_DRAWN_WIDTH, drawnHeight } from '$lib/server/areas/plan';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, requireActor } from '$lib/server/http';
import { PLAN_IMAGE } from '$lib/server/areas/validation';

export const load: PageServerLoad = async (event) => {
	const { community } = await event.parent();
	const actor = requireActor(event);
	if (!uploadPlan.allows(actor, community, Date.now())) error(403, t('error_forbidden'));
	const page = planPage(getDb(), community.id);
	return { ...page, drawn: page.plan ? { width: PLAN_DRAWN_WIDTH, height: drawnHeight(page.plan) } : null, chosen: idParam(event.url.searchParams.get('area')) };
};

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;

export const actions: Actions = {
	upload: formAction(uploadPlan, { target: inCommunity, to: here, flash: 'flash_plan_uploaded', files: { plan: PLAN_IMAGE }, form: 'upload' }),
	// the click on the plan names the area in a field: the pin goes on that area of this community
	pin: formAction(placePin, {
		target: (e, input) => ({ ...inCommunity(e), id: idParam(String(input.areaId ?? '')) }),
		to: (_v, e) => e.url.pathname,
		flash: 'flash_pin_placed',
		form: 'pin'
	}),
	settings: formAction(configureAreas, { target: inCommunity, to: here, flash: 'flash_area_settings_saved', form: 'settings' })
};
