// The header's data for the person asking: the root layout's load and the kept pages given to signed-in people
// ($lib/server/page-cache/own-header.ts) both make it here, so the two cannot show different headers.
import type { HeaderData } from '$lib/header';
import type { Db } from './db/client';
import { cachedStreets, cachedSwitcher } from './org/cache';
import { ServerOnly } from '$lib/server-only';
import { unreadCount } from './notifications/queries';
import { canSomewhere, reach } from './policy';
import { holdsDesk } from './desk/rules';
import { getLocale } from '$lib/paraglide/runtime';

export function headerData(db: Db, locals: Pick<App.Locals, 'user' | 'actor' | 'largeText'>): HeaderData {
	const actor = locals.actor;
	const streets = reach(actor, 'street.manage_view');
	return {
		user: locals.user && { username: locals.user.username, displayName: locals.user.displayName },
		unread: locals.user ? unreadCount(db, locals.user.id) : 0,
		switcher: new ServerOnly(cachedSwitcher(db)),
		streetsManaged: streets.streetIds.length
			? cachedStreets(db)
					.filter((s) => streets.streetIds.includes(s.id))
					.map((s) => ({ slug: s.slug, name: s.name }))
			: [],
		hasDesk: actor ? holdsDesk(actor.memberships) : false,
		isAdmin: canSomewhere(actor, 'site.admin_view'),
		canAudit: canSomewhere(actor, 'audit.view'),
		locale: getLocale(),
		largeText: locals.largeText
	};
}
