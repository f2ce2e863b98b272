import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createMenu } from '$lib/server/menus/commands';
import { chinaDate as isoDay } from '$lib/server/db/time';
import { t } from '$lib/server/i18n';
import { formAction, inCommunity, requireActor } from '$lib/server/http';
import { DAY } from '$lib/server/db/time';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	const now = Date.now();
	if (!createMenu.allows(actor, community, now)) error(403, t('error_forbidden'));
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
	default: formAction(createMenu, {
		target: inCommunity,
		to: (v, e) => `/c/${e.params.slug}/menus/${v.id}`,
		flash: 'flash_menu_created'
	})
};
