import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadArea, type LogRecord } from '$lib/server/areas/records';
import { areaDetail, claimOptions } from '$lib/server/areas/queries';
import { areaAbilities, claimAbilities, logAbilities } from '$lib/server/areas/abilities';
import { claimArea, releaseClaim, renewClaim, reviewClaim, revokeClaim } from '$lib/server/areas/claims';
import { checkLog, logCare, nudgeClaim, rejectLog, thankLog } from '$lib/server/areas/care';
import { retireArea } from '$lib/server/areas/catalogue';
import { openUpkeepRating, ratedTermOf, ratedTermsOf } from '$lib/server/areas/upkeep';
import { ratingPanel } from '$lib/server/ratings/queries';
import { ratingActions } from '$lib/server/ratings/actions';
import { renderMarkdown } from '$lib/markdown';
import { chinaDate } from '$lib/server/db/time';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, loginUrl, recordInCommunity } from '$lib/server/http';
import { CARE_PHOTOS } from '$lib/server/areas/validation';

/** The area's term most recently opened for rating, as a rating subject (0 when none: not found). */
const ratingTarget = (event: Pick<RequestEvent, 'params'>) => ({ ...inCommunity(event), kind: 'area' as const, subjectId: ratedTermOf(getDb(), idParam(event.params.id)) ?? 0 });

export const load: PageServerLoad = async (event) => {
	const { params, parent, locals, url } = event;
	const { community } = await parent();
	const db = getDb();
	const actor = locals.actor;
	const now = Date.now();
	const record = loadArea(db, { communityId: community.id, id: idParam(params.id) });
	if (!record) error(404, t('error_not_found'));
	const { area } = record;
	const detail = areaDetail(db, area, community, actor?.userId ?? null, Number(url.searchParams.get('logs') ?? 1) || 1, now);
	const can = areaAbilities(actor, record, now);
	// each claim's term is opened for rating once; the page shows the latest one opened
	const rated = ratedTermsOf(db, area.id);
	const ratedTerms = new Set(rated);
	const claims = detail.claims.map((c) => {
		const may = claimAbilities(actor, c, now);
		return {
			id: c.claim.id,
			state: c.claim.state,
			claimantKind: c.claim.claimantKind,
			claimant: c.claim.claimantKind === 'team' ? (c.row.teamName ?? '') : c.row.userName,
			startedAt: c.claim.startedAt,
			termEndsAt: c.claim.termEndsAt,
			endedAt: c.claim.endedAt,
			endReasonHtml: c.claim.endReason ? renderMarkdown(c.claim.endReason) : null,
			dueBy: c.status && 'atRiskAt' in c.status ? chinaDate(c.status.atRiskAt - 1) : null,
			lapseBy: c.status && 'lapseAt' in c.status ? chinaDate(c.status.lapseAt - 1) : null,
			mine: actor ? c.participants.includes(actor.userId) : false,
			nudgedThisWeek: c.nudgedThisWeek,
			can: { review: may.review, release: may.release, renew: may.renew, revoke: may.revoke, log: may.log, nudge: may.nudge && !c.nudgedThisWeek, openRating: may.openRating && !ratedTerms.has(c.claim.id) }
		};
	});
	const sharing = claims.some((c) => c.mine && (c.state === 'pending' || c.state === 'active' || c.state === 'at_risk'));
	const claimById = new Map(detail.claims.map((c) => [c.claim.id, c.claim]));
	const logs = detail.logs.map((l) => {
		const claim = claimById.get(l.claimId);
		// the rules of thanks, checks and rejections read the log's author and state, and where its area is
		const rec = { area, community, claim, log: { ...l, areaId: area.id, communityId: community.id } } as unknown as LogRecord;
		const may = logAbilities(actor, rec, now);
		return {
			id: l.id,
			authorName: l.authorName,
			caredOn: chinaDate(l.caredOn),
			minutes: l.minutes,
			people: l.people,
			kind: l.kind,
			noteHtml: l.note ? renderMarkdown(l.note) : null,
			state: l.state,
			rejectReasonHtml: l.rejectReason ? renderMarkdown(l.rejectReason) : null,
			thanks: Number(l.thanks),
			thanked: l.thanked,
			photos: l.photos,
			can: { thank: may.thank && !l.thanked, check: may.check, reject: may.reject }
		};
	});
	return {
		area: {
			id: area.id,
			name: area.name,
			kind: area.kind,
			place: area.place,
			grid: detail.grid,
			dutiesHtml: area.duties ? renderMarkdown(area.duties) : null,
			photoId: area.photoId,
			capacity: area.capacity,
			termMonths: area.termMonths,
			minCareDays: area.minCareDays,
			priority: area.priority,
			adoptable: area.adoptable,
			notAdoptableHtml: area.notAdoptableReason ? renderMarkdown(area.notAdoptableReason) : null,
			retired: area.retiredAt !== null,
			retiredHtml: area.retiredReason ? renderMarkdown(area.retiredReason) : null,
			taken: record.live.length
		},
		claims,
		logs,
		logPage: detail.logPage,
		logPages: detail.logPages,
		totals: detail.totals,
		today: chinaDate(now),
		signedIn: !!actor,
		// someone who already shares a live claim here (their own, their household's, their team's) has nothing to claim
		canClaim: can.claim && !sharing,
		sharing,
		claimOptions: can.claim && !sharing && actor ? claimOptions(db, community.id, actor.userId) : null,
		canEdit: can.update,
		canRetire: can.retire,
		rating: rated.length ? ratingPanel(db, actor, { communityId: community.id, kind: 'area', subjectId: rated[0] }, now) : null,
		loginHref: loginUrl(url)
	};
};

