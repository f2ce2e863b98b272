import type { RequestHandler } from './$types';
import { render } from 'svelte/server';
import { getDb } from '$lib/server/db/client';
import { requireCommunity } from '$lib/server/http';
import { similarLiveProposals } from '$lib/server/proposals/queries';
import SimilarList from '../new/SimilarList.svelte';

/**
 * Open proposals like a title being typed, as the new-proposal page shows them (its script, similar.ts, asks as
 * the person writes and puts this in place): the list's own markup, made here, so the browser needs no copy of it
 * or of its words. Empty when nothing is similar.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const community = requireCommunity(params.slug);
	const title = (url.searchParams.get('title') ?? '').slice(0, 80);
	const items = similarLiveProposals(getDb(), community.id, title);
	const html = items.length ? render(SimilarList, { props: { items, slug: community.slug } }).body : '';
	return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
};
