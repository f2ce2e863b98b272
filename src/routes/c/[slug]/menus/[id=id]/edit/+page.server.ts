import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { editMenu } from '$lib/server/menus/commands';
import { loadMenu, menuSubject, readOnly } from '$lib/server/menus/records';
import { chinaDate as isoDay } from '$lib/server/db/time';
import { permits } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { yuanText } from '$lib/money';
import { formAction, recordInCommunity, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community, menu } = await event.parent();
	const record = loadMenu(getDb(), { communityId: community.id, id: menu.id });
	// Street staff who may not change it any more (its vote has started) are told why; everyone else may not come here.
	if (!record || readOnly(record) || !permits(actor, editMenu.action, menuSubject(record))) error(403, t('error_forbidden'));
	const row = record.menu;
	return {
		locked: !editMenu.allows(actor, record, Date.now()),
		current: {
			title: row.title,
			description: row.description,
			budget: yuanText(row.budget),
			ballotRule: row.ballotRule,
			maxChoices: row.maxChoices,
			minChoices: row.minChoices,
			tallyRule: row.tallyRule,
			minVotes: row.minVotes,
			collectStartsAt: isoDay(row.collectStartsAt),
			reviewStartsAt: isoDay(row.reviewStartsAt),
			voteStartsAt: isoDay(row.voteStartsAt),
			resultsStartsAt: isoDay(row.resultsStartsAt),
			implementationStartsAt: isoDay(row.implementationStartsAt),
			acceptanceStartsAt: isoDay(row.acceptanceStartsAt)
		}
	};
};

export const actions: Actions = {
	default: formAction(editMenu, { target: recordInCommunity, to: (_v, e) => `/c/${e.params.slug}/menus/${e.params.id}`, flash: 'flash_menu_saved' })
};
