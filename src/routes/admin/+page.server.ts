import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { allGrids, listCommunities, listStreets } from '$lib/server/org/queries';
import { staffOf } from '$lib/server/residency/queries';
import { createCommunity, createGrid, createStreet, renameGrid, updateCommunity, updateStreet } from '$lib/server/org/commands';
import { appointStreetStaff, revokeStreetStaff } from '$lib/server/residency/commands';
import { retryEffect } from '$lib/server/jobs/commands';
import { deadEffects, jobStatus } from '$lib/server/jobs/queries';
import { can, STREET_STAFF_ROLE } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { formAction, idParam, onSite, requireActor } from '$lib/server/http';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	if (!can(actor, 'site.admin_view')) error(403, t('error_forbidden'));
	const db = getDb();
	const grids = allGrids(db);
	const communities = listCommunities(db).map((c) => ({ ...c, grids: grids.filter((g) => g.communityId === c.id) }));
	return {
		streets: listStreets(db).map((s) => ({
			...s,
			communities: communities.filter((c) => c.streetId === s.id),
			staff: staffOf(db, { streetId: s.id }).filter((x) => x.role === STREET_STAFF_ROLE)
		})),
		deadEffects: deadEffects(db),
		jobs: jobStatus(db)
	};
};

// Every form of the page names its record in a field and comes back here with a one-time message; a refused
// one names itself (`form`) so that its message and what was typed show beside it.
const field = (input: Record<string, unknown>, name: string) => idParam(String(input[name] ?? ''));
const here = '/admin';
const back = (form: string, flash = 'flash_saved') => ({ to: here, flash, form });

export const actions: Actions = {
	createStreet: formAction(createStreet, { target: onSite, ...back('createStreet') }),
	updateStreet: formAction(updateStreet, { target: (_e: RequestEvent, input) => ({ streetId: field(input, 'id') }), ...back('updateStreet') }),
	createCommunity: formAction(createCommunity, { target: (_e, input) => ({ streetId: field(input, 'streetId') }), ...back('createCommunity') }),
	updateCommunity: formAction(updateCommunity, { target: (_e, input) => ({ communityId: field(input, 'id') }), ...back('updateCommunity') }),
	createGrid: formAction(createGrid, { target: (_e, input) => ({ communityId: field(input, 'communityId') }), ...back('createGrid') }),
	renameGrid: formAction(renameGrid, { target: (_e, input) => ({ id: field(input, 'id') }), ...back('renameGrid') }),
	appointStreetStaff: formAction(appointStreetStaff, { target: (_e, input) => ({ streetId: field(input, 'streetId') }), ...back('appointStreetStaff', 'flash_appointed') }),
	revoke: formAction(revokeStreetStaff, { target: (_e, input) => ({ id: field(input, 'membershipId') }), ...back('revoke', 'flash_revoked') }),
	retryEffect: formAction(retryEffect, { target: (_e, input) => ({ id: field(input, 'effectId') }), ...back('retryEffect', 'flash_effect_retried') })
};
