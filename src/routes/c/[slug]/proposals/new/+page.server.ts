import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { createProposal } from '$lib/server/proposals/commands';
import { similarOpenProposals } from '$lib/server/proposals/queries';
import { proposalSchema } from '$lib/server/proposals/validation';
import { parseInput } from '$lib/server/validation';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	return { canPropose: can(actor, 'proposal.create', { communityId: community.id, streetId: community.streetId }) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const community = requireCommunity(event.params.slug);
		const data = await event.request.formData();
		const input = formObject(data);
		const db = getDb();
		// Before filing, the person sees similar open proposals: the page lists them as the title is typed
		// (and sends their ids as "seen"); otherwise the first submit shows them and the next one files.
		// (Only for input that would be filed: mistakes in the form are explained first.)
		const valid = parseInput(proposalSchema, input);
		const allowed = can(actor, 'proposal.create', { communityId: community.id, streetId: community.streetId });
		const seen = new Set(String(input.seen ?? '').split(',').filter(Boolean).map(Number));
		const similar = allowed && valid.ok ? similarOpenProposals(db, community.id, valid.value.title) : [];
		if (similar.some((s) => !seen.has(s.id))) {
			return fail(409, { values: formValues(data), errors: {} as Record<string, string>, similar, message: t('proposal_similar_found') });
		}
		const result = createProposal(db, actor, community.id, input, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		redirect(303, `/c/${community.slug}/proposals/${result.value.id}`);
	}
};
