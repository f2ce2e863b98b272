// What the site header shows: who is signed in and what they may reach (HeaderData, made on the server by
// headerData in $lib/server/header.ts) and where the page is (HeaderPlace). The header takes both as props rather
// than reading SvelteKit's page state, so the server can also render it on its own for a kept page
// ($lib/server/page-cache/own-header.ts).
import type { ServerOnly } from '$lib/server-only';

export type HeaderData = {
	user: { username: string; displayName: string } | null;
	unread: number;
	switcher: ServerOnly<readonly { slug: string; name: string }[]>;
	streetsManaged: { slug: string; name: string }[];
	hasDesk: boolean;
	isAdmin: boolean;
	canAudit: boolean;
	locale: string;
	largeText: boolean;
};

export type HeaderPlace = {
	/** The address to come back to after signing in or changing the language. */
	here: string;
	path: string;
	/** The community the page belongs to, if any. */
	slug: string | null;
};

export function headerPlace(url: URL, params: Partial<Record<string, string>>): HeaderPlace {
	const path = url.pathname;
	return { here: path + url.search, path, slug: params.slug && path.startsWith('/c/') ? params.slug : null };
}
