// For the download endpoints: the menu of this URL, only once its results are public.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { loadMenu } from '$lib/server/menus/load';
import { publishedResults } from '$lib/server/menus/results';
import { t } from '$lib/server/i18n';

export function requirePublished(params: { slug: string; id: string }) {
	const id = Number(params.id);
	const loaded = Number.isSafeInteger(id) && id > 0 ? loadMenu(getDb(), id) : undefined;
	const results = loaded ? publishedResults(loaded.menu) : null;
	if (!loaded || loaded.community.slug !== params.slug || !results) error(404, t('error_not_found'));
	return { loaded, results };
}

export const download = (body: string, type: string, name: string) =>
	new Response(body, {
		headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-cache' }
	});
