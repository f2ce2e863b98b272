import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db/client';
import { departments } from '$lib/server/org/schema';
import { streetOverview } from '$lib/server/dispatch/queries';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { requireActor, requireStreet } from '$lib/server/http';

/** The street's dispatch desk: every escalation waiting for a lead, every overdue report, and the departments. */
export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const street = requireStreet(event.params.slug);
	if (!can(actor, 'street.manage_view', { streetId: street.id })) error(403, t('error_forbidden'));
	const db = getDb();
	return {
		street: { slug: street.slug, name: street.name },
		...streetOverview(db, street.id, Date.now()),
		departments: db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.streetId, street.id)).orderBy(asc(departments.name)).all()
	};
};
