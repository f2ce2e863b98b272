import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/load';
import { currencyOf } from '$lib/server/menus/queries';
import { currentPhase, nextPhase } from '$lib/server/menus/rules';
import { renderMarkdown } from '$lib/markdown';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';

/** The menu named in the URL, if it belongs to this community; shared by every page under it. */
export const load: LayoutServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const id = Number(params.id);
	const loaded = Number.isSafeInteger(id) && id > 0 ? loadMenu(getDb(), id) : undefined;
	if (!loaded || loaded.community.id !== community.id) error(404, t('error_not_found'));
	const { menu } = loaded;
	const now = Date.now();
	const subject = { communityId: community.id, streetId: community.streetId };
	const actor = locals.actor;
	return {
		menu: {
			id: menu.id,
			title: menu.title,
			descriptionHtml: renderMarkdown(menu.description),
			budget: menu.budget,
			ballotRule: menu.ballotRule,
			maxChoices: menu.maxChoices,
			minChoices: menu.minChoices,
			tallyRule: menu.tallyRule,
			minVotes: menu.minVotes,
			dates: {
				collect: menu.collectStartsAt,
				review: menu.reviewStartsAt,
				vote: menu.voteStartsAt,
				results: menu.resultsStartsAt,
				implementation: menu.implementationStartsAt,
				acceptance: menu.acceptanceStartsAt
			},
			source: menu.source,
			resultsPublishedAt: menu.resultsPublishedAt,
			phase: currentPhase(menu, now),
			next: nextPhase(menu, now),
			currency: currencyOf(menu)
		},
		menuCan: {
			advance: menu.source === 'native' && can(actor, 'menu.advance_phase', subject),
			edit: menu.source === 'native' && can(actor, 'menu.edit', subject),
			submit: can(actor, 'menu.submit_candidate', subject),
			review: can(actor, 'menu.review_candidate', subject),
			vote: can(actor, 'menu.vote', subject),
			publish: can(actor, 'menu.publish_results', subject)
		}
	};
};
