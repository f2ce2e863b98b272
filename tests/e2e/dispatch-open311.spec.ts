// Open311 GeoReport v2 over HTTP, against the demo street: every endpoint in JSON and XML, checked against the
// spec's field lists and types (JSON Schemas written from the spec; the XML has the same elements, in the same
// order, as the JSON), the error cases, and that no GET ever tells who reported anything.
import { expect, test, type APIRequestContext, type Page } from './test';
import { unique } from './helpers';

const KEY = process.env.DEMO_OPEN311_KEY ?? 'o311_demo_pingxiangmen_street_key';

type Schema = {
	type?: string | string[];
	enum?: unknown[];
	pattern?: string;
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: boolean;
	items?: Schema;
	minItems?: number;
};

/** The small part of JSON Schema these documents need: types, enums, patterns, objects and arrays. */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
	const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
	const types = schema.type === undefined ? null : [schema.type].flat();
	if (types && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return [`${path}: ${kind} is not ${types.join('|')}`];
	const out: string[] = [];
	if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${String(value)} not in ${schema.enum.join('|')}`);
	if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${path}: "${value}" does not match ${schema.pattern}`);
	if (kind === 'array') {
		const list = value as unknown[];
		if (schema.minItems !== undefined && list.length < schema.minItems) out.push(`${path}: fewer than ${schema.minItems} items`);
		if (schema.items) list.forEach((v, i) => out.push(...violations(schema.items!, v, `${path}[${i}]`)));
	}
	if (kind === 'object') {
		const object = value as Record<string, unknown>;
		for (const name of schema.required ?? []) if (!(name in object)) out.push(`${path}: missing ${name}`);
		for (const [name, v] of Object.entries(object)) {
			const field = schema.properties?.[name];
			if (field) out.push(...violations(field, v, `${path}.${name}`));
			else if (schema.additionalProperties === false) out.push(`${path}: unexpected ${name}`);
		}
	}
	return out;
}

const text = { type: 'string' };
const maybeText = { type: ['string', 'null'] };
/** W3C datetime with China's offset, as the portal writes it. */
const W3C = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00$' };
const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
	type: 'object',
	properties,
	required: Object.keys(properties).filter((k) => !optional.includes(k)),
	additionalProperties: false
});

const SERVICES: Schema = {
	type: 'array',
	minItems: 8,
	items: object({ service_code: text, service_name: text, description: maybeText, metadata: { type: 'boolean' }, type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: maybeText, group: text })
};
const DEFINITION: Schema = object({
	service_code: text,
	attributes: {
		type: 'array',
		items: object(
			{
				variable: { type: 'boolean' },
				code: text,
				datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
				required: { type: 'boolean' },
				datatype_description: maybeText,
				order: { type: 'integer' },
				description: text,
				values: { type: 'array', items: object({ key: text, name: text }) }
			},
			['values']
		)
	}
});
const REQUEST = object({
	service_request_id: { type: 'string', pattern: '^\\d+$' },
	status: { enum: ['open', 'closed'] },
	status_notes: maybeText,
	service_name: text,
	service_code: text,
	description: maybeText,
	agency_responsible: maybeText,
	service_notice: maybeText,
	requested_datetime: W3C,
	updated_datetime: W3C,
	expected_datetime: { ...W3C, type: ['string', 'null'] },
	address: maybeText,
	address_id: maybeText,
	zipcode: maybeText,
	lat: { type: ['number', 'null'] },
	long: { type: ['number', 'null'] },
	media_url: maybeText
});
const REQUESTS: Schema = { type: 'array', items: REQUEST };
const POSTED: Schema = { type: 'array', minItems: 1, items: object({ service_request_id: { type: 'string', pattern: '^\\d+$' }, service_notice: maybeText, account_id: { type: 'null' } }) };
const ERRORS: Schema = { type: 'array', minItems: 1, items: object({ code: { type: ['integer', 'string'] }, description: text }) };
const DISCOVERY: Schema = object({
	changeset: W3C,
	contact: text,
	key_service: text,
	endpoints: { type: 'array', minItems: 1, items: object({ specification: text, url: text, changeset: W3C, type: { enum: ['production', 'test'] }, formats: { type: 'array', items: text } }) }
});

async function json(request: APIRequestContext, path: string, status = 200) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(status);
	expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
	return response.json();
}

