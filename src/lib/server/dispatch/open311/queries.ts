// Reads for the Open311 API: the jurisdiction (the street), its services, and requests as public rows — one
// statement for a page of requests, with only the columns a stranger may see (never the reporter, their
// contact or their account).
import { and, asc, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { communities, departments, streets } from '../../org/schema';
import { reports, reportServices, serviceAttributes } from '../schema';
import { reportPhotos } from '../schema';

export type Street = typeof streets.$inferSelect;

/** The street a request names by `jurisdiction_id` (its slug); optional while there is one street. */
export function findJurisdiction(db: DbOrTx, slug: string | null): { ok: true; street: Street } | { ok: false; problem: 'not_found' | 'required' } {
	if (slug) {
		const street = db.select().from(streets).where(eq(streets.slug, slug)).get();
		return street ? { ok: true, street } : { ok: false, problem: 'not_found' };
	}
	const all = db.select().from(streets).limit(2).all();
	return all.length === 1 ? { ok: true, street: all[0] } : { ok: false, problem: 'required' };
}

export function activeServices(db: DbOrTx, streetId: number) {
	return db
		.select()
		.from(reportServices)
		.where(and(eq(reportServices.streetId, streetId), eq(reportServices.active, true)))
		.orderBy(asc(reportServices.group), asc(reportServices.code))
		.all();
}

/** The services that ask extra questions, by id (for `metadata`). */
export function servicesWithQuestions(db: DbOrTx, streetId: number): Set<number> {
	return new Set(
		db
			.selectDistinct({ id: serviceAttributes.serviceId })
			.from(serviceAttributes)
			.innerJoin(reportServices, eq(reportServices.id, serviceAttributes.serviceId))
			.where(eq(reportServices.streetId, streetId))
			.all()
			.map((r) => r.id)
	);
}

export type RequestFilter =
	| { ids: number[] }
	| { codes: string[] | null; from: number; to: number; statuses: ('open' | 'closed')[] | null; offset: number; limit: number };

/** Requests of the street, newest first: by ids (overriding everything else), or by codes, period and status. */
export function requestRows(db: DbOrTx, streetId: number, filter: RequestFilter) {
	const where: (SQL | undefined)[] = [eq(reports.streetId, streetId)];
	let limit = 1000;
	let offset = 0;
	if ('ids' in filter) {
		if (!filter.ids.length) return [];
		where.push(inArray(reports.id, filter.ids));
	} else {
		where.push(gte(reports.createdAt, filter.from), lt(reports.createdAt, filter.to));
		if (filter.codes) where.push(inArray(reportServices.code, filter.codes));
		if (filter.statuses && filter.statuses.length === 1) where.push(filter.statuses[0] === 'closed' ? eq(reports.state, 'closed') : ne(reports.state, 'closed'));
		limit = filter.limit;
		offset = filter.offset;
	}
	return db
		.select({
			id: reports.id,
			state: reports.state,
			closeReason: reports.closeReason,
			closeNote: reports.closeNote,
			description: reports.description,
			address: reports.address,
			lat: reports.lat,
			long: reports.long,
			mediaUrl: reports.mediaUrl,
			deadlineAt: reports.deadlineAt,
			createdAt: reports.createdAt,
			updatedAt: reports.updatedAt,
			community: communities.slug,
			serviceCode: reportServices.code,
			nameHant: reportServices.nameHant,
			nameHans: reportServices.nameHans,
			nameEn: reportServices.nameEn,
			deadlineClass: reportServices.deadlineClass,
			department: departments.name,
			photoId: sql<number | null>`(select ${reportPhotos.id} from ${reportPhotos} where ${reportPhotos.reportId} = ${reports.id} and ${reportPhotos.eventId} is null order by ${reportPhotos.position} limit 1)`
		})
		.from(reports)
		.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
		.innerJoin(communities, eq(communities.id, reports.communityId))
		.leftJoin(departments, eq(departments.id, reports.departmentId))
		.where(and(...where))
		.orderBy(desc(reports.createdAt), desc(reports.id))
		.limit(limit)
		.offset(offset)
		.all();
}
export type RequestRow = ReturnType<typeof requestRows>[number];
