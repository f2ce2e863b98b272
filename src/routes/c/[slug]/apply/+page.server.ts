import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { gridsOf } from '$lib/server/org/queries';
import { applyForResidency } from '$lib/server/residency/commands';
import { formAction, inCommunity, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { community } = await event.parent();
	return { grids: gridsOf(getDb(), community.id).map((g) => ({ id: g.id, name: g.name })) };
};

export const actions: Actions = {
	default: formAction(applyForResidency, { target: inCommunity, to: (_v, e) => `/c/${e.params.slug}`, flash: 'flash_applied' })
};
