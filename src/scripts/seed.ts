// npm run seed -- [FILE]: a fresh database with the demo street (replaces FILE).
import { rmSync } from 'node:fs';
import { openDatabase, migrateDatabase, databaseFile } from '../lib/server/db/client';
import { seedDemo } from './demo/index';

export async function freshDemoDatabase(file: string) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	const { db, sqlite } = openDatabase(file);
	migrateDatabase(db);
	const started = Date.now();
	await seedDemo(db);
	sqlite.close();
	return Date.now() - started;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2] ?? databaseFile();
	const ms = await freshDemoDatabase(file);
	console.log(`seeded ${file} in ${ms} ms`);
}
