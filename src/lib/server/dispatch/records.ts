// A report as commands load it (with its community and service), how the policy sees it, and the writes and
// reads several commands share: the timeline, the street's holidays, who is told.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { DEPARTMENT_ROLE, GRID_WORKER_ROLE, STREET_STAFF_ROLE } from '../policy';
import { communities, streets } from '../org/schema';
import type { CommunityRecord } from '../org/records';
import { memberships } from '../residency/schema';
import { committeeUserIds } from '../residency/queries';
import { dispatchHolidays, reportEvents, reportFollowers, reports, reportServices, departmentEndpoints } from './schema';
import type { ReportEventKind } from '../../codes';

export type Report = typeof reports.$inferSelect;
export type Service = typeof reportServices.$inferSelect;
export type ReportRecord = { report: Report; community: CommunityRecord; service: Service; streetSlug: string };

/** What a request names: the report, and the community, street or department desk it is asked through. */
export type ReportTarget = { id: number; communityId?: number; streetId?: number; departmentId?: number };

/** The report `id` within the scope the request names; a report of another community, street or desk is not found. */
export function loadReport(db: DbOrTx, target: ReportTarget): ReportRecord | undefined {
	if (!Number.isSafeInteger(target.id) || target.id <= 0) return undefined;
	const where: (SQL | undefined)[] = [eq(reports.id, target.id)];
	if (target.communityId !== undefined) where.push(eq(reports.communityId, target.communityId));
	if (target.streetId !== undefined) where.push(eq(reports.streetId, target.streetId));
	if (target.departmentId !== undefined) where.push(eq(reports.departmentId, target.departmentId));
	return db
		.select({ report: reports, community: communities, service: reportServices, streetSlug: streets.slug })
		.from(reports)
		.innerJoin(communities, eq(communities.id, reports.communityId))
		.innerJoin(streets, eq(streets.id, reports.streetId))
		.innerJoin(reportServices, eq(reportServices.id, reports.serviceId))
		.where(and(...where))
		.get();
}

/** A report as the policy sees it: where it is, its grid, the department it is with, and who reported it. */
export const reportSubject = ({ report }: ReportRecord): Subject => ({
	communityId: report.communityId,
	streetId: report.streetId,
	gridId: report.gridId,
	departmentId: report.departmentId,
	ownerId: report.reporterId
});

/**
 * The same report as the reporter and neighbours act on it (follow, verify, rate): anywhere in the community,
 * whatever grid the report was put in — a resident's home grid does not fence them off their own report.
 */
export const neighbourSubject = ({ report }: ReportRecord): Subject => ({ communityId: report.communityId, streetId: report.streetId, ownerId: report.reporterId });

export const reportLink = (c: { slug: string }, id: number) => `/c/${c.slug}/reports/${id}`;

/** A department's desk, at the report. */
export const deskLink = (streetSlug: string, departmentId: number, reportId: number) => `/street/${streetSlug}/departments/${departmentId}#report-${reportId}`;
/** The street's dispatch desk (escalations, overdue), at the report. */
export const streetDeskLink = (streetSlug: string, reportId: number) => `/street/${streetSlug}/dispatch#report-${reportId}`;

type EventExtra = { departmentId?: number | null; note?: string | null; dueAt?: number | null; otherId?: number | null };

/** One step of the public timeline (append-only); returns its id, for the photos of a reply. */
export function addEvent(tx: DbOrTx, reportId: number, kind: ReportEventKind, actorId: number | null, now: number, extra: EventExtra = {}): number {
	return tx
		.insert(reportEvents)
		.values({ reportId, kind, actorId, departmentId: extra.departmentId ?? null, note: extra.note ?? null, dueAt: extra.dueAt ?? null, otherId: extra.otherId ?? null, createdAt: now })
		.returning({ id: reportEvents.id })
		.get().id;
}

/** The street's holidays ("2026-10-01"), which deadlines skip besides weekends. */
export function holidaysOf(db: DbOrTx, streetId: number): string[] {
	return db
		.select({ day: dispatchHolidays.day })
		.from(dispatchHolidays)
		.where(eq(dispatchHolidays.streetId, streetId))
		.orderBy(asc(dispatchHolidays.day))
		.all()
		.map((r) => r.day);
}

function verifiedIds(db: DbOrTx, where: SQL | undefined): number[] {
	return db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(where, eq(memberships.status, 'verified')))
		.all()
		.map((r) => r.userId);
}

/** The accounts appointed to a department: who is told of its dispatches. */
export const departmentUserIds = (db: DbOrTx, departmentId: number) => verifiedIds(db, and(eq(memberships.role, DEPARTMENT_ROLE), eq(memberships.departmentId, departmentId)));
export const streetStaffIds = (db: DbOrTx, streetId: number) => verifiedIds(db, and(eq(memberships.role, STREET_STAFF_ROLE), eq(memberships.streetId, streetId)));

/** Who triages a report: the community's committee and the grid workers of its grid (or of the whole community). */
export function triageUserIds(db: DbOrTx, report: Pick<Report, 'communityId' | 'gridId'>): number[] {
	const workers = db
		.select({ userId: memberships.userId, gridId: memberships.gridId })
		.from(memberships)
		.where(and(eq(memberships.role, GRID_WORKER_ROLE), eq(memberships.communityId, report.communityId), eq(memberships.status, 'verified')))
		.all()
		.filter((m) => m.gridId === null || report.gridId === null || m.gridId === report.gridId)
		.map((m) => m.userId);
	return [...committeeUserIds(db, report.communityId), ...workers];
}

/** The reporter and the neighbours following the report: told of every step. */
export function watcherIds(db: DbOrTx, report: Pick<Report, 'id' | 'reporterId'>): number[] {
	const followers = db.select({ userId: reportFollowers.userId }).from(reportFollowers).where(eq(reportFollowers.reportId, report.id)).all();
	return [...(report.reporterId ? [report.reporterId] : []), ...followers.map((f) => f.userId)];
}

/** A service's names as notification parameters: each language's message picks its own. */
export const serviceParams = (s: Pick<Service, 'nameHant' | 'nameHans' | 'nameEn'>) => ({ serviceHant: s.nameHant, serviceHans: s.nameHans, serviceEn: s.nameEn });

/** Where a department's system hears of its dispatches, if it has one. */
export function endpointOf(db: DbOrTx, departmentId: number): string | null {
	return db.select({ url: departmentEndpoints.url }).from(departmentEndpoints).where(eq(departmentEndpoints.departmentId, departmentId)).get()?.url ?? null;
}

/** Services by id, for lists that show many reports. */
export function servicesByIds(db: DbOrTx, ids: number[]): Map<number, Service> {
	if (!ids.length) return new Map();
	return new Map(db.select().from(reportServices).where(inArray(reportServices.id, [...new Set(ids)])).all().map((s) => [s.id, s]));
}
