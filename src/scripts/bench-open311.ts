// Open311 figures: requests/s of GET /open311/v2/requests.json (and .xml, and a 50-item page) with 100,000 reports
// in the database, spread over two years across the demo street's communities and services. Prints; asserts nothing.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { freshDemoDatabase } from './seed';
import { waitForServer } from './bench-pages';
import { openDatabase } from '../lib/server/db/client';
import { DAY } from '../lib/server/db/time';

type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<{
	requests: { average: number };
	latency: { p50: number; p99: number };
	errors: number;
	non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const BENCH_REPORTS = 100_000;
const STATES = ['reported', 'dispatched', 'in_progress', 'replied', 'closed', 'closed', 'closed'] as const;

/** 100,000 reports written straight into the table (the commands are measured elsewhere; this measures reading). */
function addReports(file: string, n: number) {
	const { db, sqlite } = openDatabase(file);
	const now = Date.now();
	const communities = db.all<{ id: number; streetId: number }>(sql`select id, street_id as streetId from communities`);
	const services = db.all<{ id: number }>(sql`select id from report_services`);
	const departments = db.all<{ id: number }>(sql`select id from departments`);
	const insert = sqlite.prepare(
		`insert into reports (street_id, community_id, service_id, source, description, address, lat, long, state, department_id, deadline_at, close_reason, closed_at, created_at, updated_at)
		 values (?, ?, ?, 'portal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	sqlite.transaction(() => {
		for (let i = 0; i < n; i++) {
			const c = communities[i % communities.length];
			const state = STATES[i % STATES.length];
			const created = now - Math.floor((i / n) * 730 * DAY) - 1000;
			const working = state === 'dispatched' || state === 'in_progress';
			insert.run(
				c.streetId,
				c.id,
				services[i % services.length].id,
				`壓測報告 ${i}：路燈不亮，垃圾沒收。`,
				`測試路 ${i % 300} 號`,
				22.5 + (i % 1000) / 10_000,
				114.05 + (i % 997) / 10_000,
				state,
				working || state === 'replied' ? departments[i % departments.length].id : null,
				working ? created + 3 * DAY : null,
				state === 'closed' ? 'fixed' : null,
				state === 'closed' ? created + DAY : null,
				created,
				created
			);
		}
	})();
	sqlite.close();
}

export type ApiFigure = { path: string; requestsPerSecond: number; p50: number; p99: number; items: number; queries: number; errors: number };

export async function runOpen311Bench(options: { port?: number; seconds?: number } = {}): Promise<ApiFigure[]> {
	const port = options.port ?? 4391;
	const seconds = options.seconds ?? 5;
	const buildDir = process.env.BUILD_DIR ?? 'build';
	if (!existsSync(`${buildDir}/index.js`)) throw new Error(`no build in ${buildDir}: run npm run build first`);
	mkdirSync('tmp', { recursive: true });
	const file = `tmp/bench-open311-${port}.db`;
	await freshDemoDatabase(file);
	addReports(file, BENCH_REPORTS);
	const origin = `http://localhost:${port}`;
	const server = spawn('node', [buildDir], { stdio: 'ignore', env: { ...process.env, PORT: String(port), ORIGIN: origin, DATABASE_URL: file, DB_QUERY_COUNT: '1' } });
	try {
		await waitForServer(`${origin}/open311/v2/services.json`, 30_000);
		const figures: ApiFigure[] = [];
		for (const path of ['/open311/v2/requests.json', '/open311/v2/requests.xml', '/open311/v2/requests.json?page_size=50', '/open311/v2/requests.json?status=open&service_code=streetlight']) {
			const first = await fetch(origin + path);
			const body = await first.text();
			const items = path.includes('.xml') ? (body.match(/<request>/g) ?? []).length : (JSON.parse(body) as unknown[]).length;
			const result = await autocannon({ url: origin + path, connections: 50, duration: seconds });
			figures.push({
				path,
				requestsPerSecond: Math.round(result.requests.average),
				p50: result.latency.p50,
				p99: result.latency.p99,
				items,
				queries: Number(first.headers.get('x-db-queries') ?? NaN),
				errors: result.errors + result.non2xx
			});
		}
		return figures;
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}

export function printOpen311Figures(figures: ApiFigure[]) {
	console.log(`\nOpen311 GeoReport v2 with ${BENCH_REPORTS.toLocaleString('en')} reports (50 connections, loopback):`);
	for (const f of figures) {
		console.log(`  GET ${f.path.padEnd(58)} ${String(f.requestsPerSecond).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${f.items} items  ${f.queries} queries  ${f.errors} errors`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printOpen311Figures(await runOpen311Bench({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));
}
