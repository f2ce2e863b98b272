// GeoReport v2 documents as value trees (format.ts writes them as XML or JSON). Field names and order follow the
// spec; ids and codes are strings, positions numbers, flags booleans, times W3C in China's +08:00.
import { t } from '../../i18n';
import { serviceName } from '$lib/service-name';
import { closeReasonLabel, reportStateLabel, serviceGroupLabel } from '$lib/labels';
import { List, type Fields } from './format';
import { choicesOf, type Attribute } from '../answers';
import { w3c } from '../w3c';
import type { Service } from '../records';
import type { RequestRow } from './queries';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

const orNull = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? null : s);

export function serviceList(services: Service[], withQuestions: Set<number>): List {
	return new List(
		'service',
		services.map((s) => ({
			service_code: s.code,
			service_name: serviceName(s),
			description: orNull(s.description),
			metadata: withQuestions.has(s.id),
			type: 'realtime',
			keywords: orNull(s.keywords),
			group: serviceGroupLabel(s.group)
		}))
	);
}

const LISTS = new Set(['singlevaluelist', 'multivaluelist']);

export function serviceDefinition(service: Service, attributes: Attribute[]): Fields {
	return {
		service_code: service.code,
		attributes: new List(
			'attribute',
			attributes.map((a, i) => ({
				variable: true,
				code: a.code,
				datatype: a.datatype,
				required: a.required,
				datatype_description: a.datatype === 'datetime' ? t('open311_datetime_hint') : null,
				order: i + 1,
				description: a.description,
				...(LISTS.has(a.datatype) ? { values: new List('value', choicesOf(a).map((c) => ({ key: c.key, name: c.name }))) } : {})
			}))
		)
	};
}

/** The fine state behind open/closed, in words: who has it now, or why it closed. */
function statusNotes(r: RequestRow): string {
	if (r.state === 'closed' && r.closeReason) {
		const reason = closeReasonLabel(r.closeReason);
		return r.closeNote ? t('open311_status_note', { state: reason, detail: r.closeNote }) : reason;
	}
	const state = reportStateLabel(r.state);
	return r.department ? t('open311_status_note', { state, detail: r.department }) : state;
}

export function requestFields(r: RequestRow, origin: string): Fields {
	return {
		service_request_id: String(r.id),
		status: r.state === 'closed' ? 'closed' : 'open',
		status_notes: statusNotes(r),
		service_name: serviceName(r),
		service_code: r.serviceCode,
		description: r.description,
		agency_responsible: r.department,
		service_notice: t(`open311_notice_${r.deadlineClass}`),
		requested_datetime: w3c(r.createdAt),
		updated_datetime: w3c(r.updatedAt),
		expected_datetime: r.deadlineAt === null ? null : w3c(r.deadlineAt),
		address: r.address,
		// the portal's addressing system: the community
		address_id: r.community,
		zipcode: null,
		lat: r.lat,
		long: r.long,
		media_url: r.photoId !== null ? `${origin}/media/reports/${r.photoId}` : r.mediaUrl
	};
}

export const requestList = (rows: RequestRow[], origin: string) => new List('request', rows.map((r) => requestFields(r, origin)));

/** What a POST answers: the id at once (a report exists from the moment it is filed). */
export const postedList = (id: number, notice: string) => new List('request', [{ service_request_id: String(id), service_notice: notice, account_id: null }]);

/** A token is the request's own id: clients written for batch servers may ask for it. */
export const tokenList = (id: number) => new List('request', [{ service_request_id: String(id), token: String(id) }]);

export function discovery(origin: string, changeset: number, street: { name: string }): Fields {
	return {
		changeset: w3c(changeset),
		contact: t('open311_contact', { street: street.name }),
		key_service: t('open311_key_service', { street: street.name }),
		endpoints: new List('endpoint', [
			{
				specification: SPECIFICATION,
				url: `${origin}/open311/v2`,
				changeset: w3c(changeset),
				type: 'production',
				formats: new List('format', ['text/xml', 'application/json'])
			}
		])
	};
}
