import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listProposals } from '$lib/server/proposals/queries';
import { listQuerySchema } from '$lib/server/proposals/validation';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { community } = await parent();
	const query = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	return { query, ...listProposals(getDb(), community.id, query, Date.now()) };
};
