// Migrating a database written before a migration: the folder of migrations up to a point.
import { expect } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

