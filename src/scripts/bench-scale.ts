// The city-scale fixture of `npm run bench -- --scale`: the demo street plus 50 communities, 200,000 verified
// residents, 100,000 proposals in 金緯 (the community the list-page figures read), 300,000 comments in 1,000 threads
// and 100,000 ballots over 50 menus. Written straight into the real schema — its triggers (full-text indexes,
// counters) fire for every row — with prepared statements in one transaction. Prints how long it took.
import { freshDemoDatabase } from './seed';
import { openDatabase } from '../lib/server/db/client';
import { DAY } from '../lib/server/db/time';

export const SCALE = { communities: 50, residents: 200_000, proposals: 100_000, comments: 300_000, threads: 1_000, ballots: 100_000, menus: 50 };

// A small vocabulary for titles and bodies that read like real ones, with the words residents search for.
const PLACES = ['三棟', '東門', '停車場', '兒童遊樂場', '菜市場', '公交站', '老人活動中心', '後巷', '花園', '幼兒園門口'];
const THINGS = ['電梯', '路燈', '充電樁', '垃圾桶', '長椅', '欄杆', '排水溝', '監控', '無障礙坡道', '晾衣架'];
const ASKS = ['經常壞', '不夠亮', '太少了', '需要維修', '晚上很吵', '下雨積水', '老人走不動', '希望加裝', '請盡快處理', '位置不方便'];
const CATEGORIES = ['environment', 'safety', 'facilities', 'traffic', 'elderly', 'children', 'other'] as const;
const STATES = ['open', 'open', 'open', 'qualified', 'consultation', 'menu', 'closed', 'withdrawn'] as const;

const pick = <T>(list: readonly T[], i: number) => list[i % list.length];

/** Writes the fixture into a fresh demo database at `file`; returns the milliseconds it took. */
export async function buildScaleDatabase(file: string): Promise<number> {
	const started = Date.now();
	await freshDemoDatabase(file);
	addScaleData(file);
	return Date.now() - started;
}

