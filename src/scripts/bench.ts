/**
 * npm run bench — figures, not tests.
 *
 * 1. Tally times on real Pabulib files (Gdynia 2020 greedy < 0.5 s; Świecie 2023 equal shares + Add1 < 2 s).
 * 2. Ballots per second over HTTP: the built app (BUILD_DIR, default "build"; run `npm run build` first) on a fresh
 *    demo database with 1,000 extra verified residents, each signed in; autocannon sends their ballots from 50
 *    concurrent connections for 10 s on loopback. Afterwards the database is counted: every ballot the server
 *    accepted (303) must be there — one ballot row per voter, one audit row per accepted submission.
 *    Target (issue 12): at least 1,000 ballots/s with none lost.
 * 3. Page figures: req/s and latency of the busiest public pages, and the statements each runs.
 * 4. (after the tallies) The time to snapshot a street of 50 communities with 100,000 ratings (bench-evaluation.ts).
 * 5. Open311: req/s of GET /open311/v2/requests.json (and .xml, a page of 50, a filter) with 100,000 reports.
 * 6. 建設共管: req/s and statements of the areas pages with 500 areas and 5,000 care logs in one community.
 * 7. Two server processes on one database: ballots/s, 5xx (must be 0), and every acknowledged ballot present after
 *    one process is killed (SIGKILL) halfway through.
 * 8. (after the evaluation snapshot) Proposal search in one community of 100,000 proposals: ms for 電梯, 梯 and
 *    a 3-character term, before (LIKE scan of short terms) and after (their index), bench-search.ts.
 *
 * `npm run bench -- --ballots` prints the ballots (2) alone.
 * `npm run bench -- --scale` prints the city-scale figures instead: the ballots (2), the proposals list against a
 * minimal SvelteKit page at demo size and with 100,000 proposals, searches and sorts at that scale (bench-city.ts),
 * and the JavaScript each page downloads (js-budget.ts; run after `npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { and, count, eq } from 'drizzle-orm';
import { runTallyBench } from './bench-tally';
import { runEvaluationBench, TARGET_MS as EVALUATION_TARGET_MS } from './bench-evaluation';
import { printSearchFigures, runSearchBench } from './bench-search';
import { measure, printPageFigures, runPageBench, waitForServer } from './bench-pages';
import { printOpen311Figures, runOpen311Bench } from './bench-open311';
import { printAreasFigures, runAreasBench } from './bench-areas';
import { prepareVoters, VOTERS } from './bench-voters';
import { runTwoProcessBench, printTwoProcessFigures } from './bench-two-process';
import { printCityFigures, runCityBench, withMinimalServer } from './bench-city';
import { BUDGET_KB, pageWeights } from './js-budget';
import { openDatabase } from '../lib/server/db/client';
import { ballots } from '../lib/server/menus/schema';
import { auditLog } from '../lib/server/audit/schema';

// autocannon ships no types: the little of it used here, typed by hand.
type Request = { method: string; path: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request) => Request };
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: Request[] }) => Promise<{
	latency: { p50: number; p99: number };
	errors: number;
	timeouts: number;
	statusCodeStats?: Record<string, { count: number }>;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4299);
const BUILD = process.env.BUILD_DIR ?? 'build';

function tallyFigures() {
	console.log('Tally (parse + count, median):');
	for (const f of runTallyBench()) {
		const verdict = f.medianMs < f.targetMs ? 'ok' : 'OVER TARGET';
		console.log(`  ${f.file} ${f.rule}: ${f.medianMs.toFixed(1)} ms (target < ${f.targetMs} ms, ${verdict}; ${f.selected} selected)`);
	}
}

/** CPU time (user + system) a process has used so far, in ms: Linux only, NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
	const stat = pid ? `/proc/${pid}/stat` : '';
	if (!stat || !existsSync(stat)) return Number.NaN;
	// fields after the command's ")": state is the 3rd field of the line, utime and stime the 14th and 15th (in 1/100 s)
	const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Prints the ballot figures; returns the accepted ballots per second (undefined when skipped). */
