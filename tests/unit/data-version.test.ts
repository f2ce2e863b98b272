// dataVersion (db/data-version.ts) changes with every commit, from this connection or another: kept public
// pages (page-cache/) rely on it to never outlive a change.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/client';
import { dataVersion, writeUnnoticed } from '../../src/lib/server/db/data-version';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the data version', () => {
	it('changes when this connection or another one commits, and only then', () => {
		dir = mkdtempSync(join(tmpdir(), 'data-version-'));
		const file = join(dir, 'app.db');
		const one = openDatabase(file);
		migrateDatabase(one.db);
		const other = openDatabase(file);
		try {
			const first = dataVersion(one.sqlite);
			one.sqlite.prepare('select count(*) from streets').get();
			expect(dataVersion(one.sqlite), 'a read changes nothing').toBe(first);

			one.sqlite.prepare(`insert into streets (slug, name, created_at) values ('a', 'A', 0)`).run();
			const afterOwn = dataVersion(one.sqlite);
			expect(afterOwn, 'its own write').not.toBe(first);

			other.sqlite.prepare(`insert into streets (slug, name, created_at) values ('b', 'B', 0)`).run();
			expect(dataVersion(one.sqlite), "another connection's write").not.toBe(afterOwn);
		} finally {
			one.sqlite.close();
			other.sqlite.close();
		}
	});

	it('stays through a write no page shows, and still changes with the next ordinary one', () => {
		dir = mkdtempSync(join(tmpdir(), 'data-version-'));
		const { db, sqlite } = openDatabase(join(dir, 'app.db'));
		migrateDatabase(db);
		try {
			const first = dataVersion(sqlite);
			const result = writeUnnoticed(sqlite, () => sqlite.prepare(`insert into streets (slug, name, created_at) values ('q', 'Q', 0)`).run());
			expect(result.changes).toBe(1);
			expect(dataVersion(sqlite), 'unnoticed').toBe(first);
			sqlite.prepare(`insert into streets (slug, name, created_at) values ('r', 'R', 0)`).run();
			expect(dataVersion(sqlite), 'the next ordinary write').not.toBe(first);
			// a failed unnoticed write counts what it did write (nothing), and throws as it would
			expect(() => writeUnnoticed(sqlite, () => sqlite.prepare(`insert into streets (slug, name, created_at) values ('r', 'R', 0)`).run())).toThrow();
			const after = dataVersion(sqlite);
			sqlite.prepare(`update streets set name = 'S' where slug = 'r'`).run();
			expect(dataVersion(sqlite)).not.toBe(after);
		} finally {
			sqlite.close();
		}
	});
});
