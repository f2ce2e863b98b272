import { and, eq, isNull, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
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
	const insert = prepared(tx, insertNotification);
	const item = { userId: 0, kind, params: JSON.stringify(params), link, createdAt: now };
	for (const userId of new Set(userIds)) insert.run({ ...item, userId });
}

// A vote opening tells every resident of the community: one prepared row at a time, not one statement of a
// thousand rows that drizzle builds and SQLite compiles (≈ 0.2 s for 1,000 residents, the server stalled meanwhile).
const insertNotification = (db: DbOrTx) =>
	db
		.insert(notifications)
		.values({
			userId: sql.placeholder('userId'),
			kind: sql.placeholder('kind'),
			params: sql.placeholder('params'),
			link: sql.placeholder('link'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare();

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
