// The hook that answers visitors who are not signed in from the page store (store.ts): on the evening a vote
// closes, most of a community's visitors read the same few public pages, and rendering each for every one of them
// is what a single process runs out of. Signed-in people get a fresh page, or, on the pages that are the same for
// everyone, the kept page with their own header (own-header.ts).
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { getSqlite } from '../db/client';
import { dataVersion } from '../db/data-version';
import { answerLocale, LOCALE_COOKIE, setsLocaleCookie, TEXT_SIZE_COOKIE } from '../i18n';
import { mayKeep, mayUseKeptPage, PageStore, type KeptPage } from './store';

const keptSeconds = Number(process.env.PAGE_CACHE_SECONDS ?? 5);
const store = new PageStore({ seconds: keptSeconds, maxPages: 1_000, maxBytes: 64 * 1024 * 1024 });
const rendering = new Map<string, Promise<KeptPage | undefined>>();

/**
 * A page asked for by a browser: not SvelteKit's data for it (`…/__data.json` has the page's address in
 * `event.url`, so it would be given the page), a remote function or a request made by a load.
 */
const asksForPage = (event: RequestEvent) => !event.isDataRequest && !event.isSubRequest && !event.isRemoteRequest;

/**
 * Whether a request may be answered from the store: a browser's GET of a page, not asking for a fresh copy, with
 * no cookie but the language, the text size and `also` (the session, for own-header.ts), and not a first visit,
 * which is answered with the language cookie (hooks.server.ts): rendered, not kept.
 */
export function mayAnswerFromStore(event: RequestEvent, also?: string): boolean {
	if (keptSeconds <= 0 || !asksForPage(event)) return false;
	const names = event.cookies.getAll().map((c) => c.name).filter((name) => name !== also);
	if (!mayUseKeptPage(event.request.method, names, event.request.headers.get('cache-control'))) return false;
	return !setsLocaleCookie(event.request, event.cookies.get(LOCALE_COOKIE));
}

/** Pages are kept per address, language and text size: everything else a visitor's page depends on. */
export const keptPageKey = (event: RequestEvent) =>
	`${answerLocale(event.request)}|${event.cookies.get(TEXT_SIZE_COOKIE) ?? ''}|${event.url.pathname}${event.url.search}`;

/**
 * The page kept under `key` while the data are unchanged, else the one being rendered for it, else `render`'s
 * answer, kept when it may be. One render per page at a time: the others asking for it meanwhile wait for that one
 * (a kept page expiring under fifty connections would otherwise be rendered fifty times at once).
 */
export async function keptOrRendered(key: string, render: () => Response | Promise<Response>): Promise<{ kept: KeptPage; fresh: boolean } | { response: Response }> {
	const version = dataVersion(getSqlite());
	const now = Date.now();
	const kept = store.get(key, version, now) ?? (await rendering.get(key));
	if (kept && kept.version === version) return { kept, fresh: false };
	let done!: (page: KeptPage | undefined) => void;
	const promise = new Promise<KeptPage | undefined>((r) => (done = r));
	rendering.set(key, promise);
	try {
		const response = await render();
		if (!mayKeep(response.status, response.headers)) return (done(undefined), { response });
		const page: KeptPage = { body: await response.text(), status: response.status, headers: [...response.headers], version, keptAt: now };
		store.set(key, page);
		done(page);
		return { kept: page, fresh: true };
	} finally {
		done(undefined);
		if (rendering.get(key) === promise) rendering.delete(key);
	}
}

/**
 * A kept page is the very bytes, headers included, that one render produced (its CSP names hashes, not a nonce
 * made for one answer), so replaying it is what a caching proxy in front of the site would do.
 */
export const keptPublicPages: Handle = async ({ event, resolve }) => {
	if (!mayAnswerFromStore(event)) return resolve(event);
	const answer = await keptOrRendered(keptPageKey(event), () => resolve(event));
	if ('response' in answer) return answer.response;
	const { kept, fresh } = answer;
	const headers = new Headers(kept.headers);
	if (!fresh) headers.set('age', String(Math.floor((Date.now() - kept.keptAt) / 1000)));
	return new Response(kept.body, { status: kept.status, headers });
};
