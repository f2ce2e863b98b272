import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { openConsultation } from '$lib/server/consultations/commands';
import { loadProposal } from '$lib/server/proposals/commands';
import { awaitsResponse } from '$lib/server/proposals/rules';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	if (!can(actor, 'consultation.open', { communityId: community.id, streetId: community.streetId })) error(403, t('error_forbidden'));
	const proposalId = Number(event.url.searchParams.get('proposal'));
	const found = proposalId ? loadProposal(getDb(), proposalId) : undefined;
	const p = found && found.proposal.communityId === community.id && awaitsResponse(found.proposal) ? found.proposal : null;
	return { proposal: p && { id: p.id, title: p.title, body: p.body.slice(0, 4000) } };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const community = requireCommunity(event.params.slug);
		const data = await event.request.formData();
		const result = openConsultation(getDb(), actor, community.id, formObject(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${community.slug}/consultations/${result.value.id}`);
	}
};
