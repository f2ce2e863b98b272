import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { allGrids, listCommunities, streetBySlug } from '$lib/server/org/queries';
import { staffOf } from '$lib/server/residency/queries';
import { appoint, revokeMembership } from '$lib/server/residency/commands';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';

function loadStreet(slug: string) {
	const street = streetBySlug(getDb(), slug);
	if (!street) error(404, t('error_not_found'));
	return street;
}

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const street = loadStreet(event.params.slug);
	if (!can(actor, 'residency.appoint_department', { streetId: street.id })) error(403, t('error_forbidden'));
	const db = getDb();
	const communities = listCommunities(db).filter((c) => c.streetId === street.id);
	const communityStaff = staffOf(db, { streetId: street.id, communities: true });
	return {
		street,
		communities: communities.map((c) => ({ id: c.id, slug: c.slug, name: c.name, staff: communityStaff.filter((x) => x.communityId === c.id) })),
		streetStaff: staffOf(db, { streetId: street.id }),
		grids: allGrids(db)
			.filter((g) => communities.some((c) => c.id === g.communityId))
			.map((g) => ({ id: g.id, name: g.name, community: communities.find((c) => c.id === g.communityId)!.name }))
	};
};

export const actions: Actions = {
	appoint: async (event) => {
		const street = loadStreet(event.params.slug);
		const data = await event.request.formData();
		const result = appoint(getDb(), requireActor(event), { ...formObject(data), streetId: street.id }, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		return { appointed: true };
	},
	revoke: async (event) => {
		const data = await event.request.formData();
		const result = revokeMembership(getDb(), requireActor(event), formObject(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		return { revoked: true };
	}
};
