import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { gridsOf } from '$lib/server/org/queries';
import { fileReport } from '$lib/server/dispatch/filing';
import { nearbyOpen, questionsOf, servicesOf } from '$lib/server/dispatch/queries';
import { choicesOf } from '$lib/server/dispatch/answers';
import { formAction, inCommunity, requireActor } from '$lib/server/http';
import { GRID_WORKER_ROLE } from '$lib/server/policy';
import { REPORT_PHOTOS } from '$lib/server/dispatch/validation';

/**
 * Two steps that work without JavaScript: the kind of problem is chosen first (a GET, `?service=code`), then the
 * form asks that service's own questions and shows open reports of the same kind nearby, to follow instead.
 */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { community } = await event.parent();
	const db = getDb();
	const now = Date.now();
	const services = servicesOf(db, community.streetId);
	const chosen = services.find((s) => s.code === event.url.searchParams.get('service'));
	return {
		canFile: fileReport.allows(actor, community, now),
		services: services.map((s) => ({ code: s.code, nameHant: s.nameHant, nameHans: s.nameHans, nameEn: s.nameEn, description: s.description })),
		service: chosen ? { code: chosen.code, nameHant: chosen.nameHant, nameHans: chosen.nameHans, nameEn: chosen.nameEn, description: chosen.description } : null,
		questions: chosen
			? questionsOf(db, chosen.id).map((q) => ({ code: q.code, description: q.description, datatype: q.datatype, required: q.required, choices: choicesOf(q) }))
			: [],
		nearby: chosen ? nearbyOpen(db, community.id, chosen.id, { lat: null, long: null }, now) : [],
		grids: gridsOf(db, community.id).map((g) => ({ id: g.id, name: g.name })),
		isGridWorker: actor.memberships.some((m) => m.role === GRID_WORKER_ROLE && m.communityId === community.id)
	};
};

export const actions: Actions = {
	default: formAction(fileReport, {
		target: inCommunity,
		files: { photos: REPORT_PHOTOS },
		to: (v, e) => `/c/${e.params.slug}/reports/${v.id}`,
		flash: 'flash_report_filed'
	})
};
