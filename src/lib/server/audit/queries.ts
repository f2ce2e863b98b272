import { and, desc, eq, gte, lt, or, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditLog } from './schema';
import { users } from '../auth/schema';
import { reach, type Actor } from '../policy';

export type AuditFilter = { actor?: string; action?: string; from?: number; to?: number; before?: number };

/**
 * What this person may read of the log, as the policy's `audit.view` reaches: everything, their streets,
 * their communities. Returns null when they may read nothing.
 */
export function auditScope(actor: Actor): SQL | undefined | null {
	const { everywhere, streetIds, communityIds } = reach(actor, 'audit.view');
	if (everywhere) return undefined;
	const parts: SQL[] = [];
	if (streetIds.length) parts.push(inArray(auditLog.streetId, streetIds));
	if (communityIds.length) parts.push(inArray(auditLog.communityId, communityIds));
	return parts.length ? (or(...parts) ?? null) : null;
}

export const AUDIT_PAGE = 50;

export function listAudit(db: DbOrTx, scope: SQL | undefined, filter: AuditFilter) {
	const conditions: (SQL | undefined)[] = [scope];
	if (filter.actor) conditions.push(eq(users.username, filter.actor.toLowerCase()));
	if (filter.action) conditions.push(eq(auditLog.action, filter.action));
	if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
	if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
	if (filter.before) conditions.push(lt(auditLog.id, filter.before));
	return db
		.select({
			id: auditLog.id,
			action: auditLog.action,
			subjectType: auditLog.subjectType,
			subjectId: auditLog.subjectId,
			communityId: auditLog.communityId,
			summary: auditLog.summary,
			ip: auditLog.ip,
			createdAt: auditLog.createdAt,
			actorName: users.username,
			actorDisplay: users.displayName
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(and(...conditions))
		.orderBy(desc(auditLog.id))
		.limit(AUDIT_PAGE + 1)
		.all();
}

export function auditActions(db: DbOrTx, scope: SQL | undefined): string[] {
	return db
		.selectDistinct({ action: auditLog.action })
		.from(auditLog)
		.where(scope)
		.orderBy(auditLog.action)
		.all()
		.map((r) => r.action);
}
