// Continuous replication of the database with Litestream (v0.3, whose binary ships in the npm package
// @flydotio/litestream-<platform>-<arch>): its configuration, made from the environment, and its commands.
// `npm start` runs the server under `litestream replicate` when a replica is configured; `npm run db:restore`
// brings the database back from the replica.
//
//   REPLICA_URL        a folder (data/replica, /backups/cocreate, file:///…) or s3://BUCKET/PATH
//   REPLICA_ENDPOINT   for S3-compatible storage other than AWS (MinIO, R2 …): its https:// address
//   REPLICA_REGION     the bucket's region, when the storage needs one
//   LITESTREAM_CONFIG  instead of the three above: a Litestream configuration file of your own
//   LITESTREAM_BIN     a Litestream binary to use instead of the one in node_modules
// Credentials for S3 come from LITESTREAM_ACCESS_KEY_ID / LITESTREAM_SECRET_ACCESS_KEY (or the AWS_ ones), which
// Litestream reads from its environment; they are never written to the configuration this module makes.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** The database file the server opens: DATABASE_URL, read as src/lib/server/db/client.ts reads it. */
export function databasePath(env = process.env) {
	return resolve((env.DATABASE_URL ?? 'data/app.db').replace(/^file:/, ''));
}

/** True when the environment asks for a replica. */
export function replicationConfigured(env = process.env) {
	return Boolean(env.LITESTREAM_CONFIG || env.REPLICA_URL);
}

/** Litestream's YAML for one database and one replica. JSON strings are valid YAML scalars, so paths are quoted safely. */
export function litestreamYaml(env = process.env) {
	const url = env.REPLICA_URL ?? '';
	const q = JSON.stringify;
	const replica =
		/^[a-z0-9]+:\/\//i.test(url) && !url.startsWith('file://')
			? [
					`url: ${q(url)}`,
					...(env.REPLICA_ENDPOINT ? [`endpoint: ${q(env.REPLICA_ENDPOINT)}`] : []),
					...(env.REPLICA_REGION ? [`region: ${q(env.REPLICA_REGION)}`] : [])
				]
			: ['type: file', `path: ${q(resolve(url.replace(/^file:\/\//, '')))}`];
	return ['dbs:', `  - path: ${q(databasePath(env))}`, '    replicas:', ...replica.map((line, i) => `${i ? '        ' : '      - '}${line}`), ''].join('\n');
}

/**
 * The `-config …` arguments for a Litestream command, and a clean-up for the temporary file. A generated file is
 * read without environment expansion (a `$` in a path stays a `$`); a file of your own may use `${VAR}`.
 */
export function litestreamConfigArgs(env = process.env) {
	if (env.LITESTREAM_CONFIG) return { args: ['-config', resolve(env.LITESTREAM_CONFIG)], cleanup: () => {} };
	if (!env.REPLICA_URL) throw new Error('set REPLICA_URL (a folder or s3://BUCKET/PATH) or LITESTREAM_CONFIG');
	const dir = mkdtempSync(join(tmpdir(), 'cocreate-litestream-'));
	const file = join(dir, 'litestream.yml');
	writeFileSync(file, litestreamYaml(env), { mode: 0o600 });
	return { args: ['-config', file, '-no-expand-env'], cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The Litestream binary: LITESTREAM_BIN, or the one npm installed for this platform (only linux-x64 is on the registry). */
export function litestreamBinary(env = process.env) {
	if (env.LITESTREAM_BIN) return env.LITESTREAM_BIN;
	const name = `@flydotio/litestream-${process.platform}-${process.arch}/litestream`;
	try {
		return createRequire(import.meta.url).resolve(name);
	} catch {
		throw new Error(
			`no Litestream binary in node_modules for ${process.platform}-${process.arch} (${name}): install Litestream 0.3 and set LITESTREAM_BIN to it`
		);
	}
}

/**
 * Runs `litestream ARGS… -config …` and resolves with its exit code. Its output goes where ours goes.
 * @param {string[]} args the command and its flags, before the configuration (e.g. ['restore', '-o', 'out.db'])
 * @param {string[]} [after] arguments after the flags (a database path)
 */
export function runLitestream(args, after = [], env = process.env) {
	const config = litestreamConfigArgs(env);
	const child = spawn(litestreamBinary(env), [...args, ...config.args, ...after], { stdio: 'inherit', env });
	return /** @type {Promise<number>} */ (
		new Promise((done) => {
			child.on('error', (error) => {
				console.error(error.message);
				config.cleanup();
				done(1);
			});
			child.on('exit', (code) => {
				config.cleanup();
				done(code ?? 1);
			});
		})
	);
}

/**
 * Forgets what Litestream kept beside a database (the `.NAME-litestream` folder), as Litestream asks when a database
 * file is replaced by a new one: its next run then starts a new generation in the replica instead of mistaking the
 * new file for the old one. The replica keeps the old generations.
 * @param {string} file
 */
export function forgetReplicationState(file) {
	rmSync(join(dirname(resolve(file)), `.${basename(file)}-litestream`), { recursive: true, force: true });
}

/**
 * Restores the database from the replica's latest generation into `output` (the database's own path by default),
 * never over an existing file; as it was at `at` (an ISO time) if given. With `ifReplicaExists`, an empty replica is
 * not an error (a first start).
 * @param {{ output?: string; at?: string; ifReplicaExists?: boolean }} [options]
 * @returns {Promise<number>} Litestream's exit code
 */
export async function restoreDatabase(options = {}, env = process.env) {
	const file = databasePath(env);
	const output = resolve(options.output ?? file);
	if (existsSync(output)) {
		console.error(`error: ${output} exists; move it (and its -wal and -shm files) aside first`);
		return 1;
	}
	if (output === file) forgetReplicationState(file);
	const flags = [...(options.ifReplicaExists ? ['-if-replica-exists'] : []), ...(options.at ? ['-timestamp', options.at] : [])];
	const code = await runLitestream(['restore', ...flags, '-o', output], [file], env);
	// Litestream 0.3 leaves the empty -wal and -shm of its temporary copy behind
	for (const suffix of ['.tmp-wal', '.tmp-shm']) rmSync(output + suffix, { force: true });
	return code;
}
