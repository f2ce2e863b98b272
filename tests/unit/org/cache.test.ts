// The street and community rows a process keeps between requests follow every change, made by any connection.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../../../src/lib/server/db/client';
import { cachedCommunities, cachedCommunity, cachedStreets } from '../../../src/lib/server/org/cache';

describe('the org cache', () => {
	it('serves the same rows until a street or community changes, from this connection or another process', () => {
		const dir = mkdtempSync(join(tmpdir(), 'org-cache-'));
		const file = join(dir, 'org.db');
		const mine = openDatabase(file);
		const other = openDatabase(file);
		try {
			migrateDatabase(mine.db);
			const at = Date.UTC(2026, 9, 1);
			other.sqlite.exec(`
				INSERT INTO streets (id, slug, name, created_at) VALUES (1, 'pingxiangmen', '屏襄門街道', ${at});
				INSERT INTO communities (id, street_id, slug, name, created_at) VALUES (1, 1, 'jinwei', '金韋社區', ${at});
			`);
			const first = cachedCommunity(mine.db, 'jinwei');
			expect(first).toMatchObject({ name: '金韋社區', streetSlug: 'pingxiangmen', secondThreshold: 10 });
			expect(cachedCommunity(mine.db, 'jinwei')).toBe(first);
			expect(cachedCommunities(mine.db)).toBe(cachedCommunities(mine.db));
			expect(Object.isFrozen(first)).toBe(true);
			expect(cachedCommunity(mine.db, 'nowhere')).toBeUndefined();

			// A setting changed by another process is seen on the next read.
			other.sqlite.exec(`UPDATE communities SET second_threshold = 3 WHERE id = 1`);
			expect(cachedCommunity(mine.db, 'jinwei')).toMatchObject({ secondThreshold: 3 });
			other.sqlite.exec(`INSERT INTO communities (id, street_id, slug, name, created_at) VALUES (2, 1, 'fenghuangshan', '鳳凰山社區', ${at})`);
			expect(cachedCommunities(mine.db).map((c) => c.slug)).toEqual(['jinwei', 'fenghuangshan']);
			other.sqlite.exec(`UPDATE streets SET name = '屏襄門街道辦' WHERE id = 1`);
			expect(cachedStreets(mine.db)[0].name).toBe('屏襄門街道辦');
			expect(cachedCommunity(mine.db, 'fenghuangshan')).toMatchObject({ streetName: '屏襄門街道辦' });
			other.sqlite.exec(`DELETE FROM communities WHERE id = 2`);
			expect(cachedCommunity(mine.db, 'fenghuangshan')).toBeUndefined();
		} finally {
			mine.sqlite.close();
			other.sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
