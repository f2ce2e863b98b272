import type { DbOrTx } from '../db/client';
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

/** Call inside the transaction of the change it records, so that both happen or neither. */
export function writeAudit(tx: DbOrTx, actor: Pick<Actor, 'userId' | 'ip'> | null, entry: AuditEntry, now: number) {
	tx.insert(auditLog)
		.values({
			actorId: actor?.userId ?? null,
			action: entry.action,
			subjectType: entry.subjectType,
			subjectId: entry.subjectId ?? null,
			communityId: entry.communityId ?? null,
			streetId: entry.streetId ?? null,
			summary: JSON.stringify(entry.summary ?? {}),
			ip: actor?.ip ?? null,
			createdAt: now
		})
		.run();
}
