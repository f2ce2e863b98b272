import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { requireCommunity } from '$lib/server/http';
import { similarLiveProposals } from '$lib/server/proposals/queries';

/** Open proposals like a title being typed (the new-proposal page asks as the person writes). */
export const GET: RequestHandler = ({ params, url }) => {
	const community = requireCommunity(params.slug);
	const title = (url.searchParams.get('title') ?? '').slice(0, 80);
	return json(similarLiveProposals(getDb(), community.id, title), { headers: { 'cache-control': 'no-store' } });
};
