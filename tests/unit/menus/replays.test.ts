// In-portal replays of every vote type: ballots stored in their own form, counted with the file's rule, shown as
// they were cast, and exported so that export → import → export gives the same file.
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoWorld, type World } from '../world';
import { menuAt } from './helpers';
import { importPabulib } from '../../../src/lib/server/menus/import';
import { ballotsPb, resultRows, resultsCsv, resultsJson } from '../../../src/lib/server/menus/export';
import { loadMenu } from '../../../src/lib/server/menus/records';
import { publishedResults } from '../../../src/lib/server/menus/results';
import { ballotSample, compareVoterCodes } from '../../../src/lib/server/menus/queries';
import { parsePabulib } from '../../../src/lib/server/menus/pabulib';
import { ballotChoices, ballots, menuProjects } from '../../../src/lib/server/menus/schema';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/pabulib');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const pbFile = (text: string) => ({ file: [{ name: 'election.pb', type: 'text/plain', bytes: new TextEncoder().encode(text) }] });

async function replay(w: World, text: string) {
	const r = await importPabulib(w.db, w.actor('street'), { communityId: w.ids.community.fenghuangshan }, pbFile(text), w.now);
	if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.params ?? r.fields ?? '')}`);
	const loaded = loadMenu(w.db, menuAt(w.db, r.value.id))!;
	return { id: r.value.id, loaded, results: publishedResults(loaded.menu)! };
}

/** Which projects the published results selected, by the file's project ids. */
function selectedKeys(w: World, menuId: number): string[] {
	return w.db
		.select({ key: menuProjects.externalId, selected: menuProjects.selected })
		.from(menuProjects)
		.where(eq(menuProjects.menuId, menuId))
		.all()
		.filter((p) => p.selected)
		.map((p) => p.key!)
		.sort();
}

const published = (text: string) =>
	parsePabulib(text)
		.projects.filter((p) => p.columns.selected === '1')
		.map((p) => p.id)
		.sort();

describe('every vote type is replayed in the portal', () => {
	it.each([
		['hand-made/choose-1.pb', 'choose-1'],
		['hand-made/cumulative.pb', 'cumulative'],
		['hand-made/ordinal-borda.pb', 'ordinal'],
		['hand-made/ordinal-points.pb', 'ordinal'],
		['hand-made/grosze-fit.pb', 'approval'],
		['real/Poland_Krakow_2021_Bienczyce.pb', 'ordinal'],
		['real/Netherlands_Assen_2024.pb', 'approval']
	])('%s (%s): selects what the file published', async (name, voteType) => {
		const w = demoWorld();
		const text = fixture(name);
		const { id, loaded } = await replay(w, text);
		expect(loaded.menu.voteType).toBe(voteType);
		expect(selectedKeys(w, id)).toEqual(published(text));
	});

	it('ranked ballots keep their order and points; the score is the points by place', async () => {
		const w = demoWorld();
		const { id, loaded, results } = await replay(w, fixture('hand-made/ordinal-points.pb'));
		const sample = ballotSample(w.db, id, 10);
		expect(sample.map((b) => b.code)).toEqual(['1', '2', '3', '4']);
		const titles = new Map(w.db.select().from(menuProjects).where(eq(menuProjects.menuId, id)).all().map((p) => [p.title, p.externalId]));
		// Voter 3 ranked c before a: the stored ballot says so, with 4 and 3 points.
		expect(sample[2].choices.map((c) => [titles.get(c.title), c.points])).toEqual([
			['c', 4],
			['a', 3]
		]);
		const rows = resultRows(w.db, loaded, results);
		expect(rows.map((r) => [r.key, r.votes, r.score])).toEqual([
			['a', 3, 11],
			['c', 3, 9],
			['b', 2, 7]
		]);
		expect(resultsCsv(loaded, rows, (r) => r).split('\r\n')[1]).toBe('1,a,#a,30,3,11,1,,');
	});

	it('cumulative ballots keep their points, and the threshold counts points', async () => {
		const w = demoWorld();
		const { id, loaded, results } = await replay(w, fixture('hand-made/cumulative.pb'));
		const sample = ballotSample(w.db, id, 1);
		expect(sample[0].choices.map((c) => c.points)).toEqual([6, 4]);
		expect(results.minVotes).toBe(6);
		const d = resultRows(w.db, loaded, results).find((r) => r.key === 'd')!;
		expect([d.score, d.selected, d.reason]).toEqual([5, false, 'below_threshold']);
	});

	it('decimal amounts stay exact: ¥308,151.26 in grosze, one project fits only with them counted, the next misses by 0.01', async () => {
		const w = demoWorld();
		const { loaded, results } = await replay(w, fixture('hand-made/grosze-fit.pb'));
		expect([loaded.menu.budget, loaded.menu.amountScale, loaded.menu.currency]).toEqual([30815126, 100, 'PLN']);
		const rows = resultRows(w.db, loaded, results);
		expect(rows.map((r) => [r.key, r.cost, r.selected, r.reason])).toEqual([
			['1', 25251339, true, null],
			['2', 5563787, true, null],
			['3', 1, false, 'did_not_fit']
		]);
		expect(results.cost).toBe(30815126);
		const json = resultsJson(loaded, results, rows);
		expect(json.menu.budget).toBe(308151.26);
		expect(json.projects.map((p) => p.cost)).toEqual([252513.39, 55637.87, 0.01]);
		expect(resultsCsv(loaded, rows, (r) => r)).toContain('\r\n2,2,Benches,55637.87,2,2,1,,\r\n');
	});
});

describe('export → import → export gives the same file', () => {
	it.each([
		'hand-made/choose-1.pb',
		'hand-made/cumulative.pb',
		'hand-made/ordinal-borda.pb',
		'hand-made/ordinal-points.pb',
		'hand-made/grosze-fit.pb',
		'hand-made/grosze-miss.pb',
		'real/Poland_Krakow_2021_Bienczyce.pb',
		'real/Netherlands_Assen_2024.pb',
		'real/Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb'
	])('%s', async (name) => {
		const w = demoWorld();
		const first = await replay(w, fixture(name));
		const exported = ballotsPb(w.db, first.loaded, first.results);
		const second = await replay(w, exported);
		const again = ballotsPb(w.db, second.loaded, second.results);
		expect(again).toBe(exported);
		// …and the export keeps the file's ballots, amounts and outcome.
		const original = parsePabulib(fixture(name));
		const out = parsePabulib(exported);
		expect(out.budget).toBe(original.budget);
		expect(out.meta.vote_type ?? 'approval').toBe(original.meta.vote_type ?? 'approval');
		expect(new Map(out.projects.map((p) => [p.id, p.cost]))).toEqual(new Map(original.projects.map((p) => [p.id, p.cost])));
		const votes = (e: typeof out) => new Map(e.votes.map((v) => [v.voter_id, [v.vote.join(','), v.points?.join(',') ?? '']]));
		const kept = votes(out);
		for (const [voter, [vote, points]] of votes(original)) {
			const [keptVote, keptPoints] = kept.get(voter)!;
			expect(keptVote).toBe(vote);
			if (original.meta.vote_type === 'cumulative' || original.meta.vote_type === 'ordinal') if (points) expect(keptPoints).toBe(points);
		}
		expect(out.projects.filter((p) => p.columns.selected === '1').map((p) => p.id).sort()).toEqual(published(fixture(name)));
	});
});

describe('voter order', () => {
	it('numbers in number order ahead of other codes, the same in SQL as in JavaScript', async () => {
		const codes = ['10', '9', 'b7', '010', 'a1', '2', '0'];
		expect([...codes].sort(compareVoterCodes)).toEqual(['0', '2', '9', '010', '10', 'a1', 'b7']);
		const w = demoWorld();
		const { id } = await replay(w, fixture('hand-made/choose-1.pb'));
		w.db.delete(ballots).where(eq(ballots.menuId, id)).run();
		for (const code of codes) w.db.insert(ballots).values({ menuId: id, voterCode: code, createdAt: w.now, updatedAt: w.now }).run();
		expect(ballotSample(w.db, id, 10).map((b) => b.code)).toEqual(['0', '2', '9', '010', '10', 'a1', 'b7']);
		expect(w.db.select().from(ballotChoices).orderBy(asc(ballotChoices.ballotId)).all()).toEqual([]);
	});
});
