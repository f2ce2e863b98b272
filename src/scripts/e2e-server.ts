// The server Playwright tests run against: the built app on a fresh demo database of its own.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { freshDemoDatabase } from './seed';

const port = process.env.E2E_PORT ?? '4173';
mkdirSync('tmp', { recursive: true });
const file = `tmp/e2e-${port}.db`;
// the demo seed writes its photos where the server will read them, into a fresh folder each run
process.env.UPLOADS_DIR = `tmp/uploads-${port}`;
rmSync(process.env.UPLOADS_DIR, { recursive: true, force: true });
await freshDemoDatabase(file);
const server = spawn('node', [process.env.BUILD_DIR ?? 'build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		ORIGIN: `http://localhost:${port}`,
		DATABASE_URL: file,
		UPLOADS_DIR: `tmp/uploads-${port}`,
		BODY_SIZE_LIMIT: '40M',
		// lets a test speak from its own address, so rate-limit tests do not lock out the others
		ADDRESS_HEADER: 'x-forwarded-for',
		// pages report their query count, so tests can check it stays bounded
		DB_QUERY_COUNT: '1',
		// visitors' pages kept a minute rather than seconds: only a change in the data may refresh them during a
		// test, so a test proves that every change does
		PAGE_CACHE_SECONDS: '60'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
