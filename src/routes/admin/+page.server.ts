import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { allGrids, listCommunities, listStreets } from '$lib/server/org/queries';
import { staffOf } from '$lib/server/residency/queries';
import * as org from '$lib/server/org/commands';
import { appoint, revokeMembership } from '$lib/server/residency/commands';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';
import type { RequestEvent } from './$types';
import type { Db } from '$lib/server/db/client';
import type { Actor } from '$lib/server/policy';
import type { Result } from '$lib/server/result';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	if (!can(actor, 'org.manage')) error(403, t('error_forbidden'));
	const db = getDb();
	const grids = allGrids(db);
	const communities = listCommunities(db).map((c) => ({ ...c, grids: grids.filter((g) => g.communityId === c.id) }));
	return {
		streets: listStreets(db).map((s) => ({
			...s,
			communities: communities.filter((c) => c.streetId === s.id),
			staff: staffOf(db, { streetId: s.id }).filter((x) => x.role === 'street_staff')
		}))
	};
};

type Command = (db: Db, actor: Actor, input: unknown, now: number) => Result<unknown>;

/** Every admin form: parse, run the command, answer with which form succeeded. */
function action(form: string, command: Command, extra: Record<string, string> = {}) {
	return async (event: RequestEvent) => {
		const data = await event.request.formData();
		const result = command(getDb(), requireActor(event), { ...formObject(data), ...extra }, Date.now());
		if (!result.ok) return failure(result, { ...formValues(data), form }, event.url);
		return { done: form };
	};
}

export const actions: Actions = {
	createStreet: action('createStreet', org.createStreet),
	updateStreet: action('updateStreet', org.updateStreet),
	createCommunity: action('createCommunity', org.createCommunity),
	updateCommunity: action('updateCommunity', org.updateCommunity),
	createGrid: action('createGrid', org.createGrid),
	renameGrid: action('renameGrid', org.renameGrid),
	appointStreetStaff: action('appointStreetStaff', appoint, { role: 'street_staff' }),
	revoke: action('revoke', revokeMembership)
};
