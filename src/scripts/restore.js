// npm run db:restore [-- FILE] [--at TIME]: the database back from its Litestream replica (REPLICA_URL or
// LITESTREAM_CONFIG, as `npm start` uses them), into FILE or, without one, into DATABASE_URL's own path, which must
// not exist: stop the server and move the damaged file (with its -wal and -shm) aside first. With --at, as it was at
// that time (ISO 8601, e.g. 2026-05-01T08:00:00Z). The copy is checked before it is called good.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databasePath, replicationConfigured, restoreDatabase } from './replication.js';

if (!replicationConfigured()) {
	console.error('error: set REPLICA_URL (a folder or s3://BUCKET/PATH) or LITESTREAM_CONFIG, as for npm start');
	process.exit(1);
}
const { values, positionals } = parseArgs({ options: { at: { type: 'string' } }, allowPositionals: true });
const output = positionals[0] ?? databasePath();
const started = Date.now();
const code = await restoreDatabase({ output, at: values.at });
if (code !== 0) process.exit(code);
const db = new Database(output, { readonly: true, fileMustExist: true });
const ok = db.pragma('integrity_check', { simple: true });
db.close();
if (ok !== 'ok') {
	console.error(`error: the restored database failed its integrity check: ${ok}`);
	process.exit(1);
}
console.log(`restored ${databasePath()} into ${output} in ${Date.now() - started} ms (integrity ok)`);
