// Reads for the pages of 吹哨派單, each shaped for one page in a bounded number of statements. Public lists carry
// nothing about who reported a report; the detail shows the reporter's contact only to whom `canSeeReporter` says.
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { departmentEndpoints, dispatchHolidays, open311Keys } from './schema';
import { communities, departments, grids } from '../org/schema';
import { users } from '../auth/schema';
import { reportAnswers, reportEvents, reportFollowers, reportPhotos, reports, reportServices, serviceAttributes } from './schema';
import { answerText } from './answers';
import { inDepartment, isOverdue, nearbyFirst, daysOverdue } from './rules';
import type { ListQuery } from './validation';
import type { Report, ReportRecord, Service } from './records';

export const PAGE_SIZE = 20;
const photoUrl = (id: number) => `/media/reports/${id}`;

/** The columns of a report that anyone may see, with its service's names and its department's. */
const publicColumns = {
	id: reports.id,
	state: reports.state,
	description: reports.description,
	address: reports.address,
	lat: reports.lat,
	long: reports.long,
	closeReason: reports.closeReason,
	deadlineAt: reports.deadlineAt,
	returnCount: reports.returnCount,
	redoCount: reports.redoCount,
	lead: reports.lead,
	createdAt: reports.createdAt,
	updatedAt: reports.updatedAt,
	serviceCode: reportServices.code,
	nameHant: reportServices.nameHant,
	nameHans: reportServices.nameHans,
	nameEn: reportServices.nameEn,
	department: departments.name,
	departmentId: reports.departmentId,
	communityId: reports.communityId
};

type PublicRow = { state: Report['state']; deadlineAt: number | null; description: string };
/** A list item: the description cut to a line or two, and whether it is overdue now. */
function item<T extends PublicRow>(row: T, now: number) {
	const excerpt = [...row.description].length > 120 ? `${[...row.description].slice(0, 120).join('')}…` : row.description;
	return { ...row, description: excerpt, overdue: isOverdue(row, now), daysOverdue: daysOverdue(row, now) };
}

function listSelect(db: DbOrTx) {
	return db.select(publicColumns).from(reports).innerJoin(reportServices, eq(reportServices.id, reports.serviceId)).leftJoin(departments, eq(departments.id, reports.departmentId));
}

function stateFilter(state: ListQuery['state'], now: number): SQL | undefined {
	if (state === 'all') return undefined;
	if (state === 'open') return ne(reports.state, 'closed');
	if (state === 'overdue') return and(inArray(reports.state, ['dispatched', 'in_progress']), lt(reports.deadlineAt, now));
	return eq(reports.state, state);
}

/** The community's reports, newest first, filtered by state (or overdue) and service; public: no reporter. */
export function listReports(db: DbOrTx, communityId: number, query: ListQuery, now: number) {
	const where = and(eq(reports.communityId, communityId), stateFilter(query.state, now), query.service ? eq(reportServices.code, query.service) : undefined);
	const total =
		db
			.select({ n: count() })
			.from(reports)
			.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(query.page, pages);
	const rows = listSelect(db)
		.where(where)
		.orderBy(desc(reports.createdAt), desc(reports.id))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.all();
	return { items: rows.map((r) => item(r, now)), total, page, pages };
}
export type ReportListItem = ReturnType<typeof listReports>['items'][number];

/** The street's services (active ones, unless all are asked for), by group and code. */
export function servicesOf(db: DbOrTx, streetId: number, all = false): Service[] {
	return db
		.select()
		.from(reportServices)
		.where(and(eq(reportServices.streetId, streetId), all ? undefined : eq(reportServices.active, true)))
		.orderBy(asc(reportServices.group), asc(reportServices.code))
		.all();
}

export function questionsOf(db: DbOrTx, serviceId: number) {
	return db.select().from(serviceAttributes).where(eq(serviceAttributes.serviceId, serviceId)).orderBy(asc(serviceAttributes.position)).all();
}

/** Open reports of this service in the community, nearest first: shown before filing, to follow one instead. */
export function nearbyOpen(db: DbOrTx, communityId: number, serviceId: number, here: { lat: number | null; long: number | null }, now: number) {
	const rows = listSelect(db)
		.where(and(eq(reports.communityId, communityId), eq(reports.serviceId, serviceId), ne(reports.state, 'closed')))
		.orderBy(desc(reports.createdAt))
		.limit(50)
		.all();
	return nearbyFirst(rows, here).map((r) => item(r, now));
}

type TimelineEvent = { id: number; kind: string; note: string | null; dueAt: number | null; otherId: number | null; createdAt: number; department: string | null; actor: string | null; byReporter: boolean; photos: { id: number; url: string }[] };

