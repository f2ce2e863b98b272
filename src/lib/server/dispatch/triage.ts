// Triage: the committee, a grid worker in their grid, or street staff look at what was reported (or sent back) and
// dispatch it to a department with the deadline of its class, reclassify it, close it with a public reason, or —
// a grid worker — handle it on the spot with evidence, which goes straight to the reporter's verification.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { departments } from '../org/schema';
import { err, ok, type Result } from '../result';
import { acceptPhotos, type CheckedPhoto } from '../media/photos';
import { reports } from './schema';
import { closeTriageSchema, dispatchSchema, evidenceSchema, reclassifySchema, REPORT_PHOTOS } from './validation';
import { addEvent, deskLink, departmentUserIds, endpointOf, holidaysOf, loadReport, reportLink, reportSubject, serviceParams, watcherIds, type ReportRecord } from './records';
import { gridOfCommunity, serviceByCode, storeReportPhotos } from './filing';
import { awaitsTriage, deadlineFor } from './rules';
import { openHandlingRating } from './rating';
import { w3c } from './w3c';

const onReport = { load: loadReport, subject: reportSubject };
const triageRule = (_actor: unknown, { report }: ReportRecord) => (awaitsTriage(report) ? null : 'report_not_in_triage');
const TRIAGE_STATES = ['reported', 'returned'] as const;
const audited = ({ report }: ReportRecord, summary: Record<string, unknown>) => ({ subjectType: 'report', subjectId: report.id, summary });
/** Nobody is told of their own step. */
export const others = (ids: number[], actorId: number | null) => ids.filter((id) => id !== actorId);

export function departmentOfStreet(db: DbOrTx, streetId: number, id: number) {
	return db.select().from(departments).where(and(eq(departments.id, id), eq(departments.streetId, streetId))).get();
}

/** The webhook body a department's system receives: the work, never who reported it. */
function webhookBody(kind: 'report.dispatched' | 'report.lead', { report, community, service }: ReportRecord, department: string, dueAt: number) {
	return {
		event: kind,
		report: {
			id: report.id,
			url: `${process.env.ORIGIN ?? ''}${reportLink(community, report.id)}`,
			community: community.slug,
			service: service.code,
			serviceName: service.nameHant,
			description: report.description,
			address: report.address,
			lat: report.lat,
			long: report.long,
			department,
			deadline: w3c(dueAt)
		}
	};
}

/**
 * Hands the report to a department, with the deadline of its service's class counted in the street's working
 * days from now — a dispatch from triage, or the street naming a lead after an escalation. Guarded on the state
 * the report was loaded in; tells the department (inbox and its own system), the reporter and followers.
 */
export function sendToDepartment(
	c: Pick<Context<ReportRecord, unknown>, 'tx' | 'actor' | 'record' | 'now' | 'notify' | 'effect'>,
	from: readonly ('reported' | 'returned' | 'escalated')[],
	departmentId: number,
	lead: boolean,
	note: string | null
): Result<{ departmentId: number; dueAt: number }> {
	const { tx, actor, record, now } = c;
	const { report, community, service } = record;
	const department = departmentOfStreet(tx, report.streetId, departmentId);
	if (!department) return err('invalid', { fields: { departmentId: 'err_department_pick' } });
	const dueAt = deadlineFor(service.deadlineClass, now, holidaysOf(tx, report.streetId));
	const moved = tx
		.update(reports)
		.set({ state: 'dispatched', departmentId, lead, deadlineAt: dueAt, dispatchedAt: now, acceptedAt: null, repliedAt: null, updatedAt: now })
		.where(and(eq(reports.id, report.id), inArray(reports.state, [...from])))
		.run();
	if (moved.changes === 0) return err(lead ? 'report_not_escalated' : 'report_not_in_triage');
	addEvent(tx, report.id, lead ? 'lead' : 'dispatched', actor.userId, now, { departmentId, note, dueAt });
	const params = { id: report.id, department: department.name, ...serviceParams(service) };
	c.notify(others(departmentUserIds(tx, departmentId), actor.userId), lead ? 'report_lead' : 'report_assigned', params, deskLink(record.streetSlug, departmentId, report.id));
	c.notify(others(watcherIds(tx, report), actor.userId), lead ? 'report_lead_named' : 'report_dispatched', params, reportLink(community, report.id));
	const url = endpointOf(tx, departmentId);
	if (url) c.effect('webhook', { url, body: webhookBody(lead ? 'report.lead' : 'report.dispatched', record, department.name, dueAt) });
	return ok({ departmentId, dueAt });
}

