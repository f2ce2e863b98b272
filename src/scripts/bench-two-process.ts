// Two server processes on one database file, as a street office might run them behind a proxy, on election day:
// 1,000 signed-in voters send ballots to both for the whole run, and halfway through one process is killed with
// SIGKILL (no shutdown). Printed: ballots/s, the count of 5xx answers (must be 0), and whether every ballot a
// server acknowledged (303) is in the database afterwards. Prints; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import { prepareVoters, VOTERS } from './bench-voters';
import { waitForServer } from './bench-pages';
import { openDatabase } from '../lib/server/db/client';
import { ballots } from '../lib/server/menus/schema';
import { sessions } from '../lib/server/auth/schema';
import { sessionIdOf } from '../lib/server/auth/sessions';

type Context = { voter?: number };
type Request = { method: string; path: string; setupRequest?: (req: Request, context: Context) => Request; onResponse?: (status: number, body: string, context: Context) => void; headers?: Record<string, string>; body?: string };
type Result = { statusCodeStats?: Record<string, { count: number }>; errors: number; timeouts: number };
type Instance = PromiseLike<Result> & { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: { url: string; connections: number; duration: number; requests: Request[] }) => Instance;

export type TwoProcessFigure = { seconds: number; accepted: number; perSecond: number; fivexx: number; acknowledgedVoters: number; missing: number; killedAfterMs: number };

export async function runTwoProcessBench(options: { port?: number; seconds?: number } = {}): Promise<TwoProcessFigure> {
	const port = options.port ?? 4393;
	const seconds = options.seconds ?? 10;
	const buildDir = process.env.BUILD_DIR ?? 'build';
	if (!existsSync(`${buildDir}/index.js`)) throw new Error(`no build in ${buildDir}: run npm run build first`);
	mkdirSync('tmp', { recursive: true });
	const file = `tmp/bench-two-${port}.db`;
	const { tokens, menu } = await prepareVoters(file);
	const origins = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
	const servers: ChildProcess[] = origins.map((origin, i) =>
		spawn('node', [buildDir], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port + i), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: file } })
	);
	const acknowledged = new Set<number>();
	let fivexx = 0;
	try {
		await Promise.all(origins.map((o) => waitForServer(`${o}/`, 20_000)));
		const [a, b, c, d, e] = menu.projectIds;
		const choices = [[a, b], [b, c, d], [a, c, e], [c, d, e], [a, d], [b, e]].map((ids) => ids.map((id) => `projectIds=${id}`).join('&'));
		// each process gets its own half of the voters, so a voter's answers come from one process only
		const load = (origin: string, half: number) => {
			let n = 0;
			return autocannon({
				url: origin,
				connections: 25,
				duration: seconds,
				requests: [
					{
						method: 'POST',
						path: `/c/jinwei/menus/${menu.id}/ballot?/vote`,
						setupRequest: (req, context) => {
							const voter = (n++ * 2 + half) % tokens.length;
							context.voter = voter;
							return {
								...req,
								headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html', cookie: `session=${tokens[voter]}` },
								body: choices[voter % choices.length]
							};
						},
						onResponse: (status, _body, context) => {
							if (status === 303 && context.voter !== undefined) acknowledged.add(context.voter);
							if (status >= 500) fivexx++;
						}
					}
				]
			});
		};
		const started = Date.now();
		const runs = [load(origins[0], 0), load(origins[1], 1)];
		// halfway: the second process dies without a chance to finish anything
		await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
		servers[1].kill('SIGKILL');
		const killedAfterMs = Date.now() - started;
		const results = await Promise.all(runs);
		const accepted = results.reduce((sum, r) => sum + (r.statusCodeStats?.['303']?.count ?? 0), 0);
		// every acknowledged voter has a ballot row (a voter's later ballots replace the earlier: one row each)
		const { db, sqlite } = openDatabase(file);
		const sessionIds = tokens.map(sessionIdOf);
		const userOf = new Map(db.select({ id: sessions.id, userId: sessions.userId }).from(sessions).where(inArray(sessions.id, sessionIds)).all().map((s) => [s.id, s.userId]));
		const stored = new Set(db.select({ voterId: ballots.voterId }).from(ballots).where(eq(ballots.menuId, menu.id)).all().map((r) => r.voterId));
		sqlite.close();
		const missing = [...acknowledged].filter((v) => !stored.has(userOf.get(sessionIds[v]) ?? -1)).length;
		return { seconds, accepted, perSecond: Math.round(accepted / seconds), fivexx, acknowledgedVoters: acknowledged.size, missing, killedAfterMs };
	} finally {
		for (const s of servers) s.kill('SIGTERM');
		await Promise.all(servers.map((s) => (s.exitCode !== null || s.signalCode !== null ? null : new Promise((r) => s.once('exit', r)))));
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}

export function printTwoProcessFigures(f: TwoProcessFigure) {
	console.log(`\nTwo server processes on one database (${VOTERS} voters, 25 connections each, ${f.seconds} s; one killed with SIGKILL after ${(f.killedAfterMs / 1000).toFixed(1)} s):`);
	console.log(`  accepted ${f.accepted} ballots = ${f.perSecond} ballots/s; 5xx answers: ${f.fivexx} (must be 0${f.fivexx === 0 ? ', ok' : ', FAILED'})`);
	console.log(`  ${f.acknowledgedVoters} voters acknowledged; missing from the database afterwards: ${f.missing} (${f.missing === 0 ? 'none lost' : 'LOST'})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printTwoProcessFigures(await runTwoProcessBench({ seconds: Number(process.env.BENCH_SECONDS ?? 10) }));
}
