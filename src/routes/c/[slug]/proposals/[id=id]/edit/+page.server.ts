import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { editProposal } from '$lib/server/proposals/commands';
import { loadProposal } from '$lib/server/proposals/records';
import { editable } from '$lib/server/proposals/rules';
import { t } from '$lib/server/i18n';
import { formAction, idParam, recordInCommunity, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	const found = loadProposal(getDb(), { communityId: community.id, id: idParam(event.params.id) });
	if (!found) error(404, t('error_not_found'));
	const p = found.proposal;
	if (p.authorId !== actor.userId) error(403, t('error_forbidden'));
	return {
		proposal: { id: p.id, title: p.title, body: p.body, category: p.category, location: p.location ?? '' },
		editable: editable(p)
	};
};

export const actions: Actions = {
	default: formAction(editProposal, {
		target: recordInCommunity,
		to: (_v, e) => `/c/${e.params.slug}/proposals/${e.params.id}`,
		flash: 'flash_saved'
	})
};
