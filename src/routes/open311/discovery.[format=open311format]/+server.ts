// GeoReport v2 service discovery: where the endpoint is, which formats it speaks, whom to ask for a key.
import type { RequestHandler } from './$types';
import { discovery } from '$lib/server/dispatch/open311/serialize';
import { respond } from '$lib/server/dispatch/open311/format';
import { formatOf, jurisdictionOf, originOf } from '$lib/server/dispatch/open311/endpoint';

/** When this endpoint's description last changed. */
const CHANGESET = Date.UTC(2026, 10, 1);

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	return respond(format, 'discovery', discovery(originOf(url), CHANGESET, found.street));
};
