import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoWorld } from '../world';
import { makeMenu, menuAt, projectAt } from './helpers';
import { runMenuReminders } from '../../../src/lib/server/menus/reminders';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { importPabulib } from '../../../src/lib/server/menus/import';
import { advancePhase, editMenu } from '../../../src/lib/server/menus/commands';
import { reviewCandidate, submitCandidate } from '../../../src/lib/server/menus/candidates';
import { menuAbilities } from '../../../src/lib/server/menus/abilities';
import { publishResults, publishedResults } from '../../../src/lib/server/menus/results';
import { ballotsPb, resultRows, resultsCsv } from '../../../src/lib/server/menus/export';
import { loadMenu } from '../../../src/lib/server/menus/records';
import { parsePabulib, toTallyInput } from '../../../src/lib/server/menus/pabulib';
import { renderMessage, type MessageRef } from '../../../src/lib/server/result';
import * as messages from '../../../src/lib/paraglide/messages';
import { tally } from '../../../src/lib/server/menus/tally';
import { ballots, menuProjects, menus } from '../../../src/lib/server/menus/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { DAY, HOUR } from '../../../src/lib/server/db/time';

const LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;
type Say = (params: Record<string, string | number>, options: { locale: (typeof LOCALES)[number] }) => string;
/** A message in a given language; a key no catalogue holds comes back as itself (and fails the checks). */
const sayIn = (locale: (typeof LOCALES)[number], key: string, params: Record<string, string | number>) =>
	(messages as unknown as Record<string, Say | undefined>)[key]?.(params, { locale }) ?? key;

const PABULIB = resolve(process.cwd(), 'tests/fixtures/pabulib/real');
const ASSEN = readFileSync(resolve(PABULIB, 'Netherlands_Assen_2024.pb'), 'utf8');
/** A .pb file as the import form uploads it. */
const pbFile = (text: string) => ({ file: [{ name: 'election.pb', type: 'text/plain', bytes: new TextEncoder().encode(text) }] });

describe('reminders', () => {
	it('voting opens: every verified resident is told once, however often the timer runs', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'vote');
		expect(runMenuReminders(w.db, w.now)).toEqual([{ menuId: menu.id, kind: 'vote_open' }]);
		expect(runMenuReminders(w.db, w.now + 60_000)).toEqual([]);
		const told = w.db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'menu_vote_open')).get()!.n;
		expect(told).toBe(9); // resident1…resident8 and grid1; not the pending newcomer, not fenghuangshan
	});

	it('24 hours before the vote closes, only those who have not voted are reminded', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote');
		castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now);
		const closing = menu.resultsStartsAt - 23 * HOUR;
		expect(runMenuReminders(w.db, menu.resultsStartsAt - 30 * HOUR).map((s) => s.kind)).toEqual(['vote_open']);
		expect(runMenuReminders(w.db, closing).map((s) => s.kind)).toEqual(['vote_closing']);
		expect(runMenuReminders(w.db, closing + HOUR)).toEqual([]);
		const reminded = w.db.select().from(notifications).where(eq(notifications.kind, 'menu_vote_closing')).all().map((n) => n.userId);
		expect(reminded).toHaveLength(8);
		expect(reminded).not.toContain(w.ids.user.resident1);
	});

	it('nothing is sent for menus not in their vote', () => {
		const w = demoWorld();
		makeMenu(w, 'collect');
		makeMenu(w, 'results');
		expect(runMenuReminders(w.db, w.now)).toEqual([]);
	});
});

