// Page load figures: requests/s and latency of the busiest public pages under 50 connections on loopback,
// and how many SQL statements each page runs. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { freshDemoDatabase } from './seed';

// autocannon ships no types: the little of it used here, typed by hand.
type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<{
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

export async function runPageBench(options: { port?: number; seconds?: number } = {}): Promise<PageFigure[]> {
	const port = options.port ?? 4390;
	const seconds = options.seconds ?? 5;
	const buildDir = process.env.BUILD_DIR ?? 'build';
	if (!existsSync(`${buildDir}/index.js`)) throw new Error(`no build in ${buildDir}: run npm run build first`);
	mkdirSync('tmp', { recursive: true });
	const file = `tmp/bench-pages-${port}.db`;
	await freshDemoDatabase(file);
	const origin = `http://localhost:${port}`;
	const server = spawn('node', [buildDir], {
		stdio: 'ignore',
		env: { ...process.env, PORT: String(port), ORIGIN: origin, DATABASE_URL: file, DB_QUERY_COUNT: '1' }
	});
	try {
		await waitForServer(`${origin}/`);
		const figures: PageFigure[] = [];
		for (const path of PAGES) {
			const first = await fetch(origin + path);
			const queries = Number(first.headers.get('x-db-queries') ?? NaN);
			const result = await autocannon({ url: origin + path, connections: 50, duration: seconds });
			figures.push({
				path,
				requestsPerSecond: Math.round(result.requests.average),
				p50: result.latency.p50,
				p99: result.latency.p99,
				queries,
				errors: result.errors + result.non2xx
			});
		}
		return figures;
	} finally {
		server.kill('SIGTERM');
	}
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