/** Everything the report's page shows, in six statements. The reporter is named to nobody here: see `reporterOf`. */
export function reportDetail(db: DbOrTx, record: ReportRecord, viewerId: number | null) {
	const { report } = record;
	const events = db
		.select({
			id: reportEvents.id,
			kind: reportEvents.kind,
			note: reportEvents.note,
			dueAt: reportEvents.dueAt,
			otherId: reportEvents.otherId,
			createdAt: reportEvents.createdAt,
			actorId: reportEvents.actorId,
			actorName: users.displayName,
			department: departments.name
		})
		.from(reportEvents)
		.leftJoin(users, eq(users.id, reportEvents.actorId))
		.leftJoin(departments, eq(departments.id, reportEvents.departmentId))
		.where(eq(reportEvents.reportId, report.id))
		.orderBy(asc(reportEvents.createdAt), asc(reportEvents.id))
		.all();
	const photos = db.select().from(reportPhotos).where(eq(reportPhotos.reportId, report.id)).orderBy(asc(reportPhotos.eventId), asc(reportPhotos.position)).all();
	const questions = questionsOf(db, report.serviceId);
	const answers = db.select().from(reportAnswers).where(eq(reportAnswers.reportId, report.id)).all();
	const followers = db
		.select({ n: count(), mine: sql<number>`coalesce(sum(${reportFollowers.userId} = ${viewerId ?? 0}), 0)` })
		.from(reportFollowers)
		.where(eq(reportFollowers.reportId, report.id))
		.get();
	// the services a reclassification moved the report to, named in every language
	const movedTo = events.filter((e) => e.kind === 'reclassified' && e.otherId !== null).map((e) => e.otherId!);
	const services = movedTo.length ? db.select().from(reportServices).where(inArray(reportServices.id, movedTo)).all() : [];
	const grid = report.gridId ? db.select({ name: grids.name }).from(grids).where(eq(grids.id, report.gridId)).get()?.name ?? null : null;
	const timeline: TimelineEvent[] = events.map((e) => ({
		id: e.id,
		kind: e.kind,
		note: e.note,
		dueAt: e.dueAt,
		otherId: e.otherId,
		createdAt: e.createdAt,
		department: e.department,
		// staff act under their names; the reporter is "the reporter", never named
		actor: e.actorId !== null && e.actorId !== report.reporterId ? e.actorName : null,
		byReporter: e.actorId !== null && e.actorId === report.reporterId,
		photos: photos.filter((p) => p.eventId === e.id).map((p) => ({ id: p.id, url: photoUrl(p.id) }))
	}));
	return {
		timeline,
		photos: photos.filter((p) => p.eventId === null).map((p) => ({ id: p.id, url: photoUrl(p.id) })),
		answers: questions.flatMap((q) => {
			const a = answers.find((x) => x.code === q.code);
			return a ? [{ question: q.description, answer: answerText(q, a.value) }] : [];
		}),
		followers: followers?.n ?? 0,
		following: (followers?.mine ?? 0) > 0,
		services: services.map((s) => ({ id: s.id, nameHant: s.nameHant, nameHans: s.nameHans, nameEn: s.nameEn })),
		grid
	};
}

/** Who reported it and how to reach them: for the people who triage or handle it, never on a public page. */
export function reporterOf(db: DbOrTx, report: Report) {
	const user = report.reporterId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, report.reporterId)).get() : undefined;
	return {
		name: user?.name ?? report.contactName,
		onBehalfOf: report.onBehalfOf,
		email: report.contactEmail,
		phone: report.contactPhone,
		viaApi: report.source === 'open311'
	};
}

/** The committee's (or grid's) triage queue: new and returned reports, oldest first; and how many are overdue. */
export function triageQueue(db: DbOrTx, communityId: number, now: number) {
	const rows = listSelect(db)
		.where(and(eq(reports.communityId, communityId), inArray(reports.state, ['reported', 'returned'])))
		.orderBy(asc(reports.createdAt))
		.limit(50)
		.all();
	const late = db
		.select({ n: count() })
		.from(reports)
		.where(and(eq(reports.communityId, communityId), inArray(reports.state, ['dispatched', 'in_progress']), lt(reports.deadlineAt, now)))
		.get();
	return { items: rows.map((r) => item(r, now)), overdue: late?.n ?? 0 };
}

