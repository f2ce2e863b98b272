// npm run db:restore [-- FILE]: the database back from its Litestream replica (REPLICA_URL or LITESTREAM_CONFIG, as
// `npm start` uses them), into FILE or, without one, into DATABASE_URL's own path, which must not exist: stop the
// server and move the damaged file (with its -wal and -shm) aside first. The copy is checked before it is called good.
import Database from 'better-sqlite3';
import { databasePath, replicationConfigured, restoreDatabase } from './replication.js';

if (!replicationConfigured()) {
	console.error('error: set REPLICA_URL (a folder or s3://BUCKET/PATH) or LITESTREAM_CONFIG, as for npm start');
	process.exit(1);
}
const output = process.argv[2] ?? databasePath();
const started = Date.now();
const code = await restoreDatabase({ output });
if (code !== 0) process.exit(code);
const db = new Database(output, { readonly: true, fileMustExist: true });
const ok = db.pragma('integrity_check', { simple: true });
db.close();
if (ok !== 'ok') {
	console.error(`error: the restored database failed its integrity check: ${ok}`);
	process.exit(1);
}
console.log(`restored ${databasePath()} into ${output} in ${Date.now() - started} ms (integrity ok)`);
