import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { createProposal, fileProposal } from '$lib/server/proposals/commands';
import { similarLiveProposals } from '$lib/server/proposals/queries';
import { proposalSchema } from '$lib/server/proposals/validation';
import { parseInput } from '$lib/server/validation';
import { t } from '$lib/server/i18n';
import { formAction, formObject, formValues, inCommunity, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	return { canPropose: createProposal.allows(actor, community, Date.now()) };
};

const file = formAction(fileProposal, {
	target: inCommunity,
	files: ['photos'],
	to: (v, e) => `/c/${e.params.slug}/proposals/${v.id}`,
	flash: 'flash_proposal_filed'
});

/**
 * Before filing, the person sees similar open proposals: the page lists them as the title is typed (and sends
 * their ids as "seen"); otherwise the first submit shows them and the next one files. Mistakes in the form
 * are explained first, and only people who may file are shown anything.
 */
async function similarFirst(event: RequestEvent) {
	const data = await event.request.clone().formData();
	const input = formObject(data);
	const community = requireCommunity(event.params.slug ?? '');
	const valid = parseInput(proposalSchema, input);
	if (!valid.ok || !createProposal.allows(event.locals.actor, community, Date.now())) return null;
	const seen = new Set(String(input.seen ?? '').split(',').filter(Boolean).map(Number));
	const similar = similarLiveProposals(getDb(), community.id, valid.value.title);
	if (!similar.some((s) => !seen.has(s.id))) return null;
	// photos chosen are not kept by the browser: the field says to choose them again
	const photos = data.getAll('photos').some((f) => typeof f !== 'string' && f.size > 0);
	const errors: Record<string, string> = photos ? { photos: t('err_files_choose_again') } : {};
	return fail(409, { values: formValues(data), errors, similar, message: t('proposal_similar_found') });
}

export const actions: Actions = {
	default: async (event) => (await similarFirst(event)) ?? file(event)
};
