// GET services/{code}: a service definition, with its extra questions (attributes).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { serviceByCode } from '$lib/server/dispatch/filing';
import { serviceDefinition } from '$lib/server/dispatch/open311/serialize';
import { respond } from '$lib/server/dispatch/open311/format';
import { formatOf, jurisdictionOf, notFound } from '$lib/server/dispatch/open311/endpoint';

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	const service = serviceByCode(getDb(), found.street.id, params.code);
	if (!service) return notFound(format);
	return respond(format, 'service_definition', serviceDefinition(service.service, service.attributes));
};
