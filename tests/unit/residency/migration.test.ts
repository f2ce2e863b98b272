// Departments became records in 0010: a database written before it (department accounts carrying a free-text
// department name) comes out with one department per (street, name) and each account pointing at its own.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase } from '../../../src/lib/server/db/client';
import { loadActor } from '../../../src/lib/server/residency/queries';
import { migrationsUpTo } from '../migrations';

describe('migration 0010: departments as records', () => {
	it('turns free-text department names into department records the accounts point to', () => {
		const folder = migrationsUpTo('0009_ballots_by_voter');
		const { db, sqlite } = openDatabase(':memory:');
		try {
			migrate(db, { migrationsFolder: folder });
			const at = Date.UTC(2026, 0, 1);
			sqlite.exec(`
				INSERT INTO streets (id, slug, name, created_at) VALUES (1, 'pingxiangmen', '屏襄門街道', ${at}), (2, 'dongmen', '東門街道', ${at});
				INSERT INTO communities (id, street_id, slug, name, created_at) VALUES (1, 1, 'jinwei', '金韋社區', ${at});
				INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES
					(1, 'dept1', '城管一', 'x', ${at}), (2, 'dept2', '城管二', 'x', ${at}), (3, 'water', '水務', 'x', ${at}),
					(4, 'east', '東門城管', 'x', ${at}), (5, 'committee1', '林淑芬', 'x', ${at});
				INSERT INTO memberships (id, user_id, role, status, street_id, community_id, department, scope_key, created_at) VALUES
					(1, 1, 'department', 'verified', 1, NULL, '城管執法隊', 's:1', ${at}),
					(2, 2, 'department', 'verified', 1, NULL, '城管執法隊', 's:1', ${at}),
					(3, 3, 'department', 'revoked', 1, NULL, '水務所', 's:1', ${at}),
					(4, 4, 'department', 'verified', 2, NULL, '城管執法隊', 's:2', ${at}),
					(5, 5, 'committee', 'verified', 1, 1, NULL, 'c:1', ${at});
			`);

			migrate(db, { migrationsFolder: 'drizzle' });

			const departments = sqlite.prepare('SELECT id, street_id AS streetId, name FROM departments ORDER BY street_id, name').all() as { id: number; streetId: number; name: string }[];
			expect(departments.map(({ streetId, name }) => ({ streetId, name }))).toEqual([
				{ streetId: 1, name: '城管執法隊' },
				{ streetId: 1, name: '水務所' },
				{ streetId: 2, name: '城管執法隊' }
			]);
			const idOf = (streetId: number, name: string) => departments.find((d) => d.streetId === streetId && d.name === name)?.id;
			const pointer = sqlite.prepare('SELECT id, department_id AS departmentId FROM memberships ORDER BY id').all();
			expect(pointer).toEqual([
				{ id: 1, departmentId: idOf(1, '城管執法隊') },
				{ id: 2, departmentId: idOf(1, '城管執法隊') },
				{ id: 3, departmentId: idOf(1, '水務所') },
				{ id: 4, departmentId: idOf(2, '城管執法隊') },
				{ id: 5, departmentId: null }
			]);
			// the free-text column is gone (0011), and the account acts for its department
			const columns = (sqlite.prepare('PRAGMA table_info(memberships)').all() as { name: string }[]).map((c) => c.name);
			expect(columns).not.toContain('department');
			expect(loadActor(db, { id: 1, username: 'dept1', displayName: '城管一' }, null).memberships).toEqual([
				expect.objectContaining({ role: 'department', streetId: 1, departmentId: idOf(1, '城管執法隊') })
			]);
			expect(sqlite.pragma('foreign_key_check')).toEqual([]);
		} finally {
			sqlite.close();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
