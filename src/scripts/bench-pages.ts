// Page load figures: requests/s and latency of the busiest public pages under 50 connections on loopback,
// and how many SQL statements each page runs. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { freshDemoDatabase } from './seed';

// autocannon ships no types: the little of it used here, typed by hand.
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string>; requests?: { method: string; headers: Record<string, string> }[] }) => Promise<{
	requests: { average: number };
	latency: { p50: number; p99: number };
	errors: number;
	non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export type PageFigure = { path: string; requestsPerSecond: number; p50: number; p99: number; queries: number; errors: number };

const PAGES = ['/', '/c/jinwei', '/c/jinwei/proposals', '/c/jinwei/menus', '/c/jinwei/outcomes'];

/** Resolves once the server answers `url` with 2xx. */
export async function waitForServer(url: string, ms = 15_000) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}`);
}

/**
 * Serves the built app (BUILD_DIR, default "build") on a fresh demo database that `prepare` may add to, with the
 * statements of each page counted (unless countQueries is false: counting has a cost production does not pay), runs `body` against it, then stops the server and removes the database.
 */
export async function withBenchServer<P, R>(
	options: { name: string; port: number; ready?: string; countQueries?: boolean },
	prepare: (file: string) => P | Promise<P>,
	body: (origin: string, prepared: P) => Promise<R>
): Promise<R> {
	const buildDir = process.env.BUILD_DIR ?? 'build';
	if (!existsSync(`${buildDir}/index.js`)) throw new Error(`no build in ${buildDir}: run npm run build first`);
	mkdirSync('tmp', { recursive: true });
	const file = `tmp/bench-${options.name}-${options.port}.db`;
	await freshDemoDatabase(file);
	const prepared = await prepare(file);
	const origin = `http://localhost:${options.port}`;
	const server = spawn('node', [buildDir], { stdio: 'ignore', env: { ...process.env, PORT: String(options.port), ORIGIN: origin, DATABASE_URL: file, DB_QUERY_COUNT: options.countQueries === false ? '0' : '1' } });
	try {
		await waitForServer(`${origin}${options.ready ?? '/'}`, 30_000);
		return await body(origin, prepared);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}

/** One page under 50 connections for `seconds`, after one plain request whose answer is returned to read. */
/** Figures for one page under 50 connections; given several header sets (several people), each request takes the next. */
export async function measure(origin: string, path: string, seconds: number, headers: Record<string, string> | Record<string, string>[] = {}) {
	const many = Array.isArray(headers) ? headers : [headers];
	const first = await fetch(origin + path, { headers: many[0] });
	const result = await autocannon({ url: origin + path, connections: 50, duration: seconds, headers: many[0], requests: many.map((h) => ({ method: 'GET', headers: h })) });
	const figure = { requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
	return { first, figure };
}

export async function runPageBench(options: { port?: number; seconds?: number } = {}): Promise<PageFigure[]> {
	const seconds = options.seconds ?? 5;
	return withBenchServer({ name: 'pages', port: options.port ?? 4390 }, () => null, async (origin) => {
		const figures: PageFigure[] = [];
		for (const path of PAGES) {
			// rendered each time, as for a signed-in resident (a visitor's kept pages are in bench-city.ts)
			const { first, figure } = await measure(origin, path, seconds, { 'cache-control': 'no-cache' });
			figures.push({ path, ...figure, queries: Number(first.headers.get('x-db-queries') ?? NaN) });
		}
		return figures;
	});
}

export function printPageFigures(figures: PageFigure[]) {
	console.log('\nPages (50 connections, loopback, server and load tool share 2 cores):');
	for (const f of figures) {
		console.log(`  ${f.path.padEnd(22)} ${String(f.requestsPerSecond).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${f.queries} queries/page  ${f.errors} errors`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printPageFigures(await runPageBench());
}
