// Statements drizzle compiles are kept per connection (db/client.ts reuseStatements): compiled once, handed back in
// their plain mode, and never more than STATEMENTS_KEPT of them.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { clientOf, createTestDb, STATEMENTS_KEPT } from '../../src/lib/server/db/client';
import { streets, communities } from '../../src/lib/server/org/schema';

/** Counts what SQLite is asked to compile while `body` runs. */
function compiled(db: ReturnType<typeof createTestDb>, body: () => void): string[] {
	const sqlite = clientOf(db);
	const prepare = sqlite.prepare.bind(sqlite);
	const seen: string[] = [];
	sqlite.prepare = ((source: string) => (seen.push(source), prepare(source))) as typeof sqlite.prepare;
	try {
		body();
	} finally {
		sqlite.prepare = prepare;
	}
	return seen;
}

describe('statements drizzle compiles', () => {
	it('are compiled once and reused, whatever the values', () => {
		const db = createTestDb();
		const byId = (id: number) => db.select().from(streets).where(eq(streets.id, id)).all();
		byId(1);
		expect(compiled(db, () => [2, 3, 4].forEach(byId))).toEqual([]);
	});

	it('read rows as objects after the same text was read as arrays', () => {
		const db = createTestDb();
		db.insert(streets).values({ slug: 's', name: '街道', createdAt: 0 }).run();
		const text = 'select "id", "slug" from "streets"';
		// A select with fields: drizzle reads the statement in raw (array) mode and maps the rows itself.
		expect(db.select({ id: streets.id, slug: streets.slug }).from(streets).all()).toEqual([{ id: 1, slug: 's' }]);
		// The very same text without fields: drizzle hands SQLite's own objects back, so the mode must be plain again.
		expect(db.all(sql.raw(text))).toEqual([{ id: 1, slug: 's' }]);
		expect(db.get(sql.raw(text))).toEqual({ id: 1, slug: 's' });
	});

	it('are kept up to STATEMENTS_KEPT, the oldest compiled again past it', () => {
		const db = createTestDb();
		const nth = (n: number) => db.all(sql.raw(`select ${n} as n`));
		const first = compiled(db, () => nth(0));
		expect(first).toHaveLength(1);
		const more = compiled(db, () => {
			for (let n = 1; n <= STATEMENTS_KEPT; n++) nth(n);
		});
		expect(more).toHaveLength(STATEMENTS_KEPT);
		// The first one was dropped to make room; the newest is still kept.
		expect(compiled(db, () => nth(0))).toHaveLength(1);
		expect(compiled(db, () => nth(STATEMENTS_KEPT))).toHaveLength(0);
	});

	it('keep working inside transactions and after a failed statement', () => {
		const db = createTestDb();
		const add = (slug: string) => db.insert(streets).values({ slug, name: slug, createdAt: 0 }).run();
		add('a');
		expect(() => add('a')).toThrow(/UNIQUE/);
		db.transaction((tx) => {
			tx.insert(streets).values({ slug: 'b', name: 'b', createdAt: 0 }).run();
			tx.insert(communities).values({ streetId: 1, slug: 'c', name: 'c', createdAt: 0 }).run();
		});
		expect(db.select({ slug: streets.slug }).from(streets).all().map((s) => s.slug)).toEqual(['a', 'b']);
	});
});
