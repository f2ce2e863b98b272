import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { gridsOf } from '$lib/server/org/queries';
import { applyForResidency } from '$lib/server/residency/commands';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { community } = await event.parent();
	return { grids: gridsOf(getDb(), community.id).map((g) => ({ id: g.id, name: g.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const community = requireCommunity(event.params.slug);
		const data = await event.request.formData();
		const result = applyForResidency(getDb(), actor, { ...formObject(data), communityId: community.id }, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${community.slug}`);
	}
};
