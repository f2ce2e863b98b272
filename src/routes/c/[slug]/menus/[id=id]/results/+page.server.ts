import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/records';
import { computeResults, publishResults, publishedResults } from '$lib/server/menus/results';
import { resultRows } from '$lib/server/menus/export';
import { ballotSample } from '$lib/server/menus/queries';
import { formAction, recordInCommunity } from '$lib/server/http';
import { t } from '$lib/server/i18n';

/** How many ballots a replay's results page shows as examples. */
const SAMPLE_BALLOTS = 8;

export const load: PageServerLoad = async ({ parent }) => {
	const { menu, menuCan, community } = await parent();
	const db = getDb();
	const loaded = loadMenu(db, { communityId: community.id, id: menu.id });
	if (!loaded) error(404, t('error_not_found'));
	const published = publishedResults(loaded.menu);
	// Before publishing, only street staff see the count, once the vote is closed: nobody sees it while voting runs.
	const preview = !published && menuCan.publish ? computeResults(db, loaded.menu, Date.now()) : null;
	const results = published ?? preview;
	const replay = loaded.menu.source === 'pabulib';
	return {
		results: results && {
			rule: results.rule,
			voters: results.voters,
			cost: results.cost,
			minVotes: results.minVotes,
			equalShares: results.equalShares ?? null,
			warnings: results.warnings ?? [],
			rows: resultRows(db, loaded, results)
		},
		// A replay shows how its ballots look (ticks, points, rankings): the first few, as its .pb lists them.
		sample: replay && results ? ballotSample(db, loaded.menu.id, SAMPLE_BALLOTS) : [],
		preview: !!preview
	};
};

export const actions: Actions = {
	publish: formAction(publishResults, { target: recordInCommunity, to: (_v, e) => e.url.pathname, flash: 'flash_results_published' })
};
