// The period's inputs and results as CSV: one row per community and indicator.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { evaluationCsv, evaluationDocument } from '$lib/server/evaluations/export';
import { t } from '$lib/server/i18n';
import { periodFor } from '../access';

export const GET: RequestHandler = (event) => {
	const { record, visible } = periodFor(event);
	const doc = visible ? evaluationDocument(getDb(), record) : null;
	if (!doc) error(404, t('error_not_found'));
	return new Response(evaluationCsv(doc), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="evaluation-${record.street.slug}-${record.period.key}.csv"`,
			'cache-control': doc.state === 'published' ? 'public, max-age=300' : 'private, no-store'
		}
	});
};
