// GET requests: the spec's filters (service_request_id overriding the rest, service_code, start_date/end_date at
// most 90 days apart, status), the default of the last 90 days and at most 1,000, and page/page_size (extension).
import { DAY } from '../../db/time';
import { t } from '../../i18n';
import type { ApiError } from './format';
import type { RequestFilter } from './queries';
import { parseW3c } from '../w3c';

export const MAX_SPAN_MS = 90 * DAY;
export const MAX_PAGE_SIZE = 1000;

const list = (s: string | null) =>
	(s ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);

const bad = (description: string): { ok: false; error: ApiError } => ({ ok: false, error: { status: 400, code: 400, description } });

export function parseRequestQuery(q: URLSearchParams, now: number): { ok: true; filter: RequestFilter } | { ok: false; error: ApiError } {
	const ids = list(q.get('service_request_id'));
	if (ids.length) {
		if (ids.length > MAX_PAGE_SIZE) return bad(t('open311_error_too_many_ids', { max: MAX_PAGE_SIZE }));
		// an id that is not one of ours matches nothing, as an unknown number would
		return { ok: true, filter: { ids: ids.filter((s) => /^[1-9]\d{0,14}$/.test(s)).map(Number) } };
	}
	const start = q.get('start_date') ? parseW3c(q.get('start_date')!) : null;
	const end = q.get('end_date') ? parseW3c(q.get('end_date')!) : null;
	if (Number.isNaN(start) || Number.isNaN(end)) return bad(t('open311_error_date'));
	let from: number;
	let to: number;
	if (start !== null && end !== null) [from, to] = [start, end];
	else if (start !== null) [from, to] = [start, start + MAX_SPAN_MS];
	else if (end !== null) [from, to] = [end - MAX_SPAN_MS, end];
	else [from, to] = [now - MAX_SPAN_MS, now];
	if (to < from) return bad(t('open311_error_date_order'));
	if (to - from > MAX_SPAN_MS) return bad(t('open311_error_span', { days: 90 }));
	const statuses = list(q.get('status'));
	if (statuses.some((s) => s !== 'open' && s !== 'closed')) return bad(t('open311_error_status'));
	const page = q.get('page') ?? '1';
	const size = q.get('page_size') ?? String(MAX_PAGE_SIZE);
	if (!/^[1-9]\d{0,5}$/.test(page) || !/^[1-9]\d{0,3}$/.test(size) || Number(size) > MAX_PAGE_SIZE) return bad(t('open311_error_page', { max: MAX_PAGE_SIZE }));
	const codes = list(q.get('service_code'));
	return {
		ok: true,
		filter: {
			codes: codes.length ? codes : null,
			from,
			// end_date (or now) is the latest time included
			to: to + 1,
			statuses: statuses.length ? (statuses as ('open' | 'closed')[]) : null,
			offset: (Number(page) - 1) * Number(size),
			limit: Number(size)
		}
	};
}
