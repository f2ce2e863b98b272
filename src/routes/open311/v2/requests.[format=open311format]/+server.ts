// GET requests (the spec's filters, newest first, never a reporter's identity) and POST requests (a report filed
// by another system with an API key, form-encoded; its id is answered at once).
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { requestRows } from '$lib/server/dispatch/open311/queries';
import { parseRequestQuery } from '$lib/server/dispatch/open311/requests';
import { postedList, requestList } from '$lib/server/dispatch/open311/serialize';
import { respond, respondErrors } from '$lib/server/dispatch/open311/format';
import { fileThroughApi, formFields } from '$lib/server/dispatch/open311/file';
import { formatOf, jurisdictionOf, originOf } from '$lib/server/dispatch/open311/endpoint';
import { clientAddress } from '$lib/server/auth/handle';
import { t } from '$lib/server/i18n';

export const GET: RequestHandler = ({ params, url }) => {
	const format = formatOf(params.format);
	const found = jurisdictionOf(format, url.searchParams.get('jurisdiction_id'));
	if ('response' in found) return found.response;
	const query = parseRequestQuery(url.searchParams, Date.now());
	if (!query.ok) return respondErrors(format, [query.error]);
	return respond(format, 'service_requests', requestList(requestRows(getDb(), found.street.id, query.filter), originOf(url)));
};

export const POST: RequestHandler = async (event) => {
	const format = formatOf(event.params.format);
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		return respondErrors(format, [{ status: 400, code: 400, description: t('error_bad_form') }]);
	}
	const fields = formFields(data);
	const jurisdiction = typeof fields.jurisdiction_id === 'string' ? fields.jurisdiction_id : null;
	const found = jurisdictionOf(format, jurisdiction);
	if ('response' in found) return found.response;
	const posted = fileThroughApi(getDb(), found.street, fields, clientAddress(event) ?? 'unknown', Date.now());
	if (!posted.ok) return respondErrors(format, posted.errors);
	return respond(format, 'service_requests', postedList(posted.id, posted.notice), 201);
};
