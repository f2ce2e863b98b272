// The Open311 pieces that need no server: the query rules of GET requests, the XML writer, and which form posts
// may come from another site (only an Open311 client's POST of a request).
import { describe, expect, it } from 'vitest';
import { parseRequestQuery, MAX_SPAN_MS } from '../../../src/lib/server/dispatch/open311/requests';
import { escapeXml } from '../../../src/lib/server/dispatch/open311/xml';
import { List, toJson, toXml } from '../../../src/lib/server/dispatch/open311/format';
import { crossSiteForm } from '../../../src/lib/server/security/origin';
import { w3c } from '../../../src/lib/server/dispatch/w3c';

const NOW = Date.UTC(2026, 10, 1, 2);
const q = (s: string) => parseRequestQuery(new URLSearchParams(s), NOW);

describe('GET requests query', () => {
	it('defaults to the last 90 days up to now, at most 1,000', () => {
		expect(q('')).toEqual({ ok: true, filter: { codes: null, from: NOW - MAX_SPAN_MS, to: NOW + 1, statuses: null, offset: 0, limit: 1000 } });
	});
	it('service_request_id overrides the other filters; a range over 90 days, a bad date or status is refused', () => {
		expect(q('service_request_id=3,4,x&status=closed')).toEqual({ ok: true, filter: { ids: [3, 4] } });
		expect(q('start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).toMatchObject({ ok: false, error: { status: 400 } });
		expect(q('start_date=2026-10-01T00:00:00+08:00&end_date=2026-10-31T00:00:00+08:00')).toMatchObject({ ok: true });
		expect(q('start_date=yesterday')).toMatchObject({ ok: false });
		expect(q('status=pending')).toMatchObject({ ok: false });
		expect(q('page=2&page_size=5')).toMatchObject({ ok: true, filter: { offset: 5, limit: 5 } });
	});
});

describe('documents', () => {
	it('one tree, two formats: lists become arrays and repeated elements, text is escaped', () => {
		const doc = new List('request', [{ service_request_id: '7', description: '<script>&"\u0001', lat: 22.5, media_url: null }]);
		expect(toJson(doc)).toEqual([{ service_request_id: '7', description: '<script>&"\u0001', lat: 22.5, media_url: null }]);
		expect(toXml('service_requests', doc)).toBe(
			'<service_requests><request><service_request_id>7</service_request_id><description>&lt;script&gt;&amp;&quot;</description><lat>22.5</lat><media_url/></request></service_requests>'
		);
		expect(escapeXml("a'b")).toBe('a&apos;b');
		expect(w3c(NOW)).toBe('2026-11-01T10:00:00+08:00');
	});
});

describe('cross-site form posts', () => {
	const post = (path: string, origin: string | null, type = 'application/x-www-form-urlencoded') =>
		crossSiteForm(new Request(`http://portal.test${path}`, { method: 'POST', headers: { 'content-type': type, ...(origin ? { origin } : {}) } }), new URL(`http://portal.test${path}`));
	it('are refused everywhere but the Open311 request endpoint', () => {
		expect(post('/c/jinwei/reports/new', 'http://evil.test')).toBe(true);
		expect(post('/c/jinwei/reports/new', null, 'multipart/form-data; boundary=x')).toBe(true);
		expect(post('/c/jinwei/reports/new', 'http://portal.test')).toBe(false);
		expect(post('/open311/v2/requests.json', null)).toBe(false);
		expect(post('/open311/v2/requests.xml', 'http://evil.test')).toBe(false);
		expect(post('/open311/v2/requests.json/../../login', null)).toBe(true);
		expect(post('/c/jinwei/reports/new', 'http://evil.test', 'application/json')).toBe(false);
	});
});
