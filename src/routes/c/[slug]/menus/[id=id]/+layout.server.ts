import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/records';
import { menuAbilities } from '$lib/server/menus/abilities';
import { moneyOf } from '$lib/server/menus/queries';
import { currentPhase, nextPhase } from '$lib/server/menus/rules';
import { renderMarkdown } from '$lib/markdown';
import { idParam } from '$lib/server/http';
import { t } from '$lib/server/i18n';

/** The menu named in the URL, if it belongs to this community; shared by every page under it. */
export const load: LayoutServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const loaded = loadMenu(db, { communityId: community.id, id: idParam(params.id) });
	if (!loaded) error(404, t('error_not_found'));
	const { menu } = loaded;
	const now = Date.now();
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
			voteType: menu.voteType,
			// How every amount of the menu is written (currency, fen or not): the same on each page under it.
			money: moneyOf(db, menu)
		},
		// What this person may do to the menu now (each answer includes the menu's phase and whether it is a replay).
		menuCan: menuAbilities(locals.actor, loaded, now)
	};
};
