import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { allGrids, listCommunities } from '$lib/server/org/queries';
import { departmentsOf, staffOf } from '$lib/server/residency/queries';
import { appointCommunityStaff, appointDepartment, revokeMembership } from '$lib/server/residency/commands';
import { createDepartment, updateDepartment } from '$lib/server/org/commands';
import { can, COMMUNITY_STAFF_ROLES, STREET_STAFF_ROLE } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inStreet, requireActor, requireStreet } from '$lib/server/http';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const street = requireStreet(event.params.slug);
	if (!can(actor, 'street.manage_view', { streetId: street.id })) error(403, t('error_forbidden'));
	const db = getDb();
	const communities = listCommunities(db).filter((c) => c.streetId === street.id);
	const communityStaff = staffOf(db, { streetId: street.id, communities: true });
	return {
		street,
		/** What the appointment form offers: a committee member or a grid worker of a community. */
		staffRoles: COMMUNITY_STAFF_ROLES,
		communities: communities.map((c) => ({ id: c.id, slug: c.slug, name: c.name, staff: communityStaff.filter((x) => x.communityId === c.id) })),
		// department accounts are listed with their department
		streetStaff: staffOf(db, { streetId: street.id }).filter((s) => s.role === STREET_STAFF_ROLE),
		departments: departmentsOf(db, street.id),
		grids: allGrids(db)
			.filter((g) => communities.some((c) => c.id === g.communityId))
			.map((g) => ({ id: g.id, name: g.name, community: communities.find((c) => c.id === g.communityId)?.name ?? '' }))
	};
};

/** The desk's forms name their record in a field; the street comes from the URL. */
const field = (input: Record<string, unknown>, name: string) => idParam(String(input[name] ?? ''));
const desk = (_v: unknown, e: RequestEvent) => `/street/${e.params.slug}/manage`;

export const actions: Actions = {
	appoint: formAction(appointCommunityStaff, {
		target: (e, input) => ({ ...inStreet(e), communityId: field(input, 'communityId') }),
		to: desk,
		flash: 'flash_appointed',
		form: 'appoint'
	}),
	appointDepartment: formAction(appointDepartment, {
		target: (e, input) => ({ ...inStreet(e), id: field(input, 'departmentId') }),
		to: desk,
		flash: 'flash_appointed',
		form: 'appointDepartment'
	}),
	revoke: formAction(revokeMembership, { target: (e, input) => ({ ...inStreet(e), id: field(input, 'membershipId') }), to: desk, flash: 'flash_revoked', form: 'revoke' }),
	createDepartment: formAction(createDepartment, { target: inStreet, to: desk, flash: 'flash_department_created', form: 'createDepartment' }),
	updateDepartment: formAction(updateDepartment, {
		target: (e, input) => ({ ...inStreet(e), id: field(input, 'departmentId') }),
		to: desk,
		flash: 'flash_saved',
		form: 'updateDepartment'
	})
};
