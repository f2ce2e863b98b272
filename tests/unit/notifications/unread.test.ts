// The header's unread badge is one kept statement bound per person: each sees their own unread count, and a
// notification read or added shows at once.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { unreadCount } from '../../../src/lib/server/notifications/queries';

describe('unreadCount', () => {
	it("counts each person's unread notifications only, read ones and others' left out", () => {
		const w = demoWorld();
		const [a, b] = [w.ids.user.resident1, w.ids.user.resident2];
		const note = (userId: number, readAt: number | null = null) =>
			w.db.insert(notifications).values({ userId, kind: 'test', link: '/', readAt, createdAt: w.now }).returning({ id: notifications.id }).get().id;
		const base = [unreadCount(w.db, a), unreadCount(w.db, b)];
		const first = note(a);
		note(a);
		note(a, w.now);
		note(b);
		expect([unreadCount(w.db, a), unreadCount(w.db, b)]).toEqual([base[0] + 2, base[1] + 1]);
		w.db.update(notifications).set({ readAt: w.now }).where(eq(notifications.id, first)).run();
		expect(unreadCount(w.db, a)).toBe(base[0] + 1);
	});
});
