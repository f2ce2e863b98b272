import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/records';
import { computeResults, publishResults, publishedResults } from '$lib/server/menus/results';
import { resultRows } from '$lib/server/menus/export';
import { formAction, recordInCommunity } from '$lib/server/http';
import { t } from '$lib/server/i18n';

export const load: PageServerLoad = async ({ parent }) => {
	const { menu, menuCan, community } = await parent();
	const db = getDb();
	const loaded = loadMenu(db, { communityId: community.id, id: menu.id });
	if (!loaded) error(404, t('error_not_found'));
	const published = publishedResults(loaded.menu);
	// Before publishing, only street staff see the count, once the vote is closed: nobody sees it while voting runs.
	const preview = !published && menuCan.publish ? computeResults(db, loaded.menu, Date.now()) : null;
	const results = published ?? preview;
	return {
		results: results && {
			rule: results.rule,
			voters: results.voters,
			cost: results.cost,
			minVotes: results.minVotes,
			equalShares: results.equalShares ?? null,
			rows: resultRows(db, loaded, results)
		},
		preview: !!preview
	};
};

export const actions: Actions = {
	publish: formAction(publishResults, { target: recordInCommunity, to: (_v, e) => e.url.pathname, flash: 'flash_results_published' })
};
