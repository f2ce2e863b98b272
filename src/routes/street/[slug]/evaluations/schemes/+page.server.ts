import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadStreetSchemes } from '$lib/server/evaluations/records';
import { streetSchemeAbilities } from '$lib/server/evaluations/abilities';
import { createScheme } from '$lib/server/evaluations/commands';
import { DEFAULT_INDICATORS, startChoices } from '$lib/server/evaluations/schemes';
import { schemeSummary } from '$lib/server/evaluations/queries';
import { periodDays } from '$lib/server/evaluations/periods';
import { EVALUATION_INDICATORS } from '$lib/codes';
import { formAction, inStreet, requireStreet } from '$lib/server/http';

export const load: PageServerLoad = ({ params, locals }) => {
	const street = requireStreet(params.slug);
	const now = Date.now();
	const record = loadStreetSchemes(getDb(), { streetId: street.id })!;
	const latest = record.schemes.at(-1);
	// the form starts from the version in force (or the default), so a change is an edit of what people know
	const base = latest?.indicators ?? DEFAULT_INDICATORS;
	const defaults = EVALUATION_INDICATORS.map((indicator) => {
		const i = base.find((x) => x.indicator === indicator);
		return { indicator, weight: i?.weight ?? 0, targetPercent: i?.targetPercent ?? DEFAULT_INDICATORS.find((d) => d.indicator === indicator)!.targetPercent, minN: i?.minN ?? 0 };
	});
	const kind = latest?.periodKind ?? 'quarter';
	return {
		street: { slug: street.slug, name: street.name },
		schemes: [...record.schemes].reverse().map((s) => ({ ...schemeSummary(s), frozen: s.startsAt <= now })),
		canCreate: streetSchemeAbilities(locals.actor, record, now).create,
		defaults,
		periodKind: kind,
		choices: startChoices(record.schemes, kind, now).map((p) => ({ key: p.key, days: periodDays(p) }))
	};
};

export const actions: Actions = {
	create: formAction(createScheme, { target: inStreet, to: (_v, e) => e.url.pathname, flash: 'flash_evaluation_scheme_created', form: 'scheme' })
};
