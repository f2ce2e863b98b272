// A migrated database holding the demo street's foundation (communities, grids, every role): in memory for
// most tests; in a file with a second connection (`rival`) for race tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, migrateDatabase, openDatabase, type Db } from '../../src/lib/server/db/client';
import { seedFoundation, type DemoIds } from '../../src/scripts/demo/foundation';
import { loadActor } from '../../src/lib/server/residency/queries';
import { users } from '../../src/lib/server/auth/schema';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/server/policy';

// Any string works as a hash here: these tests never verify demo passwords.
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fake$fake';
export const TEST_NOW = Date.UTC(2026, 10, 1, 2, 0, 0);

export type World = { db: Db; ids: DemoIds; now: number; actor: (username: string) => Actor };

function worldOn(db: Db, now: number): World {
	const ids = seedFoundation(db, FAKE_HASH, now);
	const actor = (username: string) => {
		const user = db.select().from(users).where(eq(users.username, username)).get();
		if (!user) throw new Error(`no demo user ${username}`);
		return loadActor(db, user, '127.0.0.1');
	};
	return { db, ids, now, actor };
}

export function demoWorld(now = TEST_NOW): World {
	return worldOn(createTestDb(), now);
}

export type RaceWorld = World & {
	/** A second connection to the same file: another server process, or another request's transaction. */
	rival: Db;
	close(): void;
};

/**
 * The demo foundation in a database file with two connections. A race test prepares a command on `db`
 * (loaded, authorized, validated: what a request has done before it writes), lets the rival commit the
 * competing change on `rival`, then commits the command — and expects one winner and a clean refusal.
 */
export function raceWorld(now = TEST_NOW): RaceWorld {
	const dir = mkdtempSync(join(tmpdir(), 'race-'));
	const file = join(dir, 'race.db');
	const first = openDatabase(file);
	migrateDatabase(first.db);
	const second = openDatabase(file);
	return {
		...worldOn(first.db, now),
		rival: second.db,
		close() {
			first.sqlite.close();
			second.sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
