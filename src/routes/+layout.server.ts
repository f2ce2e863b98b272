import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listCommunities, listStreets } from '$lib/server/org/queries';
import { unreadCount } from '$lib/server/notifications/queries';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = ({ locals }) => {
	const db = getDb();
	const actor = locals.actor;
	const roles = new Set(actor?.memberships.map((m) => m.role) ?? []);
	return {
		user: locals.user && { username: locals.user.username, displayName: locals.user.displayName },
		unread: locals.user ? unreadCount(db, locals.user.id) : 0,
		communities: listCommunities(db).map((c) => ({ slug: c.slug, name: c.name, streetSlug: c.streetSlug })),
		streetsManaged: roles.has('street_staff')
			? listStreets(db)
					.filter((s) => actor!.memberships.some((m) => m.role === 'street_staff' && m.streetId === s.id))
					.map((s) => ({ slug: s.slug, name: s.name }))
			: [],
		isAdmin: roles.has('admin'),
		canAudit: roles.has('admin') || roles.has('street_staff') || roles.has('committee'),
		locale: getLocale(),
		largeText: locals.largeText
	};
};
