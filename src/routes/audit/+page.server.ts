import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { AUDIT_PAGE, auditActions, auditScope, listAudit } from '$lib/server/audit/queries';
import { hasMessage, t } from '$lib/server/i18n';
import { requireActor } from '$lib/server/http';
import { z } from 'zod';
import { chinaDayStart, DAY } from '$lib/server/db/time';

/** A yyyy-mm-dd date in China's time zone, as UTC ms (start of that day). */
const day = z.string().transform(chinaDayStart).refine((at) => !Number.isNaN(at));
const filterSchema = z.object({
	actor: z.string().trim().max(64).optional().catch(undefined),
	action: z.string().trim().max(64).optional().catch(undefined),
	from: day.optional().catch(undefined),
	to: day.optional().catch(undefined),
	before: z.coerce.number().int().positive().optional().catch(undefined)
});

/** The change's summary as short "key: value" pairs; long texts are cut for the table. */
function summaryPairs(json: string): [string, string][] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		return [['', json]];
	}
	if (!parsed || typeof parsed !== 'object') return [];
	return Object.entries(parsed as Record<string, unknown>)
		.filter(([, v]) => v !== undefined && v !== null && v !== '')
		.map(([k, v]) => {
			const text = typeof v === 'string' ? v : JSON.stringify(v);
			return [k, text.length > 120 ? `${text.slice(0, 120)}…` : text];
		});
}

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const scope = auditScope(actor);
	if (scope === null) error(403, t('error_forbidden'));
	const params = Object.fromEntries(event.url.searchParams);
	const filter = filterSchema.parse(params);
	const db = getDb();
	const rows = listAudit(db, scope, {
		actor: filter.actor || undefined,
		action: filter.action || undefined,
		from: filter.from,
		to: filter.to !== undefined ? filter.to + DAY : undefined,
		before: filter.before
	});
	const label = (action: string) => {
		const key = `audit_${action.replace(/[^a-z0-9]+/g, '_')}`;
		return hasMessage(key) ? t(key) : action;
	};
	return {
		filter: { actor: params.actor ?? '', action: params.action ?? '', from: params.from ?? '', to: params.to ?? '' },
		actions: auditActions(db, scope).map((a) => ({ value: a, label: label(a) })),
		rows: rows.slice(0, AUDIT_PAGE).map((r) => ({
			...r,
			label: label(r.action),
			subject: hasMessage(`subject_${r.subjectType}`) ? t(`subject_${r.subjectType}`) : r.subjectType,
			details: summaryPairs(r.summary)
		})),
		older: rows.length > AUDIT_PAGE ? rows[AUDIT_PAGE - 1].id : null
	};
};
