// Downloads of 建設共管: areas, claims and monthly coverage, as CSV (formula-safe cells) or JSON.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { requireCommunity } from '$lib/server/http';
import { areasExport, claimsExport, coverageExport } from '$lib/server/areas/export';
import { t } from '$lib/server/i18n';
import { areaKindLabel, areaStateLabel, claimStateLabel } from '$lib/area-labels';

const words = { kind: areaKindLabel, state: areaStateLabel, claimState: claimStateLabel };

export const GET: RequestHandler = ({ params }) => {
	const match = /^(areas|claims|coverage)\.(csv|json)$/.exec(params.file);
	if (!match) error(404, t('error_not_found'));
	const [, what, format] = match;
	const community = requireCommunity(params.slug);
	const db = getDb();
	const data = what === 'areas' ? areasExport(db, community, words) : what === 'claims' ? claimsExport(db, community, words) : coverageExport(db, community, Date.now(), words);
	const name = `${community.slug}-${what}.${format}`;
	return format === 'csv'
		? new Response(data.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` } })
		: new Response(JSON.stringify(data.json, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
