// The server Playwright tests run against: the built app on a fresh demo database of its own.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { freshDemoDatabase } from './seed';

const port = process.env.E2E_PORT ?? '4173';
mkdirSync('tmp', { recursive: true });
const file = `tmp/e2e-${port}.db`;
await freshDemoDatabase(file);
const server = spawn('node', [process.env.BUILD_DIR ?? 'build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		ORIGIN: `http://localhost:${port}`,
		DATABASE_URL: file,
		UPLOADS_DIR: `tmp/uploads-${port}`,
		// lets a test speak from its own address, so rate-limit tests do not lock out the others
		ADDRESS_HEADER: 'x-forwarded-for'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
