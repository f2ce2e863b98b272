// npm start: the built portal, with ORIGIN defaulting to http://localhost:PORT so forms work out of the box.
// With a replica configured (REPLICA_URL or LITESTREAM_CONFIG, see replication.js) it runs itself under
// `litestream replicate -exec`, which copies every commit to the replica about a second later. A SIGTERM or SIGINT
// goes to Litestream, which passes it to the server, waits for it to finish its requests and exit, then copies what
// is left and exits itself; this process exits with its code (but see the one known false alarm below). If the
// database file is missing (a lost disk), it is first restored from the replica.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { databasePath, litestreamBinary, litestreamConfigArgs, replicationConfigured, restoreDatabase } from './replication.js';

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// adapter-node refuses bodies over 512 KB by default; a progress update carries up to 6 photos of 5 MB.
process.env.BODY_SIZE_LIMIT ??= '40M';
process.env.UPLOADS_DIR ??= 'data/uploads';
const buildDir = process.env.BUILD_DIR ?? 'build';

// Litestream 0.3.13's last sync on closing runs beside its regular one, and the two can trip over the same WAL segment
// (one fails, "client write: stat …tmp: no such file"). So under Litestream the server stays a moment after its last
// request: Litestream's regular syncs (every second) copy the last writes, and its closing sync finds nothing left.
const LINGER_MS = 2500;

if (process.env.UNDER_LITESTREAM || !replicationConfigured()) {
	if (process.env.UNDER_LITESTREAM) process.once('sveltekit:shutdown', () => setTimeout(() => {}, LINGER_MS));
	await import(`../../${buildDir}/index.js`);
} else {
	if (!existsSync(databasePath())) {
		const restored = await restoreDatabase({ ifReplicaExists: true });
		if (restored !== 0) process.exit(restored);
	}
	const config = litestreamConfigArgs();
	// Litestream splits -exec like a shell: quoted, so paths with spaces survive
	const self = [process.execPath, fileURLToPath(import.meta.url)].map((s) => JSON.stringify(s)).join(' ');
	const litestream = spawn(litestreamBinary(), ['replicate', ...config.args, '-exec', self], {
		stdio: ['inherit', 'pipe', 'pipe'],
		env: { ...process.env, UNDER_LITESTREAM: '1' }
	});
	console.log(`Replicating ${databasePath()} with Litestream (pid ${litestream.pid})`);
	// Litestream's output (and the server's, which passes through it) is relayed; its errors after a stop are kept
	let stopping = false;
	const errorsAfterStop = /** @type {string[]} */ ([]);
	const errorLines = (/** @type {Buffer} */ chunk) =>
		String(chunk)
			.split('\n')
			.filter((line) => line.includes('level=ERROR'));
	/** @param {import('node:stream').Readable} from @param {NodeJS.WriteStream} to */
	const relay = (from, to) =>
		from.on('data', (/** @type {Buffer} */ chunk) => {
			to.write(chunk);
			if (stopping) errorsAfterStop.push(...errorLines(chunk));
		});
	relay(litestream.stdout, process.stdout);
	relay(litestream.stderr, process.stderr);
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => {
			stopping = true;
			litestream.kill(signal);
		});
	}
	litestream.on('exit', (code, signal) => {
		config.cleanup();
		// Litestream 0.3.13 closes with a checkpoint on a context it has already cancelled, and reports it as a failure
		// when the WAL is large at the stop (upstream pull requests 601 and 701). That checkpoint comes after the final
		// sync has copied the WAL, so the replica is whole (the restore drill checks it): a clean stop all the same.
		if (code === 1 && stopping && errorsAfterStop.length && errorsAfterStop.every((line) => line.includes('release read lock: context canceled'))) {
			console.log('Litestream synced the replica; its error on closing is a known harmless one of version 0.3.13');
			process.exit(0);
		}
		process.exit(code ?? (signal ? 1 : 0));
	});
}
