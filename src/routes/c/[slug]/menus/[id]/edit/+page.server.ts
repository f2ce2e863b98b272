import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { editMenu } from '$lib/server/menus/commands';
import { loadMenu } from '$lib/server/menus/load';
import { isoDay, phaseAtLeast } from '$lib/server/menus/rules';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community, menu } = await event.parent();
	if (!can(actor, 'menu.edit', { communityId: community.id, streetId: community.streetId }) || menu.source !== 'native') error(403, t('error_forbidden'));
	const locked = phaseAtLeast(menu.phase, 'vote');
	const { menu: row } = loadMenu(getDb(), menu.id)!;
	return {
		locked,
		current: {
			title: row.title,
			description: row.description,
			budget: String(row.budget),
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
	default: async (event) => {
		const data = await event.request.formData();
		const result = editMenu(getDb(), requireActor(event), { ...formObject(data), menuId: event.params.id }, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${event.params.slug}/menus/${event.params.id}`);
	}
};
