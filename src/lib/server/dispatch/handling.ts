// The department's side: sign for a dispatch (簽收) or send it back (退單) with a reason — the third return
// blows the whistle (吹哨) and the street must name a lead, which cannot return it — then public progress notes,
// and the reply with evidence that the reporter verifies.
import { and, eq } from 'drizzle-orm';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { err, ok, type Result } from '../result';
import { acceptPhotos, type CheckedPhoto } from '../media/photos';
import { reports } from './schema';
import { evidenceSchema, progressSchema, returnSchema, REPORT_PHOTOS } from './validation';
import { addEvent, loadReport, reportLink, streetDeskLink, reportSubject, serviceParams, streetStaffIds, triageUserIds, watcherIds, type ReportRecord } from './records';
import { storeReportPhotos } from './filing';
import { others } from './triage';
import { stateAfterReturn } from './rules';
import { z } from 'zod';

const onReport = { load: loadReport, subject: reportSubject };
const audited = ({ report }: ReportRecord, summary: Record<string, unknown> = {}) => ({ subjectType: 'report', subjectId: report.id, summary });
const dispatchedRule = (_actor: unknown, { report }: ReportRecord) => (report.state === 'dispatched' ? null : 'report_not_dispatched');
const workingRule = (_actor: unknown, { report }: ReportRecord) => (report.state === 'in_progress' ? null : 'report_not_in_progress');
/** The report is still with this department in this state: a colleague or the street has not moved it meanwhile. */
const still = (r: ReportRecord['report'], state: 'dispatched' | 'in_progress') =>
	and(eq(reports.id, r.id), eq(reports.state, state), eq(reports.departmentId, r.departmentId ?? 0), eq(reports.returnCount, r.returnCount), eq(reports.redoCount, r.redoCount));

/** 簽收: the department takes the work on; its deadline keeps running from the dispatch. */
export const acceptReport = defineCommand({
	action: 'report.accept',
	...onReport,
	rule: dispatchedRule,
	input: z.object({}),
	run: ({ tx, actor, record: { report, community, service }, now, notify }) => {
		const moved = tx.update(reports).set({ state: 'in_progress', acceptedAt: now, updatedAt: now }).where(still(report, 'dispatched')).run();
		if (moved.changes === 0) return err('report_not_dispatched');
		addEvent(tx, report.id, 'accepted', actor.userId, now, { departmentId: report.departmentId });
		notify(others(watcherIds(tx, report), actor.userId), 'report_accepted', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id));
		return ok({ department: report.departmentId });
	},
	audit: ({ record }, v) => audited(record, v)
});

/**
 * 退單: back to the committee with a reason; the third return escalates to the street instead. A lead
 * department named after an escalation cannot return it (報到).
 */
export const returnReport = defineCommand({
	action: 'report.return',
	...onReport,
	rule: (actor, record) => dispatchedRule(actor, record) ?? (record.report.lead ? 'report_lead_cannot_return' : null),
	input: returnSchema,
	run: ({ tx, actor, record: { report, community, service, streetSlug }, input, now, notify }) => {
		const count = report.returnCount + 1;
		const state = stateAfterReturn(count);
		const moved = tx
			.update(reports)
			.set({ state, returnCount: count, departmentId: null, deadlineAt: null, lead: false, updatedAt: now })
			.where(and(still(report, 'dispatched'), eq(reports.lead, false)))
			.run();
		if (moved.changes === 0) return err('report_not_dispatched');
		addEvent(tx, report.id, 'returned', actor.userId, now, { departmentId: report.departmentId, note: input.reason });
		const params = { id: report.id, count, ...serviceParams(service) };
		const link = reportLink(community, report.id);
		if (state === 'escalated') {
			addEvent(tx, report.id, 'escalated', null, now);
			notify(others(streetStaffIds(tx, report.streetId), actor.userId), 'report_whistle', params, streetDeskLink(streetSlug, report.id));
		} else {
			notify(others(triageUserIds(tx, report), actor.userId), 'report_back', params, link);
		}
		notify(others(watcherIds(tx, report), actor.userId), state === 'escalated' ? 'report_escalated' : 'report_returned', params, link);
		return ok({ count, escalated: state === 'escalated' });
	},
	audit: ({ record, input }, v) => audited(record, { ...v, reason: input.reason })
});

/** A public progress note while the work goes on. */
export const noteProgress = defineCommand({
	action: 'report.progress',
	...onReport,
	rule: workingRule,
	input: progressSchema,
	run: ({ tx, actor, record: { report, community, service }, input, now, notify }) => {
		const touched = tx.update(reports).set({ updatedAt: now }).where(still(report, 'in_progress')).run();
		if (touched.changes === 0) return err('report_not_in_progress');
		addEvent(tx, report.id, 'progress', actor.userId, now, { departmentId: report.departmentId, note: input.note });
		notify(others(watcherIds(tx, report), actor.userId), 'report_progress', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id));
		return ok(null);
	},
	audit: ({ record, input }) => audited(record, { note: input.note.slice(0, 200) })
});

type Evidence = { note: string; photos: CheckedPhoto[] };

/** The reply (答覆) with evidence — text and photos; whoever reported it now checks it. */
export const replyToReport = defineAsyncCommand({
	action: 'report.reply',
	...onReport,
	rule: workingRule,
	input: evidenceSchema,
	before: async (_db, { input }): Promise<Result<Evidence>> => {
		const photos = await acceptPhotos(input.photos, REPORT_PHOTOS);
		return photos.ok ? ok({ note: input.note, photos: photos.photos }) : err('invalid', { fields: { photos: photos.field } });
	},
	run: ({ tx, actor, record: { report, community, service }, input, now, cleanup, notify }: Context<ReportRecord, Evidence>) => {
		const moved = tx.update(reports).set({ state: 'replied', repliedAt: now, updatedAt: now }).where(still(report, 'in_progress')).run();
		if (moved.changes === 0) return err('report_not_in_progress');
		const eventId = addEvent(tx, report.id, 'replied', actor.userId, now, { departmentId: report.departmentId, note: input.note });
		const photos = storeReportPhotos(tx, report.id, eventId, input.photos, now, cleanup);
		notify(others(watcherIds(tx, report), actor.userId), 'report_replied', { id: report.id, ...serviceParams(service) }, reportLink(community, report.id));
		return ok({ photos, late: report.deadlineAt !== null && now > report.deadlineAt });
	},
	audit: ({ record }, v) => audited(record, v)
});
