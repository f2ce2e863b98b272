import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadDepartment } from '$lib/server/org/records';
import { departmentQueue } from '$lib/server/dispatch/queries';
import { figures } from '$lib/server/dispatch/figures';
import { can } from '$lib/server/policy';
import { DAY } from '$lib/server/db/time';
import { t } from '$lib/server/i18n';
import { idParam, requireActor, requireStreet } from '$lib/server/http';

/** A department's queue: what it must accept, what it works on (overdue first), what waits for the reporter. */
export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const street = requireStreet(event.params.slug);
	const db = getDb();
	const department = loadDepartment(db, { streetId: street.id, id: idParam(event.params.id) });
	if (!department) error(404, t('error_not_found'));
	if (!can(actor, 'department.queue_view', { streetId: street.id, departmentId: department.id })) error(403, t('error_forbidden'));
	const now = Date.now();
	return {
		street: { slug: street.slug, name: street.name },
		department: { id: department.id, name: department.name },
		queue: departmentQueue(db, department.id, now),
		figures: figures(db, { departmentId: department.id }, now - 90 * DAY, now, now)
	};
};
