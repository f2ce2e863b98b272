// npm run demo: a fresh demo database, a build if there is none, and the portal on PORT (3000), served as npm start
// serves it (so REPLICA_URL=data/demo-replica npm run demo replicates the demo database with Litestream).
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { freshDemoDatabase } from './seed';
import { forgetReplicationState, replicationConfigured } from './replication.js';
import { DEMO_OPEN311_KEY } from './demo/dispatch';

const port = process.env.PORT ?? '3000';
const file = (process.env.DATABASE_URL ?? 'data/demo.db').replace(/^file:/, '');
const buildDir = process.env.BUILD_DIR ?? 'build';

console.log(`Creating the demo database at ${file} …`);
await freshDemoDatabase(file);
// a new database file: Litestream starts a new generation in the replica rather than take it for the last run's
if (replicationConfigured()) forgetReplicationState(file);

if (!existsSync(`${buildDir}/index.js`)) {
	// the build's chatter is kept out of the way; it is shown only if the build fails
	console.log('Building the portal (first run only, about a minute) …');
	const built = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
	if (built.status !== 0) {
		process.stdout.write(built.stdout);
		process.stderr.write(built.stderr);
		process.exit(built.status ?? 1);
	}
}

const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const password = process.env.DEMO_PASSWORD ? 'the one in DEMO_PASSWORD' : 'cocreate-demo';
const banner = [
	'',
	`共同締造 is running: open ${origin}`,
	'',
	'Sign in with any of these (README.md says who is who):',
	'  admin                      site administrator',
	'  street                     street office staff (屏襄門街道)',
	'  committee1, committee2     residents\' committees (金韋, 鳳凰山)',
	'  grid1                      grid worker (金韋)',
	'  dept1, dept2, dept3        departments (城管執法隊, 市政維護中心, 住建局)',
	'  resident1 … resident9      residents; neighbor01 … neighbor20 more residents',
	'  newcomer                   registered, residency pending',
	'  shuangshui1                a resident of 雙水',
	`Open311 GeoReport v2: ${origin}/open311/discovery.json · demo api_key: ${DEMO_OPEN311_KEY}`,
	`Password for every account: ${password}`,
	...(replicationConfigured() ? [`Litestream replicates the database to ${process.env.REPLICA_URL ?? process.env.LITESTREAM_CONFIG}.`] : []),
	'Stop with Ctrl+C.',
	''
].join('\n');

const server = spawn('node', ['src/scripts/start.js'], { stdio: ['ignore', 'pipe', 'inherit'], env: { BODY_SIZE_LIMIT: '40M', ...process.env, PORT: port, ORIGIN: origin, DATABASE_URL: file } });
// the banner comes last, once the server listens, so the address and accounts are the last lines on screen
let listening = false;
server.stdout.on('data', (chunk: Buffer) => {
	if (listening) return void process.stdout.write(chunk);
	if (/Listening on/.test(chunk.toString())) {
		listening = true;
		console.log(banner);
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