async function ballotFigures(): Promise<number | undefined> {
	if (!existsSync(resolve(BUILD, 'index.js'))) {
		console.log(`\nBallots over HTTP: skipped — no built app in ${BUILD}/ (run \`npm run build\`, or set BUILD_DIR).`);
		return;
	}
	mkdirSync('tmp', { recursive: true });
	const file = `tmp/bench-${PORT}.db`;
	const { tokens, menu } = await prepareVoters(file);
	const origin = `http://127.0.0.1:${PORT}`;
	// BENCH_NODE_ARGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=tmp/ballot-prof` to profile it.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const server = spawn('node', [...nodeArgs, BUILD], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: file },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitForServer(origin + '/', 20_000);
		// Ballots a resident might cast, all within the ¥300,000 budget.
		const [a, b, c, d, e] = menu.projectIds;
		const choices = [[a, b], [b, c, d], [a, c, e], [c, d, e], [a, d], [b, e]].map((ids) => ids.map((id) => `projectIds=${id}`).join('&'));
		let n = 0;
		const cpuBefore = cpuMs(server.pid);
		const result = await autocannon({
			url: origin,
			connections: CONNECTIONS,
			duration: SECONDS,
			requests: [
				{
					method: 'POST',
					path: `/c/jinwei/menus/${menu.id}/ballot?/vote`,
					setupRequest: (req: Request) => {
						const i = n++;
						return {
							...req,
							headers: {
								'content-type': 'application/x-www-form-urlencoded',
								origin,
								accept: 'text/html',
								cookie: `session=${tokens[i % tokens.length]}`
							},
							body: choices[i % choices.length]
						};
					}
				}
			]
		});
		const cpu = cpuMs(server.pid) - cpuBefore;
		const stats = result.statusCodeStats ?? {};
		const accepted = stats['303']?.count ?? 0;
		const other = Object.entries(stats).filter(([code]) => code !== '303');
		const { db, sqlite } = openDatabase(file);
		const rows = db.select({ n: count() }).from(ballots).where(eq(ballots.menuId, menu.id)).get()!.n;
		const audited = db
			.select({ n: count() })
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'menu'), eq(auditLog.subjectId, menu.id), eq(auditLog.action, 'menu.vote')))
			.get()!.n;
		sqlite.close();
		const perSecond = accepted / SECONDS;
		// Voters take turns, so every stored submission up to 1,000 is a different voter.
		const votersReached = Math.min(VOTERS, audited);
		console.log(`\nBallots over HTTP (${CONNECTIONS} concurrent voters, ${SECONDS} s, ${VOTERS} residents):`);
		console.log(`  accepted ${accepted} ballots = ${perSecond.toFixed(0)} ballots/s (target ≥ 1,000, ${perSecond >= 1000 ? 'ok' : 'UNDER TARGET'})`);
		console.log(`  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors}, timeouts ${result.timeouts}`);
		// CPU the server used per ballot: steadier than ballots/s on a machine whose cores others share too.
		if (accepted && !Number.isNaN(cpu)) console.log(`  server CPU ${(cpu / accepted).toFixed(2)} ms per accepted ballot (≈ ${Math.round((1000 * accepted) / cpu)} ballots per CPU-second)`);
		if (other.length) console.log(`  other answers: ${other.map(([code, s]) => `${code}×${s.count}`).join(', ')}`);
		// Submissions still in flight when the clock stopped are stored but were not counted as answered.
		const lost = Math.max(0, accepted - audited);
		const ok = lost === 0 && rows === votersReached;
		console.log(
			`  stored: ${rows} ballot rows for ${votersReached} voters reached; ${audited} recorded submissions for ${accepted} answered ` +
				`(${audited - accepted > 0 ? `${audited - accepted} in flight at the stop; ` : ''}${ok ? 'none lost' : `MISMATCH: ${lost} lost`})`
		);
		return perSecond;
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}

if (process.argv.includes('--ballots')) {
	const perSecond = await ballotFigures();
	// The yardstick on the same machine right after: the smallest SvelteKit page (GET, no hooks, no database).
	const minimal = await withMinimalServer(PORT + 5, async (origin, pid) => {
		const before = cpuMs(pid);
		const { figure } = await measure(origin, '/', SECONDS);
		return { perSecond: figure.requestsPerSecond, cpuMs: (cpuMs(pid) - before) / (figure.requestsPerSecond * SECONDS) };
	});
	console.log(
		`  yardstick: the minimal SvelteKit page at ${minimal.perSecond} req/s (${minimal.cpuMs.toFixed(2)} ms of server CPU each); ` +
			`ballots/s at ${perSecond ? (perSecond / minimal.perSecond).toFixed(3) : '-'} of it`
	);
	process.exit(0);
}

if (process.argv.includes('--scale')) {
	await ballotFigures();
	printCityFigures(await runCityBench({ port: PORT + 5, seconds: Math.min(SECONDS, 5) }));
	const weights = await pageWeights();
	const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
	console.log(`\nJavaScript per page (gzip): largest ${kb(weights[0].bytes)} (${weights[0].route}), smallest ${kb(weights.at(-1)!.bytes)}; ${weights.filter((w) => w.bytes <= BUDGET_KB * 1024).length} of ${weights.length} pages within ${BUDGET_KB} KB, ${weights.filter((w) => w.bytes === 0).length} with none`);
	process.exit(0);
}

tallyFigures();
{
	const f = runEvaluationBench();
	console.log(`Evaluation snapshot: ${f.communities} communities, ${f.ratings.toLocaleString('en')} ratings: ${f.medianMs.toFixed(0)} ms median of 3 (target < ${EVALUATION_TARGET_MS} ms, ${f.medianMs < EVALUATION_TARGET_MS ? 'ok' : 'OVER TARGET'})`);
}
printSearchFigures(runSearchBench());
await ballotFigures();
printPageFigures(await runPageBench({ port: PORT + 1, seconds: Math.min(SECONDS, 5) }));
printOpen311Figures(await runOpen311Bench({ port: PORT + 2, seconds: Math.min(SECONDS, 5) }));
printAreasFigures(await runAreasBench({ port: PORT + 3, seconds: Math.min(SECONDS, 5) }));
printTwoProcessFigures(await runTwoProcessBench({ port: PORT + 4, seconds: SECONDS }));
