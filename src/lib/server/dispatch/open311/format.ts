// One value tree, two formats. GeoReport v2 writes XML and maps it to JSON by the Spark convention: a list element
// (<services><service>…</service></services>) becomes a JSON array, an element with children an object, a leaf
// its value. Serializers build the tree once; `respond` writes it as the URL's format asked.
import { element, XML_DECLARATION } from './xml';

export type Scalar = string | number | boolean | null;
export type Value = Scalar | Fields | List;
export type Fields = { [name: string]: Value };

/** A list of elements named `item`: an array in JSON. */
export class List {
	constructor(
		readonly item: string,
		readonly items: (Fields | Scalar)[]
	) {}
}

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export function toJson(value: Value): unknown {
	if (value instanceof List) return value.items.map(toJson);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
	return value;
}

export function toXml(name: string, value: Value): string {
	if (value === null) return element(name, null);
	if (value instanceof List) return element(name, { children: value.items.map((item) => toXml(value.item, item)) });
	if (typeof value === 'object') return element(name, { children: Object.entries(value).map(([k, v]) => toXml(k, v)) });
	return element(name, { text: typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value) });
}

const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** The document `root` holding `value`, as JSON or as XML with its declaration. */
export function respond(format: Format, root: string, value: Value, status = 200, headers: Record<string, string> = {}): Response {
	const body = format === 'json' ? JSON.stringify(toJson(value)) : `${XML_DECLARATION}\n${toXml(root, value)}`;
	return new Response(body, {
		status,
		headers: {
			'content-type': TYPES[format],
			// public data read by other sites' scripts too; no cookie is ever used by these endpoints
			'access-control-allow-origin': '*',
			'cache-control': 'no-store',
			...headers
		}
	});
}

export type ApiError = { status: number; code: number | string; description: string };

/** The spec's error list: `<errors><error><code/><description/></error></errors>`, with its HTTP status. */
export function respondErrors(format: Format, errors: ApiError[], headers: Record<string, string> = {}): Response {
	const list = new List('error', errors.map((e) => ({ code: e.code, description: e.description })));
	return respond(format, 'errors', list, errors[0]?.status ?? 400, headers);
}
