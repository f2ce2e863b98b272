// The period's evaluation as a self-contained JSON file: `npm run evaluation -- verify` recomputes it.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { evaluationDocument } from '$lib/server/evaluations/export';
import { t } from '$lib/server/i18n';
import { periodFor } from '../access';

export const GET: RequestHandler = (event) => {
	const { record, visible } = periodFor(event);
	const doc = visible ? evaluationDocument(getDb(), record) : null;
	if (!doc) error(404, t('error_not_found'));
	return new Response(JSON.stringify(doc, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="evaluation-${record.street.slug}-${record.period.key}.json"`,
			'cache-control': doc.state === 'published' ? 'public, max-age=300' : 'private, no-store'
		}
	});
};
