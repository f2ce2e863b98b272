// After the whistle the street names a lead department (報到); after a reply whoever reported it checks it
// (誰上報、誰核查): fixed closes it, not fixed sends it back to the same department as a redo (the second redo
// escalates too); then the reporter rates the handling (./rating.ts: in the ratings module).
import { and, eq } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { err, ok, type Result } from '../result';
import { reports } from './schema';
import { leadSchema, verifySchema } from './validation';
import { openHandlingRating } from './rating';
import {
	addEvent,
	departmentUserIds,
	deskLink,
	holidaysOf,
	loadReport,
	neighbourSubject,
	reportLink,
	reportSubject,
	serviceParams,
	streetDeskLink,
	streetStaffIds,
	triageUserIds,
	watcherIds,
	type ReportRecord
} from './records';
import { departmentOfStreet, others, sendToDepartment } from './triage';
import { deadlineFor, stateAfterRedo } from './rules';
import type { ReportState } from '../../codes';

const audited = ({ report }: ReportRecord, summary: Record<string, unknown> = {}) => ({ subjectType: 'report', subjectId: report.id, summary });

/** 吹哨 answered: street staff name the lead department, which must take it (it cannot return it). */
export const nameLead = defineCommand({
	action: 'report.escalate_lead',
	load: loadReport,
	subject: reportSubject,
	rule: (_actor, { report }: ReportRecord) => (report.state === 'escalated' ? null : 'report_not_escalated'),
	input: leadSchema,
	check: (db, { record: { report }, input }) => (departmentOfStreet(db, report.streetId, input.departmentId) ? null : err('invalid', { fields: { departmentId: 'err_department_pick' } })),
	run: (c) => sendToDepartment(c, ['escalated'], c.input.departmentId, true, null),
	audit: ({ record }, v) => audited(record, { lead: v.departmentId, dueAt: v.dueAt })
});

type Verified = { decision: 'fixed' | 'not_fixed'; state: ReportState; redo: number };

/** Whoever reported it says whether it is fixed: closed as fixed, or reopened with the reason (a redo). */
export const verifyReport = defineCommand({
	action: 'report.verify',
	load: loadReport,
	subject: neighbourSubject,
	rule: (_actor, { report }: ReportRecord) => (report.state === 'replied' ? null : 'report_not_replied'),
	input: verifySchema,
	run: ({ tx, actor, record: { report, community, service, streetSlug }, input, now, notify }): Result<Verified> => {
		// the reply it was loaded with is still the one waiting (not closed by the 14-day job meanwhile)
		const waiting = and(eq(reports.id, report.id), eq(reports.state, 'replied'), eq(reports.repliedAt, report.repliedAt ?? 0), eq(reports.redoCount, report.redoCount));
		const params = { id: report.id, ...serviceParams(service) };
		const link = reportLink(community, report.id);
		if (input.decision === 'fixed') {
			const closed = tx.update(reports).set({ state: 'closed', closeReason: 'fixed', closedAt: now, deadlineAt: null, updatedAt: now }).where(waiting).run();
			if (closed.changes === 0) return err('report_not_replied');
			addEvent(tx, report.id, 'fixed', actor.userId, now);
			openHandlingRating(tx, report, community, now);
			if (report.departmentId) notify(others(departmentUserIds(tx, report.departmentId), actor.userId), 'report_fixed', params, deskLink(streetSlug, report.departmentId, report.id));
			notify(others(watcherIds(tx, report), actor.userId), 'report_closed_fixed', params, link);
			return ok({ decision: 'fixed', state: 'closed', redo: report.redoCount });
		}
		const redo = report.redoCount + 1;
		const state = stateAfterRedo(redo, report.departmentId);
		const dueAt = state === 'in_progress' ? deadlineFor(service.deadlineClass, now, holidaysOf(tx, report.streetId)) : null;
		const keep = state === 'in_progress';
		const moved = tx
			.update(reports)
			.set({ state, redoCount: redo, deadlineAt: dueAt, departmentId: keep ? report.departmentId : null, lead: keep ? report.lead : false, repliedAt: null, updatedAt: now })
			.where(waiting)
			.run();
		if (moved.changes === 0) return err('report_not_replied');
		addEvent(tx, report.id, 'reopened', actor.userId, now, { note: input.reason, departmentId: keep ? report.departmentId : null, dueAt });
		if (state === 'escalated') {
			addEvent(tx, report.id, 'escalated', null, now);
			notify(streetStaffIds(tx, report.streetId), 'report_whistle', { ...params, count: redo }, streetDeskLink(streetSlug, report.id));
		} else if (state === 'in_progress' && report.departmentId) {
			notify(departmentUserIds(tx, report.departmentId), 'report_redo', params, deskLink(streetSlug, report.departmentId, report.id));
		} else {
			notify(others(triageUserIds(tx, report), actor.userId), 'report_back', { ...params, count: report.returnCount }, link);
		}
		notify(others(watcherIds(tx, report), actor.userId), 'report_reopened', params, link);
		return ok({ decision: 'not_fixed', state, redo });
	},
	audit: ({ record, input }, v) => audited(record, { ...v, reason: input.reason })
});
