import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { countingQueries, getDb, queryCounter } from '$lib/server/db/client';
import { startJobs } from '$lib/server/jobs/runner';
import { JOBS } from '$lib/server/jobs/registry';
import { deliverEffects, onWakeEffects } from '$lib/server/jobs/outbox';
import { AsyncLocalStorage } from 'node:async_hooks';
import { defineCustomServerStrategy, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';
import { handleSession } from '$lib/server/auth/handle';
import { answerLocale, localeFromRequest, LOCALE_COOKIE, setsLocaleCookie, t, TEXT_SIZE_COOKIE } from '$lib/server/i18n';
import { securityHeaders } from '$lib/server/security/headers';
import { limitBodies } from '$lib/server/security/body-limit';
import { checkOrigin } from '$lib/server/security/origin';
import { keptPublicPages } from '$lib/server/page-cache/handle';
import { keptPagesWithOwnHeader } from '$lib/server/page-cache/own-header';

/** Migrations run once, when the server starts (never while building). */
export const init: ServerInit = () => {
	getDb();
	// One scheduler for everything that happens by date or after a commit (reminders, the outbox, clean-ups).
	startJobs(getDb, JOBS);
	// An effect queued by a command goes out right after its commit, not at the next tick.
	onWakeEffects(() => void deliverEffects(getDb(), Date.now()).catch((e) => console.error('effects failed', e)));
};

// Outside a request (jobs, scripts) Paraglide runs its strategies, custom ones first: cookie, then Accept-Language.
defineCustomServerStrategy('custom-locale', {
	getLocale: (request) => localeFromRequest(request?.headers.get('cookie') ?? null, request?.headers.get('accept-language') ?? null)
});

// In a request, getLocale() reads the locale from this store. Paraglide's own middleware does the same and also
// copies the request for its URL strategy, which this site does not use (6 % of the proposal list's time under load).
const requestLocale = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(requestLocale);

const locale: Handle = ({ event, resolve }) => {
	const chosen = answerLocale(event.request);
	return requestLocale.run({ locale: chosen, origin: event.url.origin }, () => {
		if (setsLocaleCookie(event.request, event.cookies.get(LOCALE_COOKIE))) {
			event.cookies.set(LOCALE_COOKIE, chosen, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 31536000 });
		}
		event.locals.largeText = event.cookies.get(TEXT_SIZE_COOKIE) === 'large';
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', chosen).replace('%textsize%', event.locals.largeText ? 'large-text' : '')
		});
	});
};

/** DB_QUERY_COUNT=1: report how many statements each request ran (tests and benchmarks read it). */
const countQueries: Handle = ({ event, resolve }) => {
	if (!countingQueries()) return resolve(event);
	const store = { n: 0 };
	return queryCounter.run(store, async () => {
		const response = await resolve(event);
		response.headers.set('x-db-queries', String(store.n));
		return response;
	});
};

// limitBodies wraps the request body as the last step before the route reads it.
// checkOrigin before the session: a cross-site form post is refused before anything reads it (security/origin.ts).
// Kept public pages after the headers every answer carries, before anything a fresh page would do; for signed-in
// people once their session and language are known.
export const handle: Handle = sequence(countQueries, securityHeaders, checkOrigin, keptPublicPages, handleSession, locale, keptPagesWithOwnHeader, limitBodies);

/** Unexpected errors: logged for us, a calm localized page for the person. */
export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	const key = status === 404 ? 'error_404_text' : status === 413 ? 'error_too_large' : 'error_500_text';
	return { message: t(key) };
};
