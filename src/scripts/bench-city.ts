// City-scale page figures, as ratios to the smallest SvelteKit page (tests/bench/minimal-kit, built with the same
// versions) served on the same machine: the portal's busiest list at demo size and with 100,000 proposals, and the
// time one request takes for a two-character search, the deadline sort and a page 2,000 deep at that scale. Runs
// alternate between the yardstick and the portal so both see the same machine. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { measure, waitForServer, withBenchServer } from './bench-pages';
import { addScaleData, SCALE } from './bench-scale';
import { openDatabase } from '../lib/server/db/client';
import { listProposals } from '../lib/server/proposals/queries';
import { listQuerySchema, readListQuery } from '../lib/server/proposals/validation';
import { pageLinks } from '../lib/server/proposals/paging';
import Database from 'better-sqlite3';
import { createSession, generateSessionToken, SESSION_COOKIE } from '../lib/server/auth/sessions';

const MINIMAL = resolve('tests/bench/minimal-kit');
const MINIMAL_BUILD = resolve('tmp/minimal-kit/build');
const LIST = '/c/jinwei/proposals';

/** Builds the yardstick app once (about 20 s), with the portal's own SvelteKit, Svelte and Vite. */
function ensureMinimalBuild() {
	if (existsSync(resolve(MINIMAL_BUILD, 'index.js'))) return;
	const built = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build'], { cwd: MINIMAL, stdio: 'ignore' });
	if (built.status !== 0) throw new Error('the minimal SvelteKit app did not build (tests/bench/minimal-kit)');
}

