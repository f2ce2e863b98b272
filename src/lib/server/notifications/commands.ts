import { and, eq, isNull, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { notifications } from './schema';

export type NotificationParams = Record<string, string | number>;

/**
 * Queue inbox items. `kind` names a message `notify_{kind}` in every language; `params` fill it.
 * Call it in the transaction of the change so the item exists exactly when the change does.
 */
export function notify(
	tx: DbOrTx,
	userIds: Iterable<number>,
	kind: string,
	params: NotificationParams,
	link: string,
	now: number
) {
	const unique = [...new Set(userIds)];
	if (!unique.length) return;
	tx.insert(notifications)
		.values(unique.map((userId) => ({ userId, kind, params: JSON.stringify(params), link, createdAt: now })))
		.run();
}

export function markRead(db: DbOrTx, userId: number, ids: number[], now: number) {
	if (!ids.length) return;
	db.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)))
		.run();
}

export function markAllRead(db: DbOrTx, userId: number, now: number) {
	db.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.run();
}