const here = (_v: unknown, e: RequestEvent) => e.url.pathname;
const onClaim = (e: RequestEvent, input: Record<string, unknown>) => ({ ...recordInCommunity(e), claimId: idParam(String(input.claimId ?? '')) });
const onLog = (e: RequestEvent, input: Record<string, unknown>) => ({ ...recordInCommunity(e), logId: idParam(String(input.logId ?? '')) });

const rating = ratingActions(ratingTarget);

export const actions: Actions = {
	claim: formAction(claimArea, { target: recordInCommunity, to: here, flash: (v) => (v.state === 'pending' ? 'flash_area_claim_waiting' : 'flash_area_claimed'), form: 'claim' }),
	review: formAction(reviewClaim, { target: onClaim, to: here, flash: (v) => (v.state === 'active' ? 'flash_area_claim_approved' : 'flash_area_claim_declined'), form: 'review' }),
	release: formAction(releaseClaim, { target: onClaim, to: here, flash: 'flash_area_released', form: 'release' }),
	renew: formAction(renewClaim, { target: onClaim, to: here, flash: 'flash_area_renewed', form: 'renew' }),
	revoke: formAction(revokeClaim, { target: onClaim, to: here, flash: 'flash_area_revoked', form: 'revoke' }),
	nudge: formAction(nudgeClaim, { target: onClaim, to: here, flash: 'flash_area_nudged', form: 'nudge' }),
	log: formAction(logCare, { target: onClaim, to: here, flash: (v) => (v.recovered ? 'flash_care_logged_recovered' : 'flash_care_logged'), files: { photos: CARE_PHOTOS }, form: 'log' }),
	thank: formAction(thankLog, { target: onLog, to: here, flash: 'flash_care_thanked', form: 'thank' }),
	check: formAction(checkLog, { target: onLog, to: here, flash: 'flash_care_checked', form: 'check' }),
	reject: formAction(rejectLog, { target: onLog, to: here, flash: 'flash_care_rejected', form: 'reject' }),
	retire: formAction(retireArea, { target: recordInCommunity, to: here, flash: 'flash_area_retired', form: 'retire' }),
	openRating: formAction(openUpkeepRating, { target: onClaim, to: (_v, e) => `${e.url.pathname}#rating`, flash: 'flash_area_rating_opened', form: 'openRating' }),
	rate: rating.rate,
	hideRating: rating.hideRating,
	restoreRating: rating.restoreRating
};
