// Signed-in people on the pages that are the same for everyone but the header (SAME_FOR_EVERYONE): they get the
// kept visitor's page (handle.ts) with the visitor's header swapped for their own, the header rendered alone from
// the same component and the same data the root layout gives it. On the evening a vote closes most readers are
// signed in, and a whole page rendered for each of them gives a third of the pages a second (README, city scale).
//
// Only ever this way round: a visitor's page may be given a person's header, never a person's page to a visitor.
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { render } from 'svelte/server';
import Header from '$lib/components/Header.svelte';
import { headerPlace, type HeaderData, type HeaderPlace } from '$lib/header';
import { getDb } from '../db/client';
import { headerData } from '../header';
import { SESSION_COOKIE } from '../auth/sessions';
import { keptOrRendered, keptPageKey, mayAnswerFromStore } from './handle';
import { splitAround, type KeptPage } from './store';

/**
 * Routes whose page shows every reader the same thing apart from the header: no load below the root layout reads
 * who is asking. A route joins only with a test that its kept page with an own header is byte for byte the page
 * rendered for that person (tests/e2e/own-header.spec.ts).
 */
export const SAME_FOR_EVERYONE: ReadonlySet<string> = new Set(['/c/[slug]/proposals']);

/** The header's own markup, without whatever marks the component's place in a page around it. */
export function headerHtml(data: HeaderData, place: HeaderPlace): string {
	const { body } = render(Header, { props: { data, place } });
	return body.slice(body.indexOf('<header'), body.lastIndexOf('</header>') + '</header>'.length);
}

/** Each kept page split once around the visitor's header it was rendered with; null if that is not there once. */
const split = new WeakMap<KeptPage, readonly [string, string] | null>();

function aroundVisitorHeader(page: KeptPage, event: RequestEvent, place: HeaderPlace) {
	let parts = split.get(page);
	if (parts === undefined) {
		const visitor = headerData(getDb(), { user: null, actor: null, largeText: event.locals.largeText });
		parts = splitAround(page.body, headerHtml(visitor, place));
		split.set(page, parts);
	}
	return parts;
}

/** Renders the page as a visitor would get it: the layouts' loads see nobody signed in. */
async function asVisitor(event: RequestEvent, resolve: (event: RequestEvent) => Response | Promise<Response>) {
	const { user, session, actor } = event.locals;
	Object.assign(event.locals, { user: null, session: null, actor: null });
	try {
		return await resolve(event);
	} finally {
		Object.assign(event.locals, { user, session, actor });
	}
}

export const keptPagesWithOwnHeader: Handle = async ({ event, resolve }) => {
	if (!event.locals.user || !SAME_FOR_EVERYONE.has(event.route.id ?? '')) return resolve(event);
	// An answer that must set the session cookie again (its expiry moved) is rendered.
	if (event.locals.sessionRenewed || !mayAnswerFromStore(event, SESSION_COOKIE)) return resolve(event);

	const answer = await keptOrRendered(keptPageKey(event), () => asVisitor(event, resolve));
	// Not a page to keep (a community that does not exist, a redirect): rendered again, for this person.
	if ('response' in answer) return resolve(event);
	const place = headerPlace(event.url, event.params);
	const parts = aroundVisitorHeader(answer.kept, event, place);
	if (!parts) return resolve(event);
	const headers = new Headers(answer.kept.headers);
	headers.delete('etag');
	headers.delete('content-length');
	headers.set('age', String(Math.floor((Date.now() - answer.kept.keptAt) / 1000)));
	const own = headerHtml(headerData(getDb(), event.locals), place);
	return new Response(parts[0] + own + parts[1], { status: answer.kept.status, headers });
};