describe('Pabulib import', () => {
	it('replays Assen 2024 as a read-only menu whose selection equals the file', async () => {
		const w = demoWorld();
		const r = await importPabulib(w.db, w.actor('street'), { communityId: w.ids.community.fenghuangshan }, pbFile(ASSEN), w.now);
		if (!r.ok) throw new Error(r.error);
		const loaded = loadMenu(w.db, menuAt(w.db, r.value.id))!;
		const results = publishedResults(loaded.menu)!;
		const election = parsePabulib(ASSEN);
		const expected = election.projects.filter((p) => p.columns.selected === '1').map((p) => p.id).sort();
		const projects = w.db.select().from(menuProjects).where(eq(menuProjects.menuId, r.value.id)).all();
		const selectedKeys = projects.filter((p) => p.selected).map((p) => p.externalId!).sort();
		expect(selectedKeys).toEqual(expected);
		expect(results.voters).toBe(election.votes.length);
		expect(w.db.select({ n: count() }).from(ballots).where(eq(ballots.menuId, r.value.id)).get()!.n).toBe(84);
		// read-only: no ballots, no advancing, no second publishing
		const me = w.actor('resident9');
		expect(castBallot(w.db, me, menuAt(w.db, r.value.id), { projectIds: [String(projects[0].id)] }, w.now)).toMatchObject({ error: 'menu_read_only' });
		expect(advancePhase(w.db, w.actor('street'), menuAt(w.db, r.value.id), {}, w.now)).toMatchObject({ error: 'menu_read_only' });
		expect(publishResults(w.db, w.actor('street'), menuAt(w.db, r.value.id), {}, w.now)).toMatchObject({ error: 'menu_read_only' });
		expect(editMenu(w.db, w.actor('street'), menuAt(w.db, r.value.id), {}, w.now)).toMatchObject({ error: 'menu_read_only' });
		expect(submitCandidate(w.db, me, menuAt(w.db, r.value.id), { title: '新項目', estimatedCost: '100' }, w.now)).toMatchObject({ error: 'menu_read_only' });
		expect(reviewCandidate(w.db, w.actor('committee2'), projectAt(w.db, projects[0].id), { decision: 'infeasible', reason: '重播不能改' }, w.now)).toMatchObject({
			error: 'menu_read_only'
		});
		expect(menuAbilities(w.actor('street'), loaded, w.now)).toEqual({ edit: false, advance: false, submit: false, vote: false, publish: false });
	});

	it('a form without a file says so beside the file field', async () => {
		const w = demoWorld();
		const r = await importPabulib(w.db, w.actor('street'), { communityId: w.ids.community.fenghuangshan }, { file: [{ name: '', type: '', bytes: new Uint8Array(0) }] }, w.now);
		expect(r).toMatchObject({ ok: false, error: 'invalid', fields: { file: 'err_menu_file_required' } });
	});

	it.each([
		['missing section', ASSEN.replace(/PROJECTS[\s\S]*?VOTES/, 'VOTES'), 'menu_pabulib_missing_section'],
		['unknown project id', ASSEN.replace(';1,2,6,9,13', ';1,2,999'), 'menu_pabulib_unknown_project'],
		['bad number', ASSEN.replace('3;7200;', '3;seven;'), 'menu_pabulib_bad_number'],
		['empty file', '   ', 'menu_pabulib_empty'],
		['unsupported rule', ASSEN.replace('rule;equalshares/add1', 'rule;sainte-lague'), 'menu_pabulib_unsupported_rule']
	])('a malformed file (%s) is refused with a named problem and nothing is stored', async (_name, text, code) => {
		const w = demoWorld();
		const r = await importPabulib(w.db, w.actor('street'), { communityId: w.ids.community.fenghuangshan }, pbFile(text), w.now);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error).toBe(code);
			// the problem is named in the reader's language: every message it is made of exists in all three, and in
			// Chinese it is Chinese (the file's own words, as project ids and section names, aside)
			const detail = r.params?.detail as MessageRef;
			expect(detail.key).toMatch(/^pb_/);
			const said = Object.fromEntries(LOCALES.map((locale) => [locale, renderMessage(detail, (key, params) => sayIn(locale, key, params))]));
			for (const locale of LOCALES) expect(said[locale], locale).not.toMatch(/\bpb_/);
			for (const locale of ['zh-Hant', 'zh-Hans'] as const) expect(said[locale], locale).not.toMatch(/\b(line|voter|project|is not|the file)\b/);
			expect(said['zh-Hant']).toMatch(/\p{Script=Han}{2}/u);
			expect(said['zh-Hans']).toMatch(/\p{Script=Han}{2}/u);
			expect(said.en).toMatch(/\b(line|file|rule|section)\b/i);
		}
		expect(w.db.select({ n: count() }).from(menus).get()!.n).toBe(0);
		expect(w.db.select({ n: count() }).from(ballots).get()!.n).toBe(0);
	});
});

describe('exports', () => {
	it("a native menu's ballots export as a valid .pb whose tally equals the published results, with anonymous voters", () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { budget: 300000, costs: [150000, 120000, 80000] });
		const votes: [string, number[]][] = [['resident1', [0, 2]], ['resident2', [0, 1]], ['resident3', [1]], ['resident4', [2]], ['resident5', [0]]];
		for (const [who, picks] of votes) castBallot(w.db, w.actor(who), menuAt(w.db, menu.id), { projectIds: picks.map((i) => String(ids[i])) }, w.now);
		w.db.update(menus).set({ advancedTo: 'results' }).where(eq(menus.id, menu.id)).run();
		const published = publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now);
		if (!published.ok) throw new Error(published.error);
		const loaded = loadMenu(w.db, menuAt(w.db, menu.id))!;
		const text = ballotsPb(w.db, loaded, published.value);
		const election = parsePabulib(text);
		// Random voter codes, listed in code order.
		const codes = election.votes.map((v) => v.voter_id);
		expect(codes).toHaveLength(5);
		for (const code of codes) expect(code).toMatch(/^[0-9a-f]{16}$/);
		expect(codes).toEqual([...codes].sort());
		// no voter line is an account id (a random code may end in the same digit, so whole lines are compared)
		const voterLines = text.slice(text.indexOf('VOTES')).split('\n').slice(2).filter(Boolean);
		expect(voterLines).toHaveLength(5);
		for (const [who] of votes) expect(voterLines.some((l) => l.startsWith(`${w.ids.user[who as keyof typeof w.ids.user]};`))).toBe(false);
		expect(tally(toTallyInput(election)).selected.map(Number)).toEqual(published.value.selected);
		const csv = resultsCsv(loaded, resultRows(w.db, loaded, published.value), (r) => `reason:${r}`);
		expect(csv.split('\r\n')[0]).toBe('\uFEFFrank,project_id,title,cost,votes,score,selected,reason,reason_text');
		expect(csv).toContain('did_not_fit,reason:did_not_fit');
	});

	it('a formula-looking title is never run by a spreadsheet', () => {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { costs: [100] });
		w.db.update(menuProjects).set({ title: '=HYPERLINK("x")' }).where(and(eq(menuProjects.id, ids[0]))).run();
		castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now);
		w.db.update(menus).set({ advancedTo: 'results' }).where(eq(menus.id, menu.id)).run();
		const published = publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now + DAY);
		if (!published.ok) throw new Error(published.error);
		const loaded = loadMenu(w.db, menuAt(w.db, menu.id))!;
		const csv = resultsCsv(loaded, resultRows(w.db, loaded, published.value), (r) => r);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
	});
});
