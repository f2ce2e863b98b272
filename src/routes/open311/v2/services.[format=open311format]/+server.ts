// GET services: the street's catalogue of services people may report.
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { activeServices, servicesWithQuestions } from '$lib/server/dispatch/open311/queries';
import { serviceList } from '$lib/server/dispatch/open311/serialize';
import { respond } from '$lib/server/dispatch/open311/format';
import { formatOf, jurisdictionOf } from '$lib/server/dispatch/open311/endpoint';

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	const db = getDb();
	return respond(format, 'services', serviceList(activeServices(db, found.street.id), servicesWithQuestions(db, found.street.id)));
};
