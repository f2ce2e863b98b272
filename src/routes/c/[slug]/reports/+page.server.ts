import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { listReports, servicesOf } from '$lib/server/dispatch/queries';
import { listQuerySchema } from '$lib/server/dispatch/validation';
import { figures } from '$lib/server/dispatch/figures';
import { fileReport } from '$lib/server/dispatch/filing';
import { DAY } from '$lib/server/db/time';

/** The figures cover the last 90 days, the window Open311 clients read by default too. */
const FIGURES_DAYS = 90;

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const now = Date.now();
	const query = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const list = listReports(db, community.id, query, now);
	return {
		query,
		...list,
		services: servicesOf(db, community.streetId).map((s) => ({ code: s.code, nameHant: s.nameHant, nameHans: s.nameHans, nameEn: s.nameEn })),
		figures: figures(db, { communityId: community.id }, now - FIGURES_DAYS * DAY, now, now),
		canFile: fileReport.allows(locals.actor, community, now)
	};
};
