import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { pendingApplications, staffOf } from '$lib/server/residency/queries';
import { reviewApplication } from '$lib/server/residency/commands';
import { updateCommunitySettings } from '$lib/server/org/commands';
import { can } from '$lib/server/policy';
import { reviewQueue } from '$lib/server/menus/queries';
import { deliberationDesk } from '$lib/server/proposals/desk';
import { areasDesk } from '$lib/server/areas/desk';
import { triageQueue } from '$lib/server/dispatch/queries';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, requireActor } from '$lib/server/http';
import { answerProposal, markForMenu, mergeProposal } from '$lib/server/proposals/commands';
import type { RequestEvent } from '@sveltejs/kit';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	const subject = { communityId: community.id, streetId: community.streetId };
	if (!can(actor, 'community.manage_view', subject)) error(403, t('error_forbidden'));
	const db = getDb();
	return {
		canReview: can(actor, 'residency.review', subject),
		canSettings: can(actor, 'community.settings', subject),
		applications: can(actor, 'residency.review', subject) ? pendingApplications(db, community.id) : [],
		staff: staffOf(db, { communityId: community.id }),
		menuQueue: can(actor, 'menu.review_candidate', subject) ? reviewQueue(db, community.id, Date.now()) : null,
		deliberation: can(actor, 'proposal.answer', subject) ? deliberationDesk(db, community.id, Date.now()) : null,
		areas: can(actor, 'area.review_claim', subject) ? areasDesk(db, community.id, Date.now()) : null,
		reports: can(actor, 'report.dispatch', subject) ? triageQueue(db, community.id, Date.now()) : null
	};
};

/** The desk answers a proposal of its queue: the proposal's id comes with the form, the community from the URL. */
const queued = (e: RequestEvent, input: Record<string, unknown>) => ({ ...inCommunity(e), id: idParam(String(input.proposalId ?? '')) });
const desk = (_v: unknown, e: RequestEvent) => `/c/${e.params.slug}/manage#proposal-queue`;

export const actions: Actions = {
	answer: formAction(answerProposal, { target: queued, to: desk, flash: 'flash_answered' }),
	menu: formAction(markForMenu, { target: queued, to: desk, flash: 'flash_marked_menu' }),
	merge: formAction(mergeProposal, { target: queued, to: desk, flash: 'flash_merged' }),
	review: formAction(reviewApplication, {
		target: (e, input) => ({ ...inCommunity(e), id: idParam(String(input.membershipId ?? '')) }),
		to: (_v, e) => `/c/${e.params.slug}/manage`,
		flash: (v) => (v.status === 'verified' ? 'flash_verified' : 'flash_rejected'),
		form: 'review'
	}),
	settings: formAction(updateCommunitySettings, { target: inCommunity, to: (_v, e) => `/c/${e.params.slug}/manage`, flash: 'flash_saved', form: 'settings' })
};
