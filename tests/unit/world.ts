// A migrated in-memory database holding the demo street's foundation (communities, grids, every role).
import { createTestDb, type Db } from '../../src/lib/server/db/client';
import { seedFoundation, type DemoIds } from '../../src/scripts/demo/foundation';
import { loadActor } from '../../src/lib/server/residency/queries';
import { users } from '../../src/lib/server/auth/schema';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/server/policy';

// Any string works as a hash here: these tests never verify demo passwords.
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fake$fake';

export type World = { db: Db; ids: DemoIds; now: number; actor: (username: string) => Actor };

export function demoWorld(now = Date.UTC(2026, 10, 1, 2, 0, 0)): World {
	const db = createTestDb();
	const ids = seedFoundation(db, FAKE_HASH, now);
	const actor = (username: string) => {
		const user = db.select().from(users).where(eq(users.username, username)).get();
		if (!user) throw new Error(`no demo user ${username}`);
		return loadActor(db, user, '127.0.0.1');
	};
	return { db, ids, now, actor };
}
