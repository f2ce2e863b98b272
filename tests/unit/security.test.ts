// The request and response guards of hooks.server.ts, on plain Request/Response objects.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { bodyLimit, limitBodies, SMALL_BODY } from '../../src/lib/server/security/body-limit';
import { HSTS, PRIVATE, securityHeaders } from '../../src/lib/server/security/headers';

type Fake = { url: string; route?: string; user?: 'resident' | 'street'; body?: BodyInit | ReadableStream<Uint8Array>; headers?: Record<string, string>; cookie?: string };

/** Street staff of street 1, or a resident of its community 1. */
const membership = (who: 'resident' | 'street') =>
	who === 'street' ? { role: 'street_staff', communityId: null, streetId: 1 } : { role: 'resident', communityId: 1, streetId: 1 };

function event(f: Fake): RequestEvent {
	const request = new Request(f.url, { method: f.body ? 'POST' : 'GET', body: f.body, headers: f.headers, duplex: 'half' } as RequestInit);
	return {
		url: new URL(f.url),
		route: { id: f.route ?? '/login' },
		locals: { user: f.user ? { id: 1 } : null, actor: f.user ? { userId: 1, memberships: [membership(f.user)] } : null },
		request,
		cookies: { get: (name: string) => (name === 'session' ? f.cookie : undefined) }
	} as unknown as RequestEvent;
}

/** What an action would get from `await request.formData()` after the guard: the form, or the error's status. */
async function formAfterGuard(e: RequestEvent): Promise<FormData | number> {
	let outcome = 0 as FormData | number;
	await limitBodies({
		event: e,
		resolve: async (ev) => {
			try {
				outcome = await ev.request.formData();
			} catch (err) {
				outcome = (err as { status?: number }).status ?? -1;
			}
			return new Response('ok');
		}
	});
	return outcome;
}

const UPLOAD = '/c/[slug]/menus/[id=id]/projects/[projectId=id]';
const chunked = (bytes: number, piece = 64 * 1024) => {
	let sent = 0;
	return new ReadableStream<Uint8Array>({
		pull(c) {
			if (sent >= bytes) return c.close();
			const n = Math.min(piece, bytes - sent);
			sent += n;
			c.enqueue(new Uint8Array(n).fill(0x61));
		}
	});
};

describe('bodyLimit', () => {
	it('gives large bodies only to the upload actions, and only to people who may use them somewhere', () => {
		const at = (url: string, route: string, role: 'resident' | 'street' | null) =>
			bodyLimit({ url: new URL(url), route: { id: route }, locals: { actor: role ? { memberships: [membership(role)] } : null } } as never);
		expect(at('http://x/c/jinwei/menus/1/projects/2?/progress', UPLOAD, 'street')).toBeGreaterThan(30 * 1024 * 1024);
		expect(at('http://x/c/jinwei/menus/1/projects/2?/progress', UPLOAD, 'resident')).toBe(SMALL_BODY);
		expect(at('http://x/c/jinwei/menus/1/projects/2?/progress', UPLOAD, null)).toBe(SMALL_BODY);
		expect(at('http://x/c/jinwei/menus/1/projects/2?/spending', UPLOAD, 'street')).toBe(SMALL_BODY);
		expect(at('http://x/c/jinwei/menus/import', '/c/[slug]/menus/import', 'street')).toBeGreaterThan(20 * 1024 * 1024);
		expect(at('http://x/login', '/login', 'street')).toBe(SMALL_BODY);
	});
});