/** A department's queue: what it must sign for, what it works on (overdue first), and what waits for the reporter. */
export function departmentQueue(db: DbOrTx, departmentId: number, now: number) {
	const rows = db
		.select({ ...publicColumns, community: sql<string>`(select slug from communities where id = ${reports.communityId})`, communityName: sql<string>`(select name from communities where id = ${reports.communityId})` })
		.from(reports)
		.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
		.leftJoin(departments, eq(departments.id, reports.departmentId))
		.where(and(eq(reports.departmentId, departmentId), inArray(reports.state, ['dispatched', 'in_progress', 'replied'])))
		.orderBy(asc(reports.deadlineAt), asc(reports.id))
		.limit(200)
		.all()
		.map((r) => item(r, now));
	const photos = rows.length
		? db
				.select({ id: reportPhotos.id, reportId: reportPhotos.reportId })
				.from(reportPhotos)
				.where(and(inArray(reportPhotos.reportId, rows.map((r) => r.id)), isNull(reportPhotos.eventId)))
				.orderBy(asc(reportPhotos.position))
				.all()
		: [];
	const withPhotos = rows.map((r) => ({ ...r, photos: photos.filter((p) => p.reportId === r.id).map((p) => ({ id: p.id, url: photoUrl(p.id) })) }));
	const byOverdue = (a: { overdue: boolean }, b: { overdue: boolean }) => Number(b.overdue) - Number(a.overdue);
	return {
		incoming: withPhotos.filter((r) => r.state === 'dispatched').sort(byOverdue),
		working: withPhotos.filter((r) => r.state === 'in_progress').sort(byOverdue),
		waiting: withPhotos.filter((r) => r.state === 'replied')
	};
}

/** The street's dispatch desk: every escalation, every overdue report, across its communities. */
export function streetOverview(db: DbOrTx, streetId: number, now: number) {
	const rows = db
		.select({ ...publicColumns, community: sql<string>`(select slug from communities where id = ${reports.communityId})`, communityName: sql<string>`(select name from communities where id = ${reports.communityId})` })
		.from(reports)
		.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
		.leftJoin(departments, eq(departments.id, reports.departmentId))
		.where(and(eq(reports.streetId, streetId), or(eq(reports.state, 'escalated'), and(inArray(reports.state, ['dispatched', 'in_progress']), lt(reports.deadlineAt, now)))))
		.orderBy(asc(reports.updatedAt))
		.limit(200)
		.all()
		.map((r) => item(r, now));
	return { escalated: rows.filter((r) => r.state === 'escalated'), overdue: rows.filter((r) => inDepartment(r) && r.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue) };
}

export function photoById(db: DbOrTx, id: number) {
	return db.select().from(reportPhotos).where(eq(reportPhotos.id, id)).get();
}

/** The street's catalogue page: services with their questions, departments with their services and endpoint, holidays, API keys. */
export function catalogueOf(db: DbOrTx, streetId: number) {
	const services = servicesOf(db, streetId, true);
	const questions = services.length
		? db
				.select()
				.from(serviceAttributes)
				.where(inArray(serviceAttributes.serviceId, services.map((s) => s.id)))
				.orderBy(asc(serviceAttributes.position))
				.all()
		: [];
	const depts = db
		.select({ id: departments.id, name: departments.name, url: departmentEndpoints.url })
		.from(departments)
		.leftJoin(departmentEndpoints, eq(departmentEndpoints.departmentId, departments.id))
		.where(eq(departments.streetId, streetId))
		.orderBy(asc(departments.name))
		.all();
	const holidays = db.select({ day: dispatchHolidays.day }).from(dispatchHolidays).where(eq(dispatchHolidays.streetId, streetId)).orderBy(asc(dispatchHolidays.day)).all();
	const keys = db
		.select({ id: open311Keys.id, name: open311Keys.name, hint: open311Keys.hint, createdAt: open311Keys.createdAt, revokedAt: open311Keys.revokedAt })
		.from(open311Keys)
		.where(eq(open311Keys.streetId, streetId))
		.orderBy(desc(open311Keys.createdAt))
		.all();
	return {
		services: services.map((s) => ({ ...s, questions: questions.filter((q) => q.serviceId === s.id).map((q) => ({ ...q, choices: JSON.parse(q.choices) as { key: string; name: string }[] })) })),
		departments: depts.map((d) => ({ ...d, services: services.filter((s) => s.departmentId === d.id).map((s) => ({ code: s.code, nameHant: s.nameHant, nameHans: s.nameHans, nameEn: s.nameEn })) })),
		holidays: holidays.map((h) => h.day),
		keys
	};
}

/** The reports this person filed, newest first, with where they stand (the "my" page). One statement. */
export function myReports(db: DbOrTx, userId: number, limit = 20) {
	return db
		.select({
			id: reports.id,
			state: reports.state,
			description: reports.description,
			createdAt: reports.createdAt,
			nameHant: reportServices.nameHant,
			nameHans: reportServices.nameHans,
			nameEn: reportServices.nameEn,
			communitySlug: communities.slug,
			communityName: communities.name
		})
		.from(reports)
		.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
		.innerJoin(communities, eq(communities.id, reports.communityId))
		.where(eq(reports.reporterId, userId))
		.orderBy(desc(reports.createdAt), desc(reports.id))
		.limit(limit)
		.all();
}
