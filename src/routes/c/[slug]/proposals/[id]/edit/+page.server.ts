import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { editProposal, loadProposal } from '$lib/server/proposals/commands';
import { editable } from '$lib/server/proposals/rules';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	const found = loadProposal(getDb(), Number(event.params.id));
	if (!found || found.proposal.communityId !== community.id) error(404, t('error_not_found'));
	const p = found.proposal;
	if (p.authorId !== actor.userId) error(403, t('error_forbidden'));
	return {
		proposal: { id: p.id, title: p.title, body: p.body, category: p.category, location: p.location ?? '' },
		editable: editable(p)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const community = requireCommunity(event.params.slug);
		const data = await event.request.formData();
		const result = editProposal(getDb(), actor, Number(event.params.id), formObject(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${community.slug}/proposals/${event.params.id}`);
	}
};
