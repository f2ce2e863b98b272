import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db/client';
import { departments } from '$lib/server/org/schema';
import { gridsOf } from '$lib/server/org/queries';
import { loadReport } from '$lib/server/dispatch/records';
import { reportDetail, reporterOf, servicesOf } from '$lib/server/dispatch/queries';
import { reportAbilities } from '$lib/server/dispatch/abilities';
import { followReport } from '$lib/server/dispatch/filing';
import { closeAtTriage, dispatchReport, handleOnSpot, reclassifyReport } from '$lib/server/dispatch/triage';
import { acceptReport, noteProgress, replyToReport, returnReport } from '$lib/server/dispatch/handling';
import { nameLead, verifyReport } from '$lib/server/dispatch/verification';
import { handlingRatings } from '$lib/server/dispatch/rating';
import { ratingPanel } from '$lib/server/ratings/queries';
import { ratingActions } from '$lib/server/ratings/actions';
import { daysOverdue, isOverdue } from '$lib/server/dispatch/rules';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, recordInCommunity } from '$lib/server/http';
import { REPORT_PHOTOS } from '$lib/server/dispatch/validation';

/** The report in the URL as a rating subject: its reporter rates its handling once it has closed. */
const ratingTarget = (event: Pick<RequestEvent, 'params'>) => ({ ...inCommunity(event), kind: 'report' as const, subjectId: idParam(event.params.id) });

export const load: PageServerLoad = async (event) => {
	const { params, parent, locals } = event;
	const { community } = await parent();
	const db = getDb();
	const record = loadReport(db, { communityId: community.id, id: idParam(params.id) });
	if (!record) error(404, t('error_not_found'));
	const { report, service } = record;
	const actor = locals.actor;
	const now = Date.now();
	const can = reportAbilities(actor, record, now);
	// who reported it is for the people who act on it, never for the public page
	const staff = can.dispatch || can.close || can.reclassify || can.accept || can.return || can.reply || can.progress || can.lead;
	const picksDepartment = can.dispatch || can.lead;
	return {
		report: {
			id: report.id,
			state: report.state,
			description: report.description,
			address: report.address,
			lat: report.lat,
			long: report.long,
			deadlineAt: report.deadlineAt,
			lead: report.lead,
			returnCount: report.returnCount,
			redoCount: report.redoCount,
			closeReason: report.closeReason,
			closeNote: report.closeNote,
			duplicateOfId: report.duplicateOfId,
			rating: handlingRatings(db, [report.id]).get(report.id)?.rating ?? null,
			createdAt: report.createdAt,
			overdue: isOverdue(report, now),
			daysOverdue: daysOverdue(report, now),
			departmentId: report.departmentId,
			serviceCode: service.code
		},
		service: { code: service.code, nameHant: service.nameHant, nameHans: service.nameHans, nameEn: service.nameEn },
		detail: reportDetail(db, record, actor?.userId ?? null),
		mine: !!actor && actor.userId === report.reporterId,
		signedIn: !!actor,
		can,
		// only the reporter rates a report: the form is theirs, and nobody else sees a panel of one rating
		rating: actor?.userId === report.reporterId ? ratingPanel(db, actor, ratingTarget(event), now) : null,
		contact: staff ? reporterOf(db, report) : null,
		departments: picksDepartment ? db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.streetId, report.streetId)).orderBy(asc(departments.name)).all() : [],
		defaultDepartment: service.departmentId,
		services: can.reclassify ? servicesOf(db, report.streetId).map((s) => ({ code: s.code, nameHant: s.nameHant, nameHans: s.nameHans, nameEn: s.nameEn })) : [],
		grids: can.reclassify ? gridsOf(db, community.id).map((g) => ({ id: g.id, name: g.name })) : [],
		gridId: report.gridId
	};
};

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;
const act = (form: string) => ({ target: recordInCommunity, to: here, form });

export const actions: Actions = {
	follow: formAction(followReport, { ...act('follow'), flash: 'flash_report_following' }),
	reclassify: formAction(reclassifyReport, { ...act('reclassify'), flash: 'flash_report_reclassified' }),
	dispatch: formAction(dispatchReport, { ...act('dispatch'), flash: 'flash_report_dispatched' }),
	close: formAction(closeAtTriage, { ...act('close'), flash: 'flash_report_closed' }),
	onSpot: formAction(handleOnSpot, { ...act('onSpot'), files: { photos: REPORT_PHOTOS }, flash: 'flash_report_on_spot' }),
	accept: formAction(acceptReport, { ...act('accept'), flash: 'flash_report_accepted' }),
	return: formAction(returnReport, { ...act('return'), flash: (v) => (v.escalated ? 'flash_report_escalated' : 'flash_report_returned') }),
	progress: formAction(noteProgress, { ...act('progress'), flash: 'flash_report_progress' }),
	reply: formAction(replyToReport, { ...act('reply'), files: { photos: REPORT_PHOTOS }, flash: 'flash_report_replied' }),
	lead: formAction(nameLead, { ...act('lead'), flash: 'flash_report_lead' }),
	verify: formAction(verifyReport, { ...act('verify'), flash: (v) => (v.decision === 'fixed' ? 'flash_report_fixed' : 'flash_report_reopened') }),
	rate: ratingActions(ratingTarget).rate
};
