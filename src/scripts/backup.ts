// npm run db:backup -- FILE: a consistent copy of the live database, taken while the server runs
// (better-sqlite3's online backup API copies page by page without blocking writers for long).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { databaseFile } from '../lib/server/db/client';

const target = process.argv[2];
if (!target) {
	console.error('usage: npm run db:backup -- FILE');
	process.exit(1);
}
const source = databaseFile();
if (!existsSync(source)) {
	console.error(`error: no database at ${source} (set DATABASE_URL)`);
	process.exit(1);
}
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const ok = check.pragma('integrity_check', { simple: true });
check.close();
if (ok !== 'ok') {
	console.error(`error: the copy failed its integrity check: ${ok}`);
	process.exit(1);
}
console.log(`backed up ${source} to ${target} in ${Date.now() - started} ms (integrity ok)`);
