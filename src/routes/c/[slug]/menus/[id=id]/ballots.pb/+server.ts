import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { ballotsPb } from '$lib/server/menus/export';
import { download, requirePublished } from '../published';

/** The ballots in Pabulib format, voters numbered anonymously: anyone can recount them. */
export const GET: RequestHandler = ({ params }) => {
	const { loaded, results } = requirePublished(params);
	return download(ballotsPb(getDb(), loaded, results), 'text/plain; charset=utf-8', `menu-${loaded.menu.id}.pb`);
};
