// The store of public pages (page-cache/store.ts): what may be kept, what may be served, for how long.
import { describe, expect, it } from 'vitest';
import { mayKeep, mayUseKeptPage, PageStore, splitAround, type KeptPage } from '../../src/lib/server/page-cache/store';

const page = (body: string, version = '1.0', keptAt = 0): KeptPage => ({ body, status: 200, headers: [['content-type', 'text/html']], version, keptAt });

describe('the page store', () => {
	it('serves a page while the data are the same and for its seconds only', () => {
		const store = new PageStore({ seconds: 5, maxPages: 10, maxBytes: 1e6 });
		store.set('zh-Hant||/c/jinwei', page('<p>一</p>', '7.3', 1_000));
		expect(store.get('zh-Hant||/c/jinwei', '7.3', 5_999)?.body).toBe('<p>一</p>');
		expect(store.get('zh-Hant||/c/jinwei', '7.3', 6_000)).toBeUndefined();
		// and it is gone, not just hidden
		expect(store.size).toBe(0);
	});

	it('drops a page as soon as anything was written to the database', () => {
		const store = new PageStore({ seconds: 5, maxPages: 10, maxBytes: 1e6 });
		store.set('k', page('a', '7.3'));
		expect(store.get('k', '7.4', 0)).toBeUndefined();
		expect(store.get('k', '7.3', 0)).toBeUndefined();
	});

	it('keeps no more than its pages and bytes, the oldest going first, and no page larger than an eighth', () => {
		const store = new PageStore({ seconds: 5, maxPages: 2, maxBytes: 800 });
		store.set('a', page('x'.repeat(10)));
		store.set('b', page('x'.repeat(10)));
		store.set('c', page('x'.repeat(10)));
		expect([store.get('a', '1.0', 0), store.get('b', '1.0', 0)?.body.length, store.get('c', '1.0', 0)?.body.length]).toEqual([undefined, 10, 10]);
		store.set('big', page('x'.repeat(51)));
		expect(store.get('big', '1.0', 0)).toBeUndefined();
	});

	it('keeps no more bytes than it may', () => {
		const store = new PageStore({ seconds: 5, maxPages: 100, maxBytes: 400 });
		// 25 characters are 50 bytes, an eighth of 400: nine of them are 450 bytes, one too many
		for (const key of 'abcdefghi') store.set(key, page('x'.repeat(25)));
		expect(store.size).toBe(8);
		expect(store.get('a', '1.0', 0)).toBeUndefined();
		expect(store.get('i', '1.0', 0)).toBeDefined();
	});
});

describe('which requests and answers', () => {
	it('serves kept pages to GETs with no cookie but the language and text size, unless a fresh copy is asked for', () => {
		expect(mayUseKeptPage('GET', [], null)).toBe(true);
		expect(mayUseKeptPage('GET', ['locale', 'textsize'], null)).toBe(true);
		expect(mayUseKeptPage('GET', ['locale', 'session'], null)).toBe(false);
		expect(mayUseKeptPage('GET', ['flash'], null)).toBe(false);
		expect(mayUseKeptPage('POST', [], null)).toBe(false);
		expect(mayUseKeptPage('HEAD', [], null)).toBe(false);
		expect(mayUseKeptPage('GET', [], 'no-cache')).toBe(false);
		expect(mayUseKeptPage('GET', [], 'max-age=0')).toBe(false);
	});

	it('keeps whole HTML pages only, never one that sets a cookie or is private', () => {
		const html = (more: Record<string, string> = {}) => new Headers({ 'content-type': 'text/html', ...more });
		expect(mayKeep(200, html())).toBe(true);
		expect(mayKeep(303, html())).toBe(false);
		expect(mayKeep(404, html())).toBe(false);
		expect(mayKeep(200, new Headers({ 'content-type': 'application/json' }))).toBe(false);
		expect(mayKeep(200, html({ 'set-cookie': 'flash=; Max-Age=0' }))).toBe(false);
		expect(mayKeep(200, html({ 'cache-control': 'private, no-store' }))).toBe(false);
	});

	it('splits a page around a part only when the part is there exactly once', () => {
		expect(splitAround('<p>a</p><header>v</header><main>b</main>', '<header>v</header>')).toEqual(['<p>a</p>', '<main>b</main>']);
		expect(splitAround('<header>v</header>', '<header>v</header>')).toEqual(['', '']);
		expect(splitAround('<header>v</header><header>v</header>', '<header>v</header>')).toBeNull();
		expect(splitAround('<header>w</header>', '<header>v</header>')).toBeNull();
		expect(splitAround('<header>v</header>', '')).toBeNull();
	});
});
