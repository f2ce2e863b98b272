import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { resultRows, resultsCsv } from '$lib/server/menus/export';
import { t } from '$lib/server/i18n';
import { download, requirePublished } from '../published';

export const GET: RequestHandler = ({ params }) => {
	const { loaded, results } = requirePublished(params);
	const csv = resultsCsv(loaded, resultRows(getDb(), loaded, results), (reason) => t(`menu_reason_${reason}`));
	return download(csv, 'text/csv; charset=utf-8', `menu-${loaded.menu.id}-results.csv`);
};