/** The XML document's shape as a tree of element names, read by the browser's own parser. */
async function xmlShape(page: Page, request: APIRequestContext, path: string, status = 200) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(status);
	expect(response.headers()['content-type']).toBe('text/xml; charset=utf-8');
	const body = await response.text();
	expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
	return page.evaluate((xml) => {
		const doc = new DOMParser().parseFromString(xml, 'text/xml');
		if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror')!.textContent };
		type Node = { name: string; children: Node[]; text: string };
		const walk = (el: Element): Node => ({ name: el.tagName, children: [...el.children].map(walk), text: el.children.length ? '' : (el.textContent ?? '') });
		return { root: walk(doc.documentElement) };
	}, body);
}

type Shape = { name: string; children: Shape[]; text: string };
/** The element names JSON `value` should become under `root` (a list element's items are named `item`). */
function expectSameShape(xml: Shape, json: unknown, item: string) {
	const items = json as Record<string, unknown>[];
	expect(xml.children.map((c) => c.name)).toEqual(items.map(() => item));
	xml.children.forEach((child, i) => expect(child.children.map((c) => c.name)).toEqual(Object.keys(items[i])));
}

test.describe('Open311 GeoReport v2', () => {
	test('discovery, services and a service definition, in JSON and XML, as the spec lists them', async ({ page, request }) => {
		for (const f of ['json', 'xml']) expect((await request.get(`/open311/discovery.${f}`)).status()).toBe(200);
		expect(violations(DISCOVERY, await json(request, '/open311/discovery.json'))).toEqual([]);
		const discovery = await xmlShape(page, request, '/open311/discovery.xml');
		expect(discovery.root?.name).toBe('discovery');

		const services = await json(request, '/open311/v2/services.json');
		expect(violations(SERVICES, services)).toEqual([]);
		expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(expect.arrayContaining(['streetlight', 'road_damage', 'garbage', 'illegal_building', 'noise', 'greenery', 'fire_lane', 'water_leak']));
		const servicesXml = await xmlShape(page, request, '/open311/v2/services.xml');
		expect(servicesXml.root?.name).toBe('services');
		expectSameShape(servicesXml.root!, services, 'service');

		const definition = await json(request, '/open311/v2/services/fire_lane.json');
		expect(violations(DEFINITION, definition)).toEqual([]);
		expect(definition.attributes[0]).toMatchObject({ code: 'blocked_by', datatype: 'multivaluelist', required: true });
		const definitionXml = await xmlShape(page, request, '/open311/v2/services/fire_lane.xml');
		expect(definitionXml.root?.name).toBe('service_definition');
		expect(definitionXml.root!.children.map((c) => c.name)).toEqual(['service_code', 'attributes']);
		expect(definitionXml.root!.children[1].children[0].children.map((c) => c.name)).toEqual(Object.keys(definition.attributes[0]));
	});

	test('requests: the last 90 days, one by id, filters, and every field typed as the spec says', async ({ page, request }) => {
		const all = await json(request, '/open311/v2/requests.json');
		expect(all.length).toBeGreaterThan(15);
		expect(violations(REQUESTS, all)).toEqual([]);
		const xml = await xmlShape(page, request, '/open311/v2/requests.xml');
		expect(xml.root?.name).toBe('service_requests');
		expectSameShape(xml.root!, all, 'request');

		const closed = await json(request, '/open311/v2/requests.json?status=closed&service_code=garbage,fire_lane');
		expect(closed.length).toBeGreaterThan(0);
		for (const r of closed) expect([r.status, ['garbage', 'fire_lane'].includes(r.service_code)]).toEqual(['closed', true]);
		// service_request_id overrides every other filter
		const ids = all.slice(0, 2).map((r: { service_request_id: string }) => r.service_request_id);
		const byIds = await json(request, `/open311/v2/requests.json?service_request_id=${ids.join(',')}&status=closed&service_code=none`);
		expect(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());
		const one = await json(request, `/open311/v2/requests/${ids[0]}.json`);
		expect(violations(REQUESTS, one)).toEqual([]);
		expect(one).toHaveLength(1);
		const oneXml = await xmlShape(page, request, `/open311/v2/requests/${ids[0]}.xml`);
		expectSameShape(oneXml.root!, one, 'request');
		const paged = await json(request, '/open311/v2/requests.json?page=2&page_size=5');
		expect(paged.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(all.slice(5, 10).map((r: { service_request_id: string }) => r.service_request_id));
	});

	test('POST files a report with the key and the answers to the service’s questions; no GET tells who sent it', async ({ request }) => {
		const tag = unique();
		const form = {
			api_key: KEY,
			service_code: 'fire_lane',
			address_id: 'jinwei',
			lat: '22.5431',
			long: '114.0579',
			description: `API ${tag}: fire lane blocked by a van`,
			'attribute[blocked_by][]': '1',
			email: `reporter-${tag}@example.com`,
			phone: `139${tag.slice(-8)}`,
			first_name: `Secret${tag}`,
			last_name: 'Person',
			device_id: `device-${tag}`,
			account_id: `account-${tag}`
		};
		const posted = await request.post('/open311/v2/requests.json', { form });
		expect(posted.status()).toBe(201);
		const body = await posted.json();
		expect(violations(POSTED, body)).toEqual([]);
		const id = body[0].service_request_id;
		const postedXml = await request.post('/open311/v2/requests.xml', { form: { ...form, description: `API ${tag}: again, in XML` } });
		expect(postedXml.status()).toBe(201);
		expect(await postedXml.text()).toMatch(/<service_requests><request><service_request_id>\d+<\/service_request_id>/);
		expect(await json(request, `/open311/v2/tokens/${id}.json`)).toEqual([{ service_request_id: id, token: id }]);

		const filed = (await json(request, `/open311/v2/requests/${id}.json`))[0];
		expect(filed).toMatchObject({ status: 'open', service_code: 'fire_lane', lat: 22.5431, long: 114.0579, address_id: 'jinwei', description: form.description });
		// nobody's name, contact, device or account, in any format, on any GET
		for (const path of [`/open311/v2/requests/${id}.json`, `/open311/v2/requests/${id}.xml`, '/open311/v2/requests.json', '/open311/v2/requests.xml', `/c/jinwei/reports/${id}`, '/c/jinwei/reports']) {
			const seen = await (await request.get(path)).text();
			for (const secret of [form.email, form.phone, form.first_name, form.device_id, form.account_id, '王秀英', 'resident1']) expect(seen, `${path} shows ${secret}`).not.toContain(secret);
		}
		expect(filed.status_notes).toBe('待分派');
	});

	test('errors: a bad key, an unknown service or id, a missing location, a range over 90 days, a bad status', async ({ page, request }) => {
		const post = (form: Record<string, string>, format = 'json') => request.post(`/open311/v2/requests.${format}`, { form });
		const base = { api_key: KEY, service_code: 'garbage', address_id: 'jinwei', address_string: '金韋花園 1 棟' };
		const cases: [Promise<Awaited<ReturnType<typeof post>>>, number][] = [
			[post({ ...base, api_key: 'not-a-key' }), 403],
			[post({ ...base, api_key: '' }), 403],
			[post({ ...base, service_code: 'ufo' }), 404],
			[post({ api_key: KEY, service_code: 'garbage' }), 400],
			[post({ ...base, lat: '22.5' }), 400],
			[post({ ...base, service_code: 'fire_lane' }), 400]
		];
		for (const [pending, status] of cases) {
			const response = await pending;
			expect(response.status()).toBe(status);
			expect(violations(ERRORS, await response.json())).toEqual([]);
		}
		const xmlError = await post({ ...base, api_key: 'wrong' }, 'xml');
		expect(xmlError.status()).toBe(403);
		expect(await xmlError.text()).toMatch(/<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>/);

		for (const [path, status] of [
			['/open311/v2/services/ufo.json', 404],
			['/open311/v2/requests/999999999.json', 404],
			['/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 400],
			['/open311/v2/requests.json?start_date=yesterday', 400],
			['/open311/v2/requests.json?status=pending', 400],
			['/open311/v2/requests.json?jurisdiction_id=nowhere', 404]
		] as const) {
			expect(violations(ERRORS, await json(request, path, status)), path).toEqual([]);
		}
		// the origin check that lets Open311 clients post still refuses a cross-site form anywhere else
		const forged = await request.post('/c/jinwei/reports/new', { form: { service: 'garbage' }, headers: { origin: 'http://evil.example' } });
		expect(forged.status()).toBe(403);
		const unsigned = await request.post('/login', { form: { username: 'resident1' } });
		expect(unsigned.status()).toBe(403);
		const xml = await xmlShape(page, request, '/open311/v2/requests/999999999.xml', 404);
		expect(xml.root?.name).toBe('errors');
		expect(xml.root!.children[0].children.map((c) => c.name)).toEqual(['code', 'description']);
	});
});
