import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { createProposal, fileProposal } from '$lib/server/proposals/commands';
import { similarLiveProposals } from '$lib/server/proposals/queries';
import { PROPOSAL_PHOTOS, proposalSchema } from '$lib/server/proposals/validation';
import { parseInput } from '$lib/server/validation';
import { t } from '$lib/server/i18n';
import { formAction, inCommunity, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	return { canPropose: createProposal.allows(actor, community, Date.now()) };
};

/**
 * Before filing, the person sees similar open proposals: the page lists them as the title is typed (and sends
 * their ids as "seen"); otherwise the first submit shows them and the next one files. Mistakes in the form
 * are explained first, and only people who may file are shown anything. The photos chosen are held by
 * formAction across this step, like across any refused form, and the next submit files them.
 */
function similarFirst(event: RequestEvent, input: Record<string, unknown>) {
	const community = requireCommunity(event.params.slug ?? '');
	const valid = parseInput(proposalSchema, input);
	if (!valid.ok || !createProposal.allows(event.locals.actor, community, Date.now())) return null;
	const seen = new Set(String(input.seen ?? '').split(',').filter(Boolean).map(Number));
	const similar = similarLiveProposals(getDb(), community.id, valid.value.title);
	if (!similar.some((s) => !seen.has(s.id))) return null;
	return { status: 409, message: t('proposal_similar_found'), data: { similar } };
}

export const actions: Actions = {
	default: formAction(fileProposal, {
		target: inCommunity,
		files: { photos: PROPOSAL_PHOTOS },
		pause: similarFirst,
		to: (v, e) => `/c/${e.params.slug}/proposals/${v.id}`,
		flash: 'flash_proposal_filed'
	})
};