/** Dispatch (派單) to a department of the street, with the deadline of the service's class. */
export const dispatchReport = defineCommand({
	action: 'report.dispatch',
	...onReport,
	rule: triageRule,
	input: dispatchSchema,
	check: (db, { record: { report }, input }) => (departmentOfStreet(db, report.streetId, input.departmentId) ? null : err('invalid', { fields: { departmentId: 'err_department_pick' } })),
	run: (c) => sendToDepartment(c, TRIAGE_STATES, c.input.departmentId, false, c.input.note),
	audit: ({ record, input }, v) => audited(record, { department: v.departmentId, dueAt: v.dueAt, note: input.note })
});

/** Put it under the right service (an API client's guess, a resident's) or in the right grid. */
export const reclassifyReport = defineCommand({
	action: 'report.triage',
	...onReport,
	rule: triageRule,
	input: reclassifySchema,
	check: (db, { record: { report }, input }) => {
		if (!serviceByCode(db, report.streetId, input.service)) return err('invalid', { fields: { service: 'err_report_service' } });
		return input.gridId === null || gridOfCommunity(db, report.communityId, input.gridId) ? null : err('invalid', { fields: { gridId: 'err_invalid' } });
	},
	run: ({ tx, actor, record: { report }, input, now }) => {
		const service = serviceByCode(tx, report.streetId, input.service)!.service;
		const changed = tx
			.update(reports)
			.set({ serviceId: service.id, gridId: input.gridId, updatedAt: now })
			.where(and(eq(reports.id, report.id), inArray(reports.state, [...TRIAGE_STATES])))
			.run();
		if (changed.changes === 0) return err('report_not_in_triage');
		// the timeline names the new service by its id (otherId), so it reads in every language
		addEvent(tx, report.id, 'reclassified', actor.userId, now, { otherId: service.id });
		return ok({ from: report.serviceId, to: service.id, gridId: input.gridId });
	},
	audit: ({ record }, v) => audited(record, v)
});

/** Close at triage: a duplicate of another report, not the portal's matter, or nothing to do — with a public reason. */
export const closeAtTriage = defineCommand({
	action: 'report.close_triage',
	...onReport,
	rule: triageRule,
	input: closeTriageSchema,
	check: (db, { record: { report }, input }) => {
		if (input.reason !== 'duplicate') return null;
		const original = input.duplicateOfId === null ? undefined : loadReport(db, { id: input.duplicateOfId, communityId: report.communityId });
		return original && original.report.id !== report.id ? null : err('invalid', { fields: { duplicateOfId: 'err_report_duplicate_of' } });
	},
	run: ({ tx, actor, record: { report, community, service }, input, now, notify }) => {
		const duplicateOfId = input.reason === 'duplicate' ? input.duplicateOfId : null;
		const closed = tx
			.update(reports)
			.set({ state: 'closed', closeReason: input.reason, closeNote: input.note, closedAt: now, duplicateOfId, departmentId: null, deadlineAt: null, lead: false, updatedAt: now })
			.where(and(eq(reports.id, report.id), inArray(reports.state, [...TRIAGE_STATES])))
			.run();
		if (closed.changes === 0) return err('report_not_in_triage');
		addEvent(tx, report.id, 'closed', actor.userId, now, { note: input.note, otherId: duplicateOfId });
		openHandlingRating(tx, report, community, now);
		notify(others(watcherIds(tx, report), actor.userId), 'report_closed', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id));
		return ok({ reason: input.reason, duplicateOfId });
	},
	audit: ({ record, input }, v) => audited(record, { ...v, note: input.note })
});

type Evidence = { note: string; photos: CheckedPhoto[] };

/** 就地解決: a grid worker fixes it at once; the reporter checks the fix like any reply. */
export const handleOnSpot = defineAsyncCommand({
	action: 'report.handle_on_spot',
	...onReport,
	rule: triageRule,
	input: evidenceSchema,
	before: async (_db, { input }): Promise<Result<Evidence>> => {
		const photos = await acceptPhotos(input.photos, REPORT_PHOTOS);
		return photos.ok ? ok({ note: input.note, photos: photos.photos }) : err('invalid', { fields: { photos: photos.field } });
	},
	run: ({ tx, actor, record: { report, community, service }, input, now, cleanup, notify }: Context<ReportRecord, Evidence>) => {
		const moved = tx
			.update(reports)
			.set({ state: 'replied', repliedAt: now, departmentId: null, deadlineAt: null, lead: false, updatedAt: now })
			.where(and(eq(reports.id, report.id), inArray(reports.state, [...TRIAGE_STATES])))
			.run();
		if (moved.changes === 0) return err('report_not_in_triage');
		const eventId = addEvent(tx, report.id, 'on_spot', actor.userId, now, { note: input.note });
		const photos = storeReportPhotos(tx, report.id, eventId, input.photos, now, cleanup);
		notify(others(watcherIds(tx, report), actor.userId), 'report_replied', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id));
		return ok({ photos });
	},
	audit: ({ record }, v) => audited(record, v)
});
