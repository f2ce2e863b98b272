// Migrating a database written before a migration: the folder of migrations up to a point.
import { expect } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase } from '../../src/lib/server/db/client';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Journal = { entries: { idx: number; tag: string }[] };

/** A migrations folder holding only the migrations up to and including `lastTag`. */
export function migrationsUpTo(lastTag: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
	mkdirSync(join(dir, 'meta'));
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal;
	const last = journal.entries.findIndex((e) => e.tag === lastTag);
	expect(last).toBeGreaterThan(0);
	const entries = journal.entries.slice(0, last + 1);
	for (const e of entries) copyFileSync(join('drizzle', `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
	writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
	return dir;
}


/**
 * A database migrated up to and including `lastTag`, holding street 1 with 金韋 (community 1) and 鳳凰山 (2) and
 * user 1: what a migration test writes its older rows beside. `migrateToLatest()` runs the rest; `close()` cleans up.
 */
export function databaseAt(lastTag: string) {
	const folder = migrationsUpTo(lastTag);
	const { db, sqlite } = openDatabase(':memory:');
	migrate(db, { migrationsFolder: folder });
	const at = Date.UTC(2026, 9, 1);
	sqlite.exec(`
		INSERT INTO streets (id, slug, name, created_at) VALUES (1, 'pingxiangmen', '屏襄門街道', ${at});
		INSERT INTO communities (id, street_id, slug, name, created_at) VALUES (1, 1, 'jinwei', '金韋社區', ${at}), (2, 1, 'fenghuangshan', '鳳凰山社區', ${at});
		INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (1, 'resident1', '王秀英', 'x', ${at});
	`);
	return {
		db,
		sqlite,
		at,
		migrateToLatest: () => migrate(db, { migrationsFolder: 'drizzle' }),
		close: () => {
			sqlite.close();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
