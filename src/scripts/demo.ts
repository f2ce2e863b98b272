// npm run demo: a fresh demo database, a build if there is none, and the portal on PORT (3000).
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { freshDemoDatabase } from './seed';

const port = process.env.PORT ?? '3000';
const file = (process.env.DATABASE_URL ?? 'data/demo.db').replace(/^file:/, '');
const buildDir = process.env.BUILD_DIR ?? 'build';

console.log(`Creating the demo database at ${file} …`);
await freshDemoDatabase(file);

if (!existsSync(`${buildDir}/index.js`)) {
	console.log('Building the portal (first run only) …');
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
console.log(`\n共同締造 is running on ${origin}\nDemo accounts (password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : 'cocreate-demo'}): admin, street, committee1, committee2, grid1, dept1, resident1 … resident9, neighbor01 … neighbor20, newcomer (see README.md)\n`);
const server = spawn('node', [buildDir], { stdio: 'inherit', env: { BODY_SIZE_LIMIT: '40M', ...process.env, PORT: port, ORIGIN: origin, DATABASE_URL: file } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
