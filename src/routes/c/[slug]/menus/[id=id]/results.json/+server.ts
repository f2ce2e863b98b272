import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { resultRows, resultsJson } from '$lib/server/menus/export';
import { download, requirePublished } from '../published';

export const GET: RequestHandler = ({ params }) => {
	const { loaded, results } = requirePublished(params);
	const body = resultsJson(loaded, results, resultRows(getDb(), loaded, results));
	return download(JSON.stringify(body, null, 2) + '\n', 'application/json; charset=utf-8', `menu-${loaded.menu.id}-results.json`);
};
