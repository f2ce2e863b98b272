import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listProposals } from '$lib/server/proposals/queries';
import { pageLinks } from '$lib/server/proposals/paging';
import { listQuerySchema } from '$lib/server/proposals/validation';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { community } = await parent();
	const query = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const list = listProposals(getDb(), community.id, query, Date.now());
	return { query, ...list, links: pageLinks(url, list) };
};
