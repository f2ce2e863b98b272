import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
import type { Actor } from '../policy';
import type { AuditAction } from './actions';
import { auditLog } from './schema';

export type AuditEntry = {
	action: AuditAction;
	subjectType: string;
	subjectId?: number | null;
	communityId?: number | null;
	streetId?: number | null;
	summary?: Record<string, unknown>;
};

// Every command writes one: kept prepared.
const insertAudit = (db: DbOrTx) =>
	db
		.insert(auditLog)
		.values({
			actorId: sql.placeholder('actorId'),
			action: sql.placeholder('action'),
			subjectType: sql.placeholder('subjectType'),
			subjectId: sql.placeholder('subjectId'),
			communityId: sql.placeholder('communityId'),
			streetId: sql.placeholder('streetId'),
			summary: sql.placeholder('summary'),
			ip: sql.placeholder('ip'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare();

/** Call inside the transaction of the change it records, so that both happen or neither. */
export function writeAudit(tx: DbOrTx, actor: Pick<Actor, 'userId' | 'ip'> | null, entry: AuditEntry, now: number) {
	prepared(tx, insertAudit).run({
		actorId: actor?.userId ?? null,
		action: entry.action,
		subjectType: entry.subjectType,
		subjectId: entry.subjectId ?? null,
		communityId: entry.communityId ?? null,
		streetId: entry.streetId ?? null,
		summary: JSON.stringify(entry.summary ?? {}),
		ip: actor?.ip ?? null,
		createdAt: now
	});
}
