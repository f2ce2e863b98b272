// Headers every answer carries. Pages that depend on who is signed in are never stored by a browser or a
// proxy (a shared computer's back button, a caching proxy in front of the site); HTTPS sites ask browsers
// never to come back over plain HTTP.
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/sessions';

export const HSTS = 'max-age=31536000; includeSubDomains';
export const PRIVATE = 'private, no-store';

const httpsSite = () => (process.env.ORIGIN ?? '').startsWith('https:');

/** Page HTML and page data (`__data.json`) are personal when a session cookie came with the request. */
function personal(event: RequestEvent, headers: Headers): boolean {
	if (!event.cookies.get(SESSION_COOKIE) && !event.locals.user) return false;
	return /text\/html|json/.test(headers.get('content-type') ?? '') || !headers.has('cache-control');
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (httpsSite()) headers.set('Strict-Transport-Security', HSTS);
	if (personal(event, headers)) headers.set('Cache-Control', PRIVATE);
	return response;
};
