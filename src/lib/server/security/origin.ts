// Cross-site form posts are refused, as SvelteKit's own check does (kit.csrf.checkOrigin, turned off in
// svelte.config.js so that this one runs instead) — with one exception: Open311 clients file reports with a
// form-encoded POST from their own servers, without an Origin header, as GeoReport v2 requires. That endpoint reads
// no session and acts only with the API key it is sent, so a forged post from a browser can do nothing a key does not.
import { dev } from '$app/environment';
import { json, text, type Handle } from '@sveltejs/kit';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The one route other sites' servers may post forms to. */
const OPEN311_POST = /^\/open311\/v2\/requests\.(json|xml)$/;

export function crossSiteForm(request: Request, url: URL): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return UNSAFE.has(request.method) && FORM_TYPES.has(type) && request.headers.get('origin') !== url.origin && !OPEN311_POST.test(url.pathname);
}

export const checkOrigin: Handle = ({ event, resolve }) => {
	// SvelteKit does not check in development either
	if (dev || !crossSiteForm(event.request, event.url)) return resolve(event);
	const message = `Cross-site ${event.request.method} form submissions are forbidden`;
	return event.request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
};
