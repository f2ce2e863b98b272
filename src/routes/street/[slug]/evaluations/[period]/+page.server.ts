import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { evaluationDocument } from '$lib/server/evaluations/export';
import { periodAbilities } from '$lib/server/evaluations/abilities';
import { publishSnapshot, setAwards, takeSnapshot } from '$lib/server/evaluations/commands';
import { schemeSummary } from '$lib/server/evaluations/queries';
import { periodDays } from '$lib/server/evaluations/periods';
import { formAction } from '$lib/server/http';
import { periodFor, periodTarget } from './access';

export const load: PageServerLoad = (event) => {
	const { record, staff, visible } = periodFor(event);
	const now = Date.now();
	const can = periodAbilities(event.locals.actor, record, now);
	const [firstDay, lastDay] = periodDays(record.period);
	return {
		street: { slug: record.street.slug, name: record.street.name },
		period: { key: record.period.key, firstDay, lastDay, ended: record.period.endsAt <= now },
		scheme: schemeSummary(record.scheme),
		staff,
		doc: visible ? evaluationDocument(getDb(), record) : null,
		awardsMarkedAt: record.snapshot?.awardsMarkedAt ?? null,
		can: { snapshot: can.snapshot, publish: can.publish, awards: can.awards }
	};
};

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;

export const actions: Actions = {
	snapshot: formAction(takeSnapshot, { target: periodTarget, to: here, flash: 'flash_evaluation_computed', form: 'snapshot' }),
	awards: formAction(setAwards, { target: periodTarget, to: here, flash: 'flash_evaluation_awards_set', form: 'awards' }),
	publish: formAction(publishSnapshot, { target: periodTarget, to: here, flash: 'flash_evaluation_published', form: 'publish' })
};