export async function withMinimalServer<R>(port: number, body: (origin: string, pid: number | undefined) => Promise<R>): Promise<R> {
	ensureMinimalBuild();
	const origin = `http://localhost:${port}`;
	const server = spawn(process.execPath, [MINIMAL_BUILD], { stdio: 'ignore', env: { ...process.env, PORT: String(port), ORIGIN: origin } });
	try {
		await waitForServer(origin + '/');
		return await body(origin, server.pid);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Milliseconds one request takes on an otherwise idle server, rendered (not a kept page) and read afresh: before
 * each, another connection commits (a no-op PRAGMA write), so the list's kept reads (db/kept-reads.ts) are not
 * used. The median of `n` in a row.
 */
async function singleRequestMs(origin: string, path: string, file: string, n = 15) {
	const times: number[] = [];
	const writer = new Database(file);
	try {
		const version = writer.pragma('user_version', { simple: true }) as number;
		for (let i = 0; i < n; i++) {
			writer.pragma(`user_version = ${version}`);
			const started = performance.now();
			const res = await fetch(origin + path, { headers: { 'cache-control': 'no-cache' } });
			await res.arrayBuffer();
			if (!res.ok) throw new Error(`${path} answered ${res.status}`);
			times.push(performance.now() - started);
		}
	} finally {
		writer.close();
	}
	return median(times);
}

export type Throughput = { name: string; requestsPerSecond: number; p50: number; p99: number; errors: number; ratio: number };
export type Latency = { name: string; pageMs: number; queryMs: number };
export type CityFigures = { throughput: Throughput[]; latency: Latency[]; minimal: number; minimalP99: number };

/** The list's reads alone (count and page), in this process on the same database file: median of 15. */
function queryMs(file: string, params: Record<string, string>) {
	const { db, sqlite } = openDatabase(file);
	try {
		const community = sqlite.prepare(`select id from communities where slug = 'jinwei'`).get() as { id: number };
		const query = listQuerySchema.parse(params);
		const times: number[] = [];
		for (let i = 0; i < 15; i++) {
			const started = performance.now();
			listProposals(db, community.id, query, Date.now());
			times.push(performance.now() - started);
		}
		return median(times);
	} finally {
		sqlite.close();
	}
}

/**
 * The query string of page `n` as a reader reaches it: from the first page, following "next" n - 1 times (the
 * links pageLinks makes, each carrying the cursor of the page before), so the figure is the path people take.
 */
function reachedByNext(file: string, n: number): Record<string, string> {
	const { db, sqlite } = openDatabase(file);
	try {
		const community = sqlite.prepare(`select id from communities where slug = 'jinwei'`).get() as { id: number };
		let url = new URL(LIST, 'http://bench');
		for (let page = 1; page < n; page++) {
			const list = listProposals(db, community.id, readListQuery(url.searchParams), Date.now());
			const next = pageLinks(url, list).next;
			if (!next) throw new Error(`the list ends at page ${page}`);
			url = new URL(next, url);
		}
		return Object.fromEntries(url.searchParams);
	} finally {
		sqlite.close();
	}
}

/**
 * Signed-in residents of the community, one session each (up to 50, one per connection of the load): the cookies
 * their browsers would send. Each gets their own header (own unread count), as on the evening of a vote.
 */
function residentSessions(file: string): string[] {
	const { db, sqlite } = openDatabase(file);
	try {
		const users = sqlite
			.prepare(
				`select distinct m.user_id from memberships m join communities c on c.id = m.community_id
				 where c.slug = 'jinwei' and m.role = 'resident' and m.status = 'verified' order by m.user_id limit 50`
			)
			.pluck()
			.all() as number[];
		const now = Date.now();
		return users.map((user) => {
			const token = generateSessionToken();
			createSession(db, token, user, false, now);
			return `${SESSION_COOKIE}=${token}`;
		});
	} finally {
		sqlite.close();
	}
}

export async function runCityBench(options: { port: number; seconds?: number; rounds?: number }): Promise<CityFigures> {
	const seconds = options.seconds ?? 5;
	const rounds = options.rounds ?? 3;
	return withMinimalServer(options.port, (minimal) =>
		withBenchServer({ name: 'demo', port: options.port + 1, countQueries: false }, residentSessions, (demo, demoSessions) =>
			withBenchServer({ name: 'scale', port: options.port + 2, ready: LIST, countQueries: false }, (file) => (addScaleData(file), { file, scaleSessions: residentSessions(file) }), async (scale, { file, scaleSessions }) => {
				// Visitors who are not signed in are served kept pages (page-cache/); a signed-in resident the kept page
				// with their own header (page-cache/own-header.ts), or on a reload (no-cache) a page rendered for them,
				// its reads kept while the data are unchanged (db/kept-reads.ts).
				const signedIn = (cookies: string[]) => cookies.map((cookie) => ({ cookie }));
				const reloaded = (cookies: string[]) => cookies.map((cookie) => ({ cookie, 'cache-control': 'no-cache' }));
				const targets = [
					{ name: 'minimal SvelteKit page', origin: minimal, path: '/', headers: {} },
					{ name: `${LIST} (demo), visitors`, origin: demo, path: LIST, headers: {} },
					{ name: `${LIST} (${SCALE.proposals.toLocaleString('en')} proposals), visitors`, origin: scale, path: LIST, headers: {} },
					{ name: `${LIST} (demo), signed-in residents`, origin: demo, path: LIST, headers: signedIn(demoSessions) },
					{ name: `${LIST} (${SCALE.proposals.toLocaleString('en')}), signed-in residents`, origin: scale, path: LIST, headers: signedIn(scaleSessions) },
					{ name: `${LIST} (demo), signed-in, reloading`, origin: demo, path: LIST, headers: reloaded(demoSessions) },
					{ name: `${LIST} (${SCALE.proposals.toLocaleString('en')}), signed-in, reloading`, origin: scale, path: LIST, headers: reloaded(scaleSessions) }
				];
				const runs = targets.map(() => [] as { requestsPerSecond: number; p50: number; p99: number; errors: number }[]);
				for (let r = 0; r < rounds; r++) {
					for (const [i, t] of targets.entries()) runs[i].push((await measure(t.origin, t.path, seconds, t.headers)).figure);
				}
				const medianOf = (i: number) => ({
					requestsPerSecond: median(runs[i].map((f) => f.requestsPerSecond)),
					p50: median(runs[i].map((f) => f.p50)),
					p99: median(runs[i].map((f) => f.p99)),
					errors: runs[i].reduce((n, f) => n + f.errors, 0)
				});
				const yardstick = medianOf(0).requestsPerSecond;
				const throughput = targets.slice(1).map((t, i) => {
					const f = medianOf(i + 1);
					return { name: t.name, ...f, ratio: f.requestsPerSecond / yardstick };
				});
				const cases: [string, Record<string, string>][] = [
					['search 電梯 (two characters)', { q: '電梯' }],
					['search 梯 (one character)', { q: '梯' }],
					['search 充電樁 (three characters)', { q: '充電樁' }],
					['?sort=deadline', { sort: 'deadline' }],
					['?sort=seconds', { sort: 'seconds' }],
					['page 2 (next from the first)', reachedByNext(file, 2)],
					['page 2,000 of 5,000 (next from the 1,999th)', reachedByNext(file, 2_000)],
					['the first page', {}]
				];
				const latency: Latency[] = [];
				for (const [name, params] of cases) {
					latency.push({ name, pageMs: await singleRequestMs(scale, `${LIST}?${new URLSearchParams(params)}`, file), queryMs: queryMs(file, params) });
				}
				return { throughput, latency, minimal: yardstick, minimalP99: medianOf(0).p99 };
			})
		)
	);
}

export function printCityFigures(f: CityFigures) {
	console.log(`\nCity scale (50 connections, median of alternating runs; yardstick: the minimal SvelteKit page at ${f.minimal} req/s, p99 ${f.minimalP99} ms):`);
	// The issue's targets, for the list at demo size and at scale; the signed-in figures hold the same targets. A
	// reload (every request asking for a fresh page) has none: it is printed to show what rendering costs.
	const targets: ({ ratio: number; p99?: number } | null)[] = [{ ratio: 0.3 }, { ratio: 0.25, p99: 100 }, { ratio: 0.3 }, { ratio: 0.25, p99: 100 }, null, null];
	for (const [i, t] of f.throughput.entries()) {
		const target = targets[i];
		const ok = target && t.ratio >= target.ratio && (target.p99 === undefined || t.p99 <= target.p99);
		console.log(
			`  ${t.name.padEnd(52)} ${String(t.requestsPerSecond).padStart(6)} req/s  ratio ${t.ratio.toFixed(2)}  p50 ${t.p50} ms  p99 ${t.p99} ms  ${t.errors} errors` +
				(target ? `  (target ratio ≥ ${target.ratio}${target.p99 ? `, p99 ≤ ${target.p99} ms` : ''}: ${ok ? 'ok' : 'UNDER TARGET'})` : '  (no target: every request rendered)')
		);
	}
	console.log(`  one request at a time with ${SCALE.proposals.toLocaleString('en')} proposals (median of 15; target ≤ 10 ms for the list's reads):`);
	for (const l of f.latency) {
		console.log(`  ${l.name.padEnd(44)} reads ${l.queryMs.toFixed(1).padStart(6)} ms  whole page ${l.pageMs.toFixed(1).padStart(6)} ms  (${l.queryMs <= 10 ? 'ok' : 'OVER TARGET'})`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printCityFigures(await runCityBench({ port: Number(process.env.BENCH_PORT ?? 4380), seconds: Number(process.env.BENCH_SECONDS ?? 5) }));
}
