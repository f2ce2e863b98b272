// Open311 figures: requests/s of GET /open311/v2/requests.json (and .xml, and a 50-item page) with 100,000 reports
// in the database, spread over two years across the demo street's communities and services. Prints; asserts nothing.
import { sql } from 'drizzle-orm';
import { measure, withBenchServer } from './bench-pages';
import { openDatabase } from '../lib/server/db/client';
import { DAY } from '../lib/server/db/time';

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
	const seconds = options.seconds ?? 5;
	const paths = ['/open311/v2/requests.json', '/open311/v2/requests.xml', '/open311/v2/requests.json?page_size=50', '/open311/v2/requests.json?status=open&service_code=streetlight'];
	return withBenchServer({ name: 'open311', port: options.port ?? 4391, ready: '/open311/v2/services.json' }, (file) => addReports(file, BENCH_REPORTS), async (origin) => {
		const figures: ApiFigure[] = [];
		for (const path of paths) {
			const { first, figure } = await measure(origin, path, seconds);
			const body = await first.text();
			const items = path.includes('.xml') ? (body.match(/<request>/g) ?? []).length : (JSON.parse(body) as unknown[]).length;
			figures.push({ path, ...figure, items, queries: Number(first.headers.get('x-db-queries') ?? NaN) });
		}
		return figures;
	});
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
