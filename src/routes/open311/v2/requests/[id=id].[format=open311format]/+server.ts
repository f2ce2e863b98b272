// GET requests/{id}: one request, as a list of one (the spec's shape).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { requestRows } from '$lib/server/dispatch/open311/queries';
import { requestList } from '$lib/server/dispatch/open311/serialize';
import { respond } from '$lib/server/dispatch/open311/format';
import { formatOf, jurisdictionOf, notFound, originOf } from '$lib/server/dispatch/open311/endpoint';

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	const rows = requestRows(getDb(), found.street.id, { ids: [Number(params.id)] });
	if (!rows.length) return notFound(format);
	return respond(format, 'service_requests', requestList(rows, originOf(url)));
};
