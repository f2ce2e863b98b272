import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
import { notifications } from './schema';

const countUnread = (db: DbOrTx) =>
	db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
		.prepare();

/** The header's badge on every page a signed-in person opens: kept prepared (db/statements.ts). */
export function unreadCount(db: DbOrTx, userId: number): number {
	return prepared(db, countUnread).get({ userId })?.n ?? 0;
}

export type InboxItem = {
	id: number;
	kind: string;
	params: Record<string, string | number>;
	link: string;
	read: boolean;
	createdAt: number;
};

/** Newest first by when it happened (demo data and imports may be written out of order). */
export function listInbox(db: DbOrTx, userId: number, opts: { limit?: number } = {}): InboxItem[] {
	const limit = opts.limit ?? 30;
	return db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all()
		.map((n) => ({
			id: n.id,
			kind: n.kind,
			params: JSON.parse(n.params) as Record<string, string | number>,
			link: n.link,
			read: n.readAt !== null,
			createdAt: n.createdAt
		}));
}
