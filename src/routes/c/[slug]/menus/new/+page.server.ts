import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { createMenu } from '$lib/server/menus/commands';
import { isoDay } from '$lib/server/menus/rules';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';
import { DAY } from '$lib/server/db/time';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	if (!can(actor, 'menu.create', { communityId: community.id, streetId: community.streetId })) error(403, t('error_forbidden'));
	const now = Date.now();
	const day = (n: number) => isoDay(now + n * DAY);
	return {
		defaults: {
			collectStartsAt: day(0),
			reviewStartsAt: day(14),
			voteStartsAt: day(28),
			resultsStartsAt: day(42),
			implementationStartsAt: day(49),
			acceptanceStartsAt: day(180)
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const community = requireCommunity(event.params.slug);
		const data = await event.request.formData();
		const result = createMenu(getDb(), requireActor(event), { ...formObject(data), communityId: community.id }, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${community.slug}/menus/${result.value.id}`);
	}
};
