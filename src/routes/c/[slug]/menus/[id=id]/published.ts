// For the download endpoints: the menu of this URL, only once its results are public.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/records';
import { publishedResults } from '$lib/server/menus/results';
import { idParam, requireCommunity } from '$lib/server/http';
import { t } from '$lib/server/i18n';

export function requirePublished(params: { slug: string; id: string }) {
	const loaded = loadMenu(getDb(), { communityId: requireCommunity(params.slug).id, id: idParam(params.id) });
	const results = loaded ? publishedResults(loaded.menu) : null;
	if (!loaded || !results) error(404, t('error_not_found'));
	return { loaded, results };
}

export const download = (body: string, type: string, name: string) =>
	new Response(body, {
		headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-cache' }
	});
