// 建設共管 figures: requests/s and statements per page of the areas pages when one community holds 500 areas and
// duties, 300 live claims and 5,000 care logs (written straight into the tables: the commands are measured
// elsewhere; this measures reading). Prints; asserts nothing.
import { sql } from 'drizzle-orm';
import { measure, withBenchServer, type PageFigure } from './bench-pages';
import { openDatabase } from '../lib/server/db/client';
import { DAY } from '../lib/server/db/time';
import { generateSessionToken, sessionIdOf } from '../lib/server/auth/sessions';
import { AREA_KINDS, CARE_KINDS } from '../lib/codes';

export const BENCH_AREAS = 500;
export const BENCH_CARE_LOGS = 5_000;
const CLAIMED = 300;
const CLAIMANTS = 100;
/** The statements a page may run, whatever the data (the e2e query budget). */
export const PAGE_BUDGET = 25;

/** 500 areas in jinwei, 300 of them claimed by 100 residents (a tenth at risk), with 5,000 care logs between them. */
export function addAreas(file: string): { committeeToken: string; busiestArea: number } {
	const { db, sqlite } = openDatabase(file);
	const now = Date.now();
	const today = Math.floor(now / DAY) * DAY;
	const community = db.get<{ id: number; streetId: number }>(sql`select id, street_id as streetId from communities where slug = 'jinwei'`)!;
	const gridIds = db.all<{ id: number }>(sql`select id from grids where community_id = ${community.id}`).map((g) => g.id);
	const committee = db.get<{ id: number }>(sql`select id from users where username = 'committee1'`)!;
	const insertUser = sqlite.prepare(`insert into users (username, display_name, password_hash, created_at) values (?, ?, 'x', ?)`);
	const insertMember = sqlite.prepare(
		`insert into memberships (user_id, role, status, community_id, street_id, scope_key, created_at) values (?, 'resident', 'verified', ?, ?, ?, ?)`
	);
	const insertArea = sqlite.prepare(
		`insert into areas (community_id, grid_id, name, kind, place, duties, capacity, term_months, min_care_days, priority, adoptable, pin_x, pin_y, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, 1, 12, 30, ?, 1, ?, ?, ?, ?)`
	);
	const insertClaim = sqlite.prepare(
		`insert into area_claims (area_id, community_id, user_id, claimant_kind, state, claimed_at, started_at, term_ends_at, at_risk_at, updated_at)
		 values (?, ?, ?, 'person', ?, ?, ?, ?, ?, ?)`
	);
	const insertLog = sqlite.prepare(
		`insert into care_logs (claim_id, area_id, community_id, author_id, cared_on, minutes, people, kind, note, state, created_at)
		 values (?, ?, ?, ?, ?, ?, 1, ?, ?, 'submitted', ?)`
	);
	const insertSession = sqlite.prepare(`insert into sessions (id, user_id, expires_at, idle_timeout, last_seen_at, created_at) values (?, ?, ?, null, ?, ?)`);
	const committeeToken = generateSessionToken();
	let busiestArea = 0;
	sqlite.transaction(() => {
		const claimants: number[] = [];
		for (let i = 0; i < CLAIMANTS; i++) {
			const id = Number(insertUser.run(`areas-bench-${i}`, `共管壓測居民${i}`, now).lastInsertRowid);
			insertMember.run(id, community.id, community.streetId, `c:${community.id}`, now);
			claimants.push(id);
		}
		const logsPerClaim = Math.ceil(BENCH_CARE_LOGS / CLAIMED);
		let logs = 0;
		for (let i = 0; i < BENCH_AREAS; i++) {
			const kind = AREA_KINDS[i % AREA_KINDS.length];
			const areaId = Number(
				insertArea.run(
					community.id,
					gridIds.length ? gridIds[i % gridIds.length] : null,
					`壓測區域 ${i + 1}`,
					kind,
					`金韋花園 ${(i % 30) + 1} 棟`,
					'每月清掃一次，撿拾垃圾，發現損壞請報告居委會。',
					i % 17 === 0 ? 1 : 0,
					(i * 37) % 1000,
					(i * 61) % 1000,
					now - 400 * DAY,
					now - 400 * DAY
				).lastInsertRowid
			);
			if (i >= CLAIMED) continue;
			const atRisk = i % 10 === 0;
			const started = now - 200 * DAY;
			const author = claimants[i % CLAIMANTS];
			const claimId = Number(
				insertClaim.run(areaId, community.id, author, atRisk ? 'at_risk' : 'active', started, started, started + 365 * DAY, atRisk ? now - 5 * DAY : null, now).lastInsertRowid
			);
			for (let d = 0; d < logsPerClaim && logs < BENCH_CARE_LOGS; d++, logs++) {
				const caredOn = today - (atRisk ? 40 + d * 9 : d * 9) * DAY;
				insertLog.run(claimId, areaId, community.id, author, caredOn, 30 + (d % 5) * 15, CARE_KINDS[d % CARE_KINDS.length], `第 ${d + 1} 次打理：清掃落葉，擦拭欄杆。`, caredOn + 3_600_000);
			}
			if (i === 1) busiestArea = areaId;
		}
		insertSession.run(sessionIdOf(committeeToken), committee.id, now + 30 * DAY, now, now);
	})();
	sqlite.close();
	return { committeeToken, busiestArea };
}

export async function runAreasBench(options: { port?: number; seconds?: number } = {}): Promise<PageFigure[]> {
	const seconds = options.seconds ?? 5;
	return withBenchServer({ name: 'areas', port: options.port ?? 4392 }, addAreas, async (origin, { committeeToken, busiestArea }) => {
		const pages: [string, Record<string, string>][] = [
			['/c/jinwei/areas', {}],
			['/c/jinwei/areas?state=open&page=3', {}],
			[`/c/jinwei/areas/${busiestArea}`, {}],
			['/c/jinwei/areas/teams', {}],
			['/c/jinwei/areas/export/coverage.json', {}],
			['/desk', { cookie: `session=${committeeToken}` }]
		];
		const figures: PageFigure[] = [];
		for (const [path, headers] of pages) {
			const { first, figure } = await measure(origin, path, seconds, headers);
			figures.push({ path: headers.cookie ? `${path} (committee)` : path, ...figure, queries: first.ok ? Number(first.headers.get('x-db-queries') ?? NaN) : NaN });
		}
		return figures;
	});
}

export function printAreasFigures(figures: PageFigure[]) {
	console.log(`\n建設共管 with ${BENCH_AREAS} areas and ${BENCH_CARE_LOGS.toLocaleString('en')} care logs in one community (50 connections, loopback):`);
	for (const f of figures) {
		const budget = f.queries <= PAGE_BUDGET ? `within the budget of ${PAGE_BUDGET}` : `OVER THE BUDGET OF ${PAGE_BUDGET}`;
		console.log(`  GET ${f.path.padEnd(42)} ${String(f.requestsPerSecond).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ${f.queries} queries (${budget})  ${f.errors} errors`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	printAreasFigures(await runAreasBench({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));
}