describe('limitBodies', () => {
	const form = (size: number) => 'a=' + 'x'.repeat(size);
	const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

	it('passes an ordinary form through', async () => {
		const out = await formAfterGuard(event({ url: 'http://x/login', body: 'username=a&password=b', headers: urlencoded }));
		expect(out).toBeInstanceOf(FormData);
		expect((out as FormData).get('username')).toBe('a');
	});

	it('refuses a body announced over 1 MB with 413, before reading it', async () => {
		expect(await formAfterGuard(event({ url: 'http://x/login', body: form(2 * 1024 * 1024), headers: { ...urlencoded, 'content-length': String(2 * 1024 * 1024 + 2) } }))).toBe(413);
		// a body whose bytes never come: only its Content-Length can have answered, so nothing was waited for
		const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => {}) });
		const waiting = new Promise((resolve) => setTimeout(() => resolve('still waiting for the body'), 1000));
		const announced = event({ url: 'http://x/login', body: stalled, headers: { ...urlencoded, 'content-length': String(2 * 1024 * 1024) } });
		expect(await Promise.race([formAfterGuard(announced), waiting])).toBe(413);
	});

	it('refuses a chunked body (no Content-Length) once it passes 1 MB', async () => {
		expect(await formAfterGuard(event({ url: 'http://x/login', body: chunked(2 * 1024 * 1024), headers: urlencoded }))).toBe(413);
		expect(await formAfterGuard(event({ url: 'http://x/login', body: chunked(512 * 1024), headers: urlencoded }))).toBeInstanceOf(FormData);
	});

	it('lets street staff send 6 MB to the progress upload, and neither a resident nor a visitor', async () => {
		const upload = (user?: 'resident' | 'street') => event({ url: 'http://x/c/j/menus/1/projects/2?/progress', route: UPLOAD, user, body: chunked(6 * 1024 * 1024), headers: urlencoded });
		expect(await formAfterGuard(upload('street'))).toBeInstanceOf(FormData);
		expect(await formAfterGuard(upload('resident'))).toBe(413);
		expect(await formAfterGuard(upload())).toBe(413);
	});

	it('answers a truncated multipart body with 400', async () => {
		const body = '--b\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
		expect(await formAfterGuard(event({ url: 'http://x/login', body, headers: { 'content-type': 'multipart/form-data; boundary=b' } }))).toBe(400);
		// the same with its length announced (what browsers send), which takes the road without a copy
		const length = String(new TextEncoder().encode(body).byteLength);
		expect(await formAfterGuard(event({ url: 'http://x/login', body, headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': length } }))).toBe(400);
	});

	it('keeps a body announced within its limit as it came, without copying the request', async () => {
		const body = 'menuId=1&projectIds=2&projectIds=3';
		const e = event({ url: 'http://x/login', body, headers: { ...urlencoded, 'content-length': String(body.length) } });
		const original = e.request;
		let seen: Request | undefined;
		await limitBodies({ event: e, resolve: async (ev) => ((seen = ev.request), new Response('ok')) });
		expect(seen).toBe(original);
		expect((await seen!.formData()).getAll('projectIds')).toEqual(['2', '3']);
	});
});

describe('securityHeaders', () => {
	const origin = process.env.ORIGIN;
	afterEach(() => {
		process.env.ORIGIN = origin;
	});

	async function headersFor(f: Fake, type = 'text/html', preset: Record<string, string> = {}) {
		const response = await securityHeaders({ event: event(f), resolve: async () => new Response('x', { headers: { 'content-type': type, ...preset } }) });
		return response.headers;
	}

	it('sends Strict-Transport-Security only when the site is served over https', async () => {
		process.env.ORIGIN = 'https://gongtong.example';
		expect((await headersFor({ url: 'https://gongtong.example/' })).get('strict-transport-security')).toBe(HSTS);
		process.env.ORIGIN = 'http://localhost:3000';
		expect((await headersFor({ url: 'http://localhost:3000/' })).get('strict-transport-security')).toBeNull();
	});

	it('marks pages and page data private, no-store when a session cookie came with the request', async () => {
		expect((await headersFor({ url: 'http://x/my', cookie: 'tok' })).get('cache-control')).toBe(PRIVATE);
		expect((await headersFor({ url: 'http://x/my/__data.json', cookie: 'tok' }, 'application/json')).get('cache-control')).toBe(PRIVATE);
		expect((await headersFor({ url: 'http://x/c/jinwei', cookie: 'tok' }, 'text/html', { 'cache-control': 'public, max-age=600' })).get('cache-control')).toBe(PRIVATE);
	});

	it('leaves an immutable photo and anonymous pages alone', async () => {
		expect((await headersFor({ url: 'http://x/media/projects/1', cookie: 'tok' }, 'image/png', { 'cache-control': 'public, max-age=31536000, immutable' })).get('cache-control')).toContain('immutable');
		expect((await headersFor({ url: 'http://x/' })).get('cache-control')).toBeNull();
	});
});
