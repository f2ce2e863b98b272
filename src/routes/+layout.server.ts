import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { cachedStreets, cachedSwitcher } from '$lib/server/org/cache';
import { ServerOnly } from '$lib/server-only';
import { unreadCount } from '$lib/server/notifications/queries';
import { canSomewhere, reach } from '$lib/server/policy';
import { takeFlash } from '$lib/server/http';
import { getLocale } from '$lib/paraglide/runtime';
import { holdsDesk } from '$lib/server/desk/rules';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
	const db = getDb();
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
		/** What the last form did, said once on the page it led to. */
		flash: takeFlash(cookies),
		locale: getLocale(),
		largeText: locals.largeText
	};
};
