import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { communityEvaluation } from '$lib/server/evaluations/queries';
import { schemesOf } from '$lib/server/evaluations/schemes';

export const load: PageServerLoad = async ({ parent }) => {
	const { community } = await parent();
	const db = getDb();
	const evaluation = communityEvaluation(db, community);
	const scheme = evaluation ? schemesOf(db, community.streetId).find((s) => s.version === evaluation.version) : undefined;
	return { evaluation, scheme: scheme?.indicators ?? [] };
};
