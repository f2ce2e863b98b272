// Who sees which period: everyone a published evaluation; the street's staff also the draft they prepare.
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/client';
import { loadPeriod } from '$lib/server/evaluations/records';
import { requireStreet } from '$lib/server/http';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';

export const periodTarget = (event: Pick<RequestEvent, 'params'>) => ({ streetId: requireStreet(event.params.slug ?? '').id, periodKey: event.params.period ?? '' });

export function periodFor(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const record = loadPeriod(getDb(), periodTarget(event));
	if (!record) error(404, t('error_not_found'));
	const staff = can(event.locals.actor, 'evaluation.snapshot', { streetId: record.street.id });
	const visible = record.snapshot !== null && (staff || record.snapshot.state === 'published');
	return { record, staff, visible };
}
