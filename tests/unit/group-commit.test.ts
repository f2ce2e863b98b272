// Group commit: one COMMIT for a burst of writes, nobody answered before it, and a failure stays with its own piece.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientOf, openDatabase } from '../../src/lib/server/db/client';
import { groupCommit, groupStats, MAX_BATCH } from '../../src/lib/server/db/group-commit';

function scratch() {
	const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
	const { db, sqlite } = openDatabase(join(dir, 'g.db'));
	sqlite.exec('create table parent (id integer primary key); create table t (x integer unique, parent integer references parent(id))');
	const rows = () => (sqlite.prepare('select x from t order by x').all() as { x: number }[]).map((r) => r.x);
	const before = groupStats.commits;
	return { db, sqlite, rows, begun: () => groupStats.commits - before, close: () => (sqlite.close(), rmSync(dir, { recursive: true, force: true })) };
}

describe('groupCommit', () => {
	it('runs a burst in one transaction and answers each caller after it commits', async () => {
		const s = scratch();
		try {
			const insert = clientOf(s.db).prepare('insert into t (x) values (?)');
			let answered = 0;
			const pending = Array.from({ length: 20 }, (_, i) =>
				groupCommit(s.db, () => (insert.run(i), i)).then((v) => {
					answered++;
					// Already durable when answered: another connection sees it.
					const other = openDatabase(s.sqlite.name);
					const seen = other.sqlite.prepare('select count(*) as n from t where x = ?').get(v) as { n: number };
					other.sqlite.close();
					expect(seen.n).toBe(1);
					return v;
				})
			);
			expect(answered).toBe(0);
			expect(await Promise.all(pending)).toEqual(Array.from({ length: 20 }, (_, i) => i));
			expect(s.rows()).toHaveLength(20);
			expect(s.begun()).toBe(1);
		} finally {
			s.close();
		}
	});

	it('undoes only the piece that fails, and tells only its caller', async () => {
		const s = scratch();
		try {
			const sqlite = clientOf(s.db);
			const results = await Promise.allSettled([
				groupCommit(s.db, () => sqlite.prepare('insert into t (x) values (1)').run()),
				groupCommit(s.db, () => {
					sqlite.prepare('insert into t (x) values (2)').run();
					sqlite.prepare('insert into t (x) values (1)').run(); // unique: refused, and its 2 goes with it
				}),
				groupCommit(s.db, () => sqlite.prepare('insert into t (x) values (3)').run())
			]);
			expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			expect(s.rows()).toEqual([1, 3]);
		} finally {
			s.close();
		}
	});

	it('answers nobody when the shared COMMIT fails, and stores nothing', async () => {
		const s = scratch();
		try {
			const sqlite = clientOf(s.db);
			const results = await Promise.allSettled([
				groupCommit(s.db, () => sqlite.prepare('insert into t (x) values (1)').run()),
				// A deferred foreign key is checked at COMMIT: the whole transaction is refused there.
				groupCommit(s.db, () => (sqlite.pragma('defer_foreign_keys = ON'), sqlite.prepare('insert into t (x, parent) values (2, 99)').run()))
			]);
			expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
			expect(s.rows()).toEqual([]);
		} finally {
			s.close();
		}
	});

	it('splits a larger burst into batches of at most MAX_BATCH', async () => {
		const s = scratch();
		try {
			const insert = clientOf(s.db).prepare('insert into t (x) values (?)');
			await Promise.all(Array.from({ length: MAX_BATCH * 2 + 1 }, (_, i) => groupCommit(s.db, () => insert.run(i))));
			expect(s.rows()).toHaveLength(MAX_BATCH * 2 + 1);
			expect(s.begun()).toBe(3);
		} finally {
			s.close();
		}
	});
});
