import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/load';
import { computeResults, publishResults, publishedResults } from '$lib/server/menus/results';
import { resultRows } from '$lib/server/menus/export';
import { phaseAtLeast } from '$lib/server/menus/rules';
import { failure, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async ({ parent }) => {
	const { menu, menuCan } = await parent();
	const db = getDb();
	const loaded = loadMenu(db, menu.id)!;
	const published = publishedResults(loaded.menu);
	// Before publishing, only street staff see the count, once the vote is closed: nobody sees it while voting runs.
	const preview = !published && menuCan.publish && phaseAtLeast(menu.phase, 'results') ? computeResults(db, loaded.menu, Date.now()) : null;
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
	publish: async (event) => {
		const result = publishResults(getDb(), requireActor(event), { menuId: event.params.id }, Date.now());
		if (!result.ok) return failure(result, {}, event.url);
		return { published: true };
	}
};
