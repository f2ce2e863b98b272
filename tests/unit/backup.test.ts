import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, migrateDatabase } from '../../src/lib/server/db/client';
import { seedFoundation } from '../../src/scripts/demo/foundation';

describe('db:backup', () => {
	it('copies a live WAL database, including writes not yet checkpointed', () => {
		const dir = mkdtempSync(join(tmpdir(), 'backup-'));
		const live = join(dir, 'live.db');
		const { db, sqlite } = openDatabase(live);
		migrateDatabase(db);
		seedFoundation(db, 'x', Date.now());
		sqlite.pragma('wal_autocheckpoint = 0'); // keep the last writes in the WAL only
		sqlite.prepare("update users set display_name = '剛改的名字' where username = 'resident1'").run();
		const copy = join(dir, 'copy.db');
		const run = spawnSync('npx', ['tsx', 'src/scripts/backup.ts', copy], { env: { ...process.env, DATABASE_URL: live }, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		sqlite.close();
		const restored = new Database(copy, { readonly: true });
		expect(restored.prepare('select count(*) as n from users').get()).toEqual({ n: 16 });
		expect(restored.prepare("select display_name as d from users where username = 'resident1'").get()).toEqual({ d: '剛改的名字' });
		restored.close();
	});

	it('says what is wrong when there is no database', () => {
		const run = spawnSync('npx', ['tsx', 'src/scripts/backup.ts', '/tmp/nowhere.db'], { env: { ...process.env, DATABASE_URL: '/tmp/does-not-exist.db' }, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('error: no database');
	});
});
