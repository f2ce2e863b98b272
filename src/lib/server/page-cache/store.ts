// Pages kept for visitors who are not signed in: the same address, language and text size get the same bytes
// while the database is unchanged and for a few seconds at most (pages say "3 days left", "5 minutes ago").
// Pure: the handle (handle.ts) says what the request and the data version are.

import { LOCALE_COOKIE, TEXT_SIZE_COOKIE } from '../i18n';

export type KeptPage = { body: string; status: number; headers: [string, string][]; version: string; keptAt: number };

/** Cookies a visitor who is not signed in may carry and still be served a kept page (both are in the key). */
export const NEUTRAL_COOKIES = new Set([LOCALE_COOKIE, TEXT_SIZE_COOKIE]);

export type PageStoreOptions = { seconds: number; maxPages: number; maxBytes: number };

export class PageStore {
	private readonly pages = new Map<string, KeptPage>();
	private bytes = 0;
	constructor(readonly options: PageStoreOptions) {}

	/** The page kept under `key`, if the data are the same and it is young enough. */
	get(key: string, version: string, now: number): KeptPage | undefined {
		const page = this.pages.get(key);
		if (!page) return undefined;
		if (page.version !== version || now - page.keptAt >= this.options.seconds * 1000) {
			this.drop(key, page);
			return undefined;
		}
		return page;
	}

	/** Keeps a page; the oldest go first when there are too many or too many bytes. Large pages are not kept. */
	set(key: string, page: KeptPage) {
		const size = page.body.length * 2;
		if (size > this.options.maxBytes / 8) return;
		const old = this.pages.get(key);
		if (old) this.drop(key, old);
		this.pages.set(key, page);
		this.bytes += size;
		for (const [k, p] of this.pages) {
			if (this.pages.size <= this.options.maxPages && this.bytes <= this.options.maxBytes) break;
			this.drop(k, p);
		}
	}

	get size() {
		return this.pages.size;
	}

	private drop(key: string, page: KeptPage) {
		this.pages.delete(key);
		this.bytes -= page.body.length * 2;
	}
}

/**
 * Whether a request may be answered with a kept page: a GET of a page by someone not signed in, with no cookie
 * other than the language and text size, not asking for a fresh copy (Cache-Control: no-cache, as a reload does).
 */
export function mayUseKeptPage(method: string, cookieNames: string[], cacheControl: string | null): boolean {
	if (method !== 'GET') return false;
	if (cacheControl && /no-cache|no-store|max-age=0/.test(cacheControl)) return false;
	return cookieNames.every((name) => NEUTRAL_COOKIES.has(name));
}

/** Whether an answer may be kept: a whole HTML page that sets no cookie and is not private. */
export function mayKeep(status: number, headers: Headers): boolean {
	if (status !== 200) return false;
	if (!headers.get('content-type')?.startsWith('text/html')) return false;
	if (headers.has('set-cookie')) return false;
	return !/private|no-store/.test(headers.get('cache-control') ?? '');
}

/** The text before and after `part`, if it occurs exactly once in `text`. */
export function splitAround(text: string, part: string): readonly [string, string] | null {
	const at = text.indexOf(part);
	if (part === '' || at < 0 || text.indexOf(part, at + 1) >= 0) return null;
	return [text.slice(0, at), text.slice(at + part.length)];
}
