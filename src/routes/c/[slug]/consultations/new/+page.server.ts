import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { openConsultation } from '$lib/server/consultations/commands';
import { loadProposal } from '$lib/server/proposals/records';
import { awaitsResponse } from '$lib/server/proposals/rules';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	if (!openConsultation.allows(actor, community, Date.now())) error(403, t('error_forbidden'));
	// Opened from a proposal that still awaits the committee's response: the form starts from it.
	const found = loadProposal(getDb(), { communityId: community.id, id: idParam(event.url.searchParams.get('proposal')) });
	const p = found && awaitsResponse(found.proposal) ? found.proposal : null;
	return { proposal: p && { id: p.id, title: p.title, body: p.body.slice(0, 4000) } };
};

export const actions: Actions = {
	default: formAction(openConsultation, {
		target: inCommunity,
		to: (v, e) => `/c/${e.params.slug}/consultations/${v.id}`,
		flash: 'flash_consultation_opened'
	})
};
