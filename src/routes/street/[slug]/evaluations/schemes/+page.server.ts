import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadStreetSchemes } from '$lib/server/evaluations/records';
import { schemeAbilities, streetSchemeAbilities } from '$lib/server/evaluations/abilities';
import { createScheme, editScheme } from '$lib/server/evaluations/commands';
import { DEFAULT_INDICATORS, startChoices } from '$lib/server/evaluations/schemes';
import { schemeSummary } from '$lib/server/evaluations/queries';
import { periodContaining, periodDays } from '$lib/server/evaluations/periods';
import { EVALUATION_INDICATORS, type EvaluationIndicator } from '$lib/codes';
import { formAction, inStreet, requireStreet } from '$lib/server/http';

export const load: PageServerLoad = ({ params, locals }) => {
	const street = requireStreet(params.slug);
	const now = Date.now();
	const record = loadStreetSchemes(getDb(), { streetId: street.id })!;
	const latest = record.schemes.at(-1);
	// every indicator, from a version's own (or the default) figures: what a form starts from
	const rows = (base: readonly { indicator: EvaluationIndicator; weight: number; targetPercent: number; minN: number }[]) =>
		EVALUATION_INDICATORS.map((indicator) => {
			const i = base.find((x) => x.indicator === indicator);
			return { indicator, weight: i?.weight ?? 0, targetPercent: i?.targetPercent ?? DEFAULT_INDICATORS.find((d) => d.indicator === indicator)!.targetPercent, minN: i?.minN ?? 0 };
		});
	const kind = latest?.periodKind ?? 'quarter';
	const choicesBesides = (others: typeof record.schemes) => startChoices(others, kind, now).map((p) => ({ key: p.key, days: periodDays(p) }));
	// the latest version may still change while its first period has not started
	const editable = latest && schemeAbilities(locals.actor, { ...record, scheme: latest }, now).edit ? latest : null;
	return {
		street: { slug: street.slug, name: street.name },
		schemes: [...record.schemes].reverse().map((s) => ({ ...schemeSummary(s), frozen: s.startsAt <= now })),
		canCreate: streetSchemeAbilities(locals.actor, record, now).create,
		// the new version starts from the version in force (or the default), so a change is an edit of what people know
		defaults: rows(latest?.indicators ?? DEFAULT_INDICATORS),
		periodKind: kind,
		choices: choicesBesides(record.schemes),
		edit: editable
			? {
					version: editable.version,
					firstPeriod: periodContaining(editable.periodKind, editable.startsAt).key,
					note: editable.note ?? '',
					indicators: rows(editable.indicators),
					choices: choicesBesides(record.schemes.filter((s) => s.version !== editable.version))
				}
			: null
	};
};

export const actions: Actions = {
	create: formAction(createScheme, { target: inStreet, to: (_v, e) => e.url.pathname, flash: 'flash_evaluation_scheme_created', form: 'scheme' }),
	edit: formAction(editScheme, {
		target: (e, input) => ({ ...inStreet(e), version: Number(input.version) || 0 }),
		to: (_v, e) => e.url.pathname,
		flash: 'flash_evaluation_scheme_changed',
		form: 'scheme-edit'
	})
};
