// dataVersion (db/data-version.ts) changes with every commit, from this connection or another: kept public
// pages (page-cache/) rely on it to never outlive a change.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/client';
import { dataVersion } from '../../src/lib/server/db/data-version';

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
});
