import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { keptProposalList } from '$lib/server/proposals/queries';
import { pageLinks } from '$lib/server/proposals/paging';
import { ServerOnly } from '$lib/server-only';
import { readListQuery } from '$lib/server/proposals/validation';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { community } = await parent();
	const query = readListQuery(url.searchParams);
	const list = keptProposalList(getDb(), community.id, query, Date.now());
	return { query, list: new ServerOnly(list), links: pageLinks(url, list) };
};
