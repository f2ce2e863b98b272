// GET tokens/{token}: a report exists from the moment it is filed, so a token is its id; for clients that ask.
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { requestRows } from '$lib/server/dispatch/open311/queries';
import { tokenList } from '$lib/server/dispatch/open311/serialize';
import { respond } from '$lib/server/dispatch/open311/format';
import { formatOf, jurisdictionOf, notFound } from '$lib/server/dispatch/open311/endpoint';

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	const rows = requestRows(getDb(), found.street.id, { ids: [Number(params.token)] });
	if (!rows.length) return notFound(format);
	return respond(format, 'service_requests', tokenList(rows[0].id));
};
