import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { streetEvaluations } from '$lib/server/evaluations/queries';
import { requireStreet } from '$lib/server/http';
import { can } from '$lib/server/policy';

export const load: PageServerLoad = ({ params, locals }) => {
	const street = requireStreet(params.slug);
	const staff = can(locals.actor, 'evaluation.snapshot', { streetId: street.id });
	return { street: { slug: street.slug, name: street.name }, staff, ...streetEvaluations(getDb(), street.id, staff, Date.now()) };
};