/** Adds the city-scale rows to a demo database. */
export function addScaleData(file: string) {
	const { sqlite } = openDatabase(file);
	const now = Date.now();
	const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
	const jinwei = one<{ id: number; streetId: number }>(`select id, street_id as streetId from communities where slug = 'jinwei'`);
	const author = one<{ id: number }>(`select id from users where username = 'resident1'`).id;

	sqlite.transaction(() => {
		// Communities: the demo's, plus enough to make 50.
		const have = one<{ n: number }>('select count(*) as n from communities').n;
		const addCommunity = sqlite.prepare('insert into communities (street_id, slug, name, created_at) values (?, ?, ?, ?)');
		for (let i = have; i < SCALE.communities; i++) addCommunity.run(jinwei.streetId, `scale-${i}`, `規模社區${i}`, now);
		const communityIds = (sqlite.prepare('select id from communities order by id').all() as { id: number }[]).map((c) => c.id);

		// Residents, spread over the communities, every one verified.
		const firstUser = one<{ n: number }>('select coalesce(max(id), 0) + 1 as n from users').n;
		const addUser = sqlite.prepare(`insert into users (id, username, display_name, password_hash, created_at) values (?, ?, ?, 'x', ?)`);
		const addMember = sqlite.prepare(
			`insert into memberships (user_id, role, status, street_id, community_id, scope_key, created_at) values (?, 'resident', 'verified', ?, ?, ?, ?)`
		);
		for (let i = 0; i < SCALE.residents; i++) {
			const id = firstUser + i;
			const communityId = i < 20_000 ? jinwei.id : pick(communityIds, i);
			addUser.run(id, `scale${i}`, `居民${i}`, now);
			addMember.run(id, jinwei.streetId, communityId, `c:${communityId}`, now);
		}

		// Proposals in 金緯, oldest first, in every state, some with a response deadline.
		const addProposal = sqlite.prepare(
			`insert into proposals (community_id, author_id, title, body, category, state, second_count, qualified_at, response_due_at, responded_at, created_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		for (let i = 0; i < SCALE.proposals; i++) {
			const created = now - (SCALE.proposals - i) * 600_000;
			const state = pick(STATES, i);
			const qualified = state !== 'open' && state !== 'withdrawn' ? created + DAY : null;
			const responded = state === 'qualified' || qualified === null ? null : created + 5 * DAY;
			const title = `${pick(PLACES, i)}的${pick(THINGS, i * 7 + 3)}${pick(ASKS, i * 3 + 1)}`;
			const body = `${title}。住在${pick(PLACES, i + 4)}附近的街坊反映，${pick(THINGS, i + 2)}${pick(ASKS, i + 5)}，希望居委會跟進。第 ${i} 號意見。`;
			addProposal.run(jinwei.id, i % 3 ? firstUser + (i % 20_000) : author, title, body, pick(CATEGORIES, i), state, i % 25, qualified, qualified && created + 15 * DAY, responded, created, created);
		}

		// Threads in 金緯 and their comments.
		const addThread = sqlite.prepare(
			`insert into consultations (community_id, topic, background, state, created_by, created_at, updated_at) values (?, ?, ?, 'open', ?, ?, ?)`
		);
		const addComment = sqlite.prepare(
			`insert into consultation_comments (consultation_id, author_id, parent_id, stance, body, created_at) values (?, ?, null, ?, ?, ?)`
		);
		const stances = ['support', 'oppose', 'neutral'];
		for (let t = 0; t < SCALE.threads; t++) {
			const thread = addThread.run(jinwei.id, `${pick(THINGS, t)}怎樣改善？第 ${t} 場`, `${pick(PLACES, t)}的${pick(THINGS, t)}，大家有甚麼意見？`, author, now - t * DAY, now - t * DAY).lastInsertRowid;
			for (let c = 0; c < SCALE.comments / SCALE.threads; c++) {
				const i = t * 1000 + c;
				addComment.run(thread, firstUser + (i % 20_000), pick(stances, i), `我覺得${pick(THINGS, i)}${pick(ASKS, i + 1)}，${pick(PLACES, i + 2)}那邊最明顯。`, now - t * DAY + c * 1000);
			}
		}

		// Menus across the communities (closed, counted), each with five projects and 2,000 ballots.
		const addMenu = sqlite.prepare(
			`insert into menus (community_id, title, budget, ballot_rule, tally_rule, collect_starts_at, review_starts_at, vote_starts_at, results_starts_at, implementation_starts_at, acceptance_starts_at, created_at)
			 values (?, ?, 30000000, 'approval_budget', 'greedy', ?, ?, ?, ?, ?, ?, ?)`
		);
		const addProject = sqlite.prepare(
			`insert into menu_projects (menu_id, title, estimated_cost, final_cost, feasibility, created_at) values (?, ?, ?, ?, 'feasible', ?)`
		);
		const addBallot = sqlite.prepare('insert into ballots (menu_id, voter_id, voter_code, created_at, updated_at) values (?, ?, ?, ?, ?)');
		const addChoice = sqlite.prepare('insert into ballot_choices (ballot_id, project_id) values (?, ?)');
		const perMenu = SCALE.ballots / SCALE.menus;
		for (let m = 0; m < SCALE.menus; m++) {
			const start = now - 120 * DAY;
			const menu = addMenu.run(pick(communityIds, m), `民生微實事 ${m}`, start, start + DAY, start + 2 * DAY, start + 9 * DAY, start + 10 * DAY, start + 60 * DAY, start).lastInsertRowid;
			const projects = [9_000_000, 8_000_000, 7_000_000, 6_000_000, 5_000_000].map((cost, p) => addProject.run(menu, `${pick(THINGS, p + m)}工程`, cost, cost, start).lastInsertRowid);
			for (let b = 0; b < perMenu; b++) {
				const ballot = addBallot.run(menu, firstUser + m * perMenu + b, (m * perMenu + b).toString(16).padStart(16, '0'), start + 3 * DAY, start + 3 * DAY).lastInsertRowid;
				for (let p = 0; p < 5; p++) if ((b >> p) & 1 || p === b % 5) addChoice.run(ballot, projects[p]);
			}
		}
	})();
	sqlite.pragma('optimize');
	sqlite.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2] ?? 'tmp/scale.db';
	console.log(`scale fixture ${file}: ${((await buildScaleDatabase(file)) / 1000).toFixed(1)} s`);
}
