import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadPropertyPeriod } from '$lib/server/ratings/records';
import { ratingPanel } from '$lib/server/ratings/queries';
import { ratingActions } from '$lib/server/ratings/actions';
import { propertyPeriodAbilities } from '$lib/server/ratings/abilities';
import { closePropertyPeriod } from '$lib/server/ratings/commands';
import { formAction, idParam, inCommunity, loginUrl, recordInCommunity } from '$lib/server/http';
import { t } from '$lib/server/i18n';

/** A 物業 period of the community in the URL, as a rating subject. */
const ratingTarget = (event: Pick<RequestEvent, 'params'>) => ({ ...inCommunity(event), kind: 'property' as const, subjectId: idParam(event.params.id) });

export const load: PageServerLoad = async (event) => {
	const db = getDb();
	const now = Date.now();
	const record = loadPropertyPeriod(db, recordInCommunity(event));
	if (!record) error(404, t('error_not_found'));
	return {
		period: { title: record.period.title, note: record.period.note, closedEarly: record.period.closedEarlyAt !== null },
		rating: ratingPanel(db, event.locals.actor, ratingTarget(event), now)!,
		canClose: propertyPeriodAbilities(event.locals.actor, record, now).close,
		loginHref: loginUrl(event.url)
	};
};

const rating = ratingActions(ratingTarget);

export const actions: Actions = {
	rate: rating.rate,
	hideRating: rating.hideRating,
	restoreRating: rating.restoreRating,
	close: formAction(closePropertyPeriod, { target: recordInCommunity, to: (_v, e) => e.url.pathname, flash: 'flash_rating_period_closed', form: 'close-period' })
};
