// Street staff keep the catalogue of services (Open311 services): names in three languages, group, keywords,
// the default department and the deadline class, and extra questions; the street's holidays; and where each
// department's own system hears of its dispatches.
import { and, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { defineCommand } from '../kernel/command';
import { departmentSubject, loadDepartment, loadStreet, streetSubject } from '../org/records';
import { err, ok } from '../result';
import { departmentEndpoints, dispatchHolidays, reportServices, serviceAttributes } from './schema';
import { attributeSchema, calendarSchema, removeAttributeSchema, serviceSchema, serviceUpdateSchema, webhookSchema } from './validation';
import { departmentOfStreet } from './triage';

type Service = typeof reportServices.$inferSelect;
const audited = (service: { id: number }, summary: Record<string, unknown>) => ({ subjectType: 'report_service', subjectId: service.id, summary });

/** A service of the street the URL names; another street's is not found. */
export function loadService(db: DbOrTx, target: { streetId: number; id: number }): Service | undefined {
	return db
		.select()
		.from(reportServices)
		.where(and(eq(reportServices.id, target.id), eq(reportServices.streetId, target.streetId)))
		.get();
}
const serviceSubject = (s: Service) => ({ streetId: s.streetId });
const checkDepartment = (db: DbOrTx, streetId: number, departmentId: number | null) =>
	departmentId === null || departmentOfStreet(db, streetId, departmentId) ? null : err('invalid', { fields: { departmentId: 'err_department_pick' } });

export const createService = defineCommand({
	action: 'service.create',
	load: loadStreet,
	subject: streetSubject,
	input: serviceSchema,
	check: (db, { record: street, input }) => checkDepartment(db, street.id, input.departmentId),
	conflict: 'service_code_taken',
	run: ({ tx, record: street, input, now }) => ok(tx.insert(reportServices).values({ ...input, keywords: input.keywords ?? '', description: input.description ?? '', streetId: street.id, createdAt: now, updatedAt: now }).returning({ id: reportServices.id }).get()),
	audit: ({ input }, row) => audited(row, { code: input.code, name: input.nameHant, department: input.departmentId, deadlineClass: input.deadlineClass })
});

/** Everything but the code, which API clients know the service by; a retired service takes no new reports. */
export const updateService = defineCommand({
	action: 'service.update',
	load: loadService,
	subject: serviceSubject,
	input: serviceUpdateSchema,
	check: (db, { record, input }) => checkDepartment(db, record.streetId, input.departmentId),
	run: ({ tx, record, input, now }) => {
		const { serviceId: _id, ...values } = input;
		tx.update(reportServices)
			.set({ ...values, keywords: values.keywords ?? '', description: values.description ?? '', updatedAt: now })
			.where(eq(reportServices.id, record.id))
			.run();
		return ok(null);
	},
	audit: ({ record, input }) => audited(record, { name: input.nameHant, department: input.departmentId, deadlineClass: input.deadlineClass, active: input.active })
});

/** An extra question; choices get the keys 1, 2, 3 … that Open311 clients send back. */
export const addAttribute = defineCommand({
	action: 'service.update',
	load: loadService,
	subject: serviceSubject,
	input: attributeSchema,
	conflict: 'attribute_code_taken',
	run: ({ tx, record, input, now }) => {
		const last = tx.select({ n: max(serviceAttributes.position) }).from(serviceAttributes).where(eq(serviceAttributes.serviceId, record.id)).get()?.n ?? 0;
		const list = input.datatype === 'singlevaluelist' || input.datatype === 'multivaluelist';
		const choices = list ? input.choices.map((name, i) => ({ key: String(i + 1), name })) : [];
		const row = tx
			.insert(serviceAttributes)
			.values({ serviceId: record.id, code: input.code, datatype: input.datatype, required: input.required, description: input.description, choices: JSON.stringify(choices), position: last + 1, createdAt: now })
			.returning({ id: serviceAttributes.id })
			.get();
		tx.update(reportServices).set({ updatedAt: now }).where(eq(reportServices.id, record.id)).run();
		return ok(row);
	},
	audit: ({ record, input }, row) => audited(record, { attribute: row.id, code: input.code, datatype: input.datatype, required: input.required })
});

/** A question removed; answers already given stay with their reports. */
export const removeAttribute = defineCommand({
	action: 'service.update',
	load: loadService,
	subject: serviceSubject,
	input: removeAttributeSchema,
	run: ({ tx, record, input, now }) => {
		const gone = tx
			.delete(serviceAttributes)
			.where(and(eq(serviceAttributes.id, input.attributeId), eq(serviceAttributes.serviceId, record.id)))
			.returning({ code: serviceAttributes.code })
			.get();
		if (!gone) return err('not_found');
		tx.update(reportServices).set({ updatedAt: now }).where(eq(reportServices.id, record.id)).run();
		return ok(gone);
	},
	audit: ({ record }, gone) => audited(record, { removed: gone.code })
});

/** The street's holidays, replaced as a whole; deadlines already set keep their day. */
export const setHolidays = defineCommand({
	action: 'service.calendar',
	load: loadStreet,
	subject: streetSubject,
	input: calendarSchema,
	run: ({ tx, record: street, input }) => {
		tx.delete(dispatchHolidays).where(eq(dispatchHolidays.streetId, street.id)).run();
		if (input.holidays.length) tx.insert(dispatchHolidays).values(input.holidays.map((day) => ({ streetId: street.id, day }))).run();
		return ok({ count: input.holidays.length });
	},
	audit: ({ record, input }) => ({ subjectType: 'street', subjectId: record.id, summary: { holidays: input.holidays } })
});

/** Where a department's own system is told of each dispatch (POSTed JSON from the outbox); empty removes it. */
export const setWebhook = defineCommand({
	action: 'department.webhook',
	load: loadDepartment,
	subject: departmentSubject,
	input: webhookSchema,
	run: ({ tx, record, input, now }) => {
		if (input.url === null) tx.delete(departmentEndpoints).where(eq(departmentEndpoints.departmentId, record.id)).run();
		else
			tx.insert(departmentEndpoints)
				.values({ departmentId: record.id, url: input.url, updatedAt: now })
				.onConflictDoUpdate({ target: departmentEndpoints.departmentId, set: { url: input.url, updatedAt: now } })
				.run();
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'department', subjectId: record.id, summary: { url: input.url } })
});
