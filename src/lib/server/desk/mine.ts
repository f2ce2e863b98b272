// What waits on anyone signed in, staff or not (ratings to give, replies to check, claims at risk), and on a
// department or a street from 吹哨派單 (reports to handle, overdue, escalated). A fixed number of statements.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { departments, streets } from '../org/schema';
import { reports } from '../dispatch/schema';
import { areaClaims } from '../areas/schema';
import { ratableFor } from '../ratings/queries';
import type { DeskPlace, DeskTask } from './queries';

/** The person's own section, or null when nothing waits on them. Three statements. */
export function personalSection(db: DbOrTx, userId: number, now: number): DeskPlace | null {
	const toRate = ratableFor(db, userId, now, 100).filter((r) => r.ratedAt === null).length;
	const toVerify = db.select({ n: count() }).from(reports).where(and(eq(reports.reporterId, userId), eq(reports.state, 'replied'))).get()?.n ?? 0;
	const atRisk = db.select({ n: count() }).from(areaClaims).where(and(eq(areaClaims.userId, userId), eq(areaClaims.state, 'at_risk'))).get()?.n ?? 0;
	const tasks: DeskTask[] = [
		{ kind: 'reports_to_verify', count: toVerify, overdue: 0, href: '/my#my-reports' },
		{ kind: 'claims_at_risk', count: atRisk, overdue: 0, href: '/my#my-areas' },
		{ kind: 'ratings_to_give', count: toRate, overdue: 0, href: '/my#to-rate' }
	];
	return tasks.some((t) => t.count > 0) ? { kind: 'self', name: '', href: null, tasks } : null;
}

const WORKING = ['dispatched', 'in_progress'] as const;

/** Each department's queue: reports sent to it and not yet answered, how many are past their deadline. One statement. */
export function departmentSections(db: DbOrTx, departmentIds: number[], now: number): DeskPlace[] {
	if (!departmentIds.length) return [];
	return db
		.select({
			id: departments.id,
			name: departments.name,
			streetSlug: streets.slug,
			open: sql<number>`count(${reports.id})`,
			overdue: sql<number>`coalesce(sum(${reports.deadlineAt} < ${now}), 0)`
		})
		.from(departments)
		.innerJoin(streets, eq(streets.id, departments.streetId))
		.leftJoin(reports, and(eq(reports.departmentId, departments.id), inArray(reports.state, WORKING)))
		.where(inArray(departments.id, departmentIds))
		.groupBy(departments.id)
		.all()
		.map((d) => {
			const href = `/street/${d.streetSlug}/departments/${d.id}`;
			return { kind: 'department' as const, name: d.name, href, tasks: [{ kind: 'reports_to_handle' as const, count: d.open, overdue: d.overdue, href }] };
		});
}

/** A street's dispatch desk: 吹哨 waiting for a lead department, and reports past their deadline. One statement. */
export function streetDispatchTasks(db: DbOrTx, streetIds: number[], now: number): Map<number, DeskTask[]> {
	const rows = streetIds.length
		? db
				.select({
					streetId: reports.streetId,
					slug: streets.slug,
					escalated: sql<number>`coalesce(sum(${reports.state} = 'escalated'), 0)`,
					overdue: sql<number>`coalesce(sum(${reports.state} in ('dispatched', 'in_progress') and ${reports.deadlineAt} < ${now}), 0)`
				})
				.from(reports)
				.innerJoin(streets, eq(streets.id, reports.streetId))
				.where(and(inArray(reports.streetId, streetIds), inArray(reports.state, ['escalated', ...WORKING])))
				.groupBy(reports.streetId)
				.all()
		: [];
	return new Map(
		rows.map((r) => [
			r.streetId,
			[
				{ kind: 'reports_escalated', count: r.escalated, overdue: 0, href: `/street/${r.slug}/dispatch` },
				{ kind: 'reports_overdue', count: r.overdue, overdue: 0, href: `/street/${r.slug}/dispatch` }
			]
		])
	);
}
