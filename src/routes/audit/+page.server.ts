import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { AUDIT_PAGE, auditActions, auditScope, listAudit } from '$lib/server/audit/queries';
import { hasMessage, t } from '$lib/server/i18n';
import { requireActor } from '$lib/server/http';
import { z } from 'zod';
import { chinaDayStart, DAY } from '$lib/server/db/time';
import { describeSummary, parseSummary, subjectHref, subjectWords } from '$lib/server/audit/describe';
import { listCommunities } from '$lib/server/org/queries';

/** A yyyy-mm-dd date in China's time zone, as UTC ms (start of that day). */
const day = z.string().transform(chinaDayStart).refine((at) => !Number.isNaN(at));
const filterSchema = z.object({
	actor: z.string().trim().max(64).optional().catch(undefined),
	action: z.string().trim().max(64).optional().catch(undefined),
	from: day.optional().catch(undefined),
	to: day.optional().catch(undefined),
	before: z.coerce.number().int().positive().optional().catch(undefined)
});

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
	const slugs = new Map(listCommunities(db).map((c) => [c.id, c.slug]));
	const label = (action: string) => {
		const key = `audit_${action.replace(/[^a-z0-9]+/g, '_')}`;
		return hasMessage(key) ? t(key) : action;
	};
	return {
		filter: { actor: params.actor ?? '', action: params.action ?? '', from: params.from ?? '', to: params.to ?? '' },
		actions: auditActions(db, scope).map((a) => ({ value: a, label: label(a) })),
		rows: rows.slice(0, AUDIT_PAGE).map((r) => {
			const summary = parseSummary(r.summary);
			const slug = r.communityId != null ? (slugs.get(r.communityId) ?? null) : null;
			return {
				id: r.id,
				createdAt: r.createdAt,
				actorDisplay: r.actorDisplay,
				actorName: r.actorName,
				label: label(r.action),
				subject: subjectWords(r.subjectType),
				subjectId: r.subjectId,
				subjectHref: subjectHref(r.subjectType, r.subjectId, slug, summary),
				details: describeSummary(summary, r.subjectType, slug)
			};
		}),
		older: rows.length > AUDIT_PAGE ? rows[AUDIT_PAGE - 1].id : null
	};
};
