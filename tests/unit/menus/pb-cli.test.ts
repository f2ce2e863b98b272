import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAND_MADE, REAL } from '../pabulib/fixtures';
import { runPb } from '../../../src/scripts/pb-cli';

const assen = path.join(REAL, 'Netherlands_Assen_2024.pb');
const scratch = mkdtempSync(path.join(tmpdir(), 'pb-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// In-process: one tsx start per case cost 5 to 18 seconds each; the entry point itself is run once below.
const pb = (...args: string[]) => runPb(args);

function expectOneErrorLine(run: ReturnType<typeof pb>, message: RegExp): void {
	expect(run.status).toBe(1);
	expect(run.stdout).toBe('');
	expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
	expect(run.stderr).toMatch(message);
}

describe('pb tally', () => {
	it('prints one JSON line with the file rule, the selected ids and their cost', () => {
		const run = pb('tally', assen);
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^[^\n]+\n$/);
		const output = JSON.parse(run.stdout) as { rule: string; selected: string[]; cost: number };
		expect(output.rule).toBe('equalshares/add1');
		expect(new Set(output.selected)).toEqual(new Set(['2', '3', '5', '6', '9', '11', '12', '13', '14']));
		expect(output.cost).toBe(76_700);
		expect(Object.keys(output)).toEqual(['rule', 'selected', 'cost']);
	});

	it('uses the rule given with --rule', () => {
		const output = JSON.parse(pb('tally', assen, '--rule', 'greedy').stdout) as { rule: string; selected: string[] };
		expect(output.rule).toBe('greedy');
		expect(new Set(output.selected)).toEqual(new Set(['2', '3', '8', '9', '11', '13', '14']));
	});

	it('prints the cost of a budget with grosze in the file’s notation', () => {
		const run = pb('tally', path.join(HAND_MADE, 'grosze-fit.pb'));
		expect(run.stdout).toBe('{"rule":"greedy","selected":["1","2"],"cost":"308151.26"}\n');
	});

	it('tallies ranked ballots by their points and breaks ties as the file lists projects with --ties listed', () => {
		expect(JSON.parse(pb('tally', path.join(HAND_MADE, 'ordinal-borda.pb')).stdout)).toEqual({
			rule: 'greedy',
			selected: ['c', 'a'],
			cost: 100,
		});
		const babieDoly = path.join(REAL, 'Poland_Gdynia_2020_Babie_Doly__small.pb');
		expect(JSON.parse(pb('tally', babieDoly).stdout).selected).toEqual(['4', '2', '5']);
		expect(JSON.parse(pb('tally', babieDoly, '--ties', 'listed').stdout).selected).toEqual(['4', '2', '1']);
	});

	it("adds the file's disagreements with its own ballots as warnings", () => {
		const run = pb('tally', path.join(REAL, 'Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb'));
		expect(JSON.parse(run.stdout).warnings).toEqual([
			'the votes column disagrees with the ballots for 1 project of 13 (first: project 174 says 39, the ballots give 38)',
		]);
	});

	it('fails with one error line for a missing file', () => {
		expectOneErrorLine(pb('tally', path.join(scratch, 'missing.pb')), /cannot read .*missing\.pb \(ENOENT\)/);
	});

	it('fails with one error line naming the line at fault in a malformed file', () => {
		const broken = path.join(scratch, 'broken.pb');
		writeFileSync(broken, 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n');
		expectOneErrorLine(pb('tally', broken), /^error: line 6: cost of project 1 is "ten", not an amount/);
		writeFileSync(broken, 'META\nkey;value\nbudget;10.125\nrule;greedy\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote\n');
		expectOneErrorLine(pb('tally', broken), /^error: META budget is "10.125", which has more than two decimals/);
	});

	it('fails with one error line for bad arguments', () => {
		expectOneErrorLine(pb('count', assen), /unknown command count; usage: pb tally FILE/);
		expectOneErrorLine(pb('tally', assen, '--rule', 'phragmen'), /rule "phragmen" is not supported/);
		expectOneErrorLine(pb('tally', assen, '--ties', 'random'), /--ties takes listed or cheaper-first, not random/);
		expectOneErrorLine(pb('check'), /DIR is missing; usage:/);
	});
});

describe('the pb entry point', () => {
	it('prints what runPb prints and exits with its status', () => {
		const ok = spawnSync('npx', ['tsx', 'src/scripts/pb.ts', 'tally', assen], { cwd: process.cwd(), encoding: 'utf8' });
		expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, runPb(['tally', assen]).stdout, '']);
		const bad = spawnSync('npx', ['tsx', 'src/scripts/pb.ts', 'count'], { cwd: process.cwd(), encoding: 'utf8' });
		expect([bad.status, bad.stdout, bad.stderr]).toEqual([1, '', runPb(['count']).stderr]);
	});
});

describe('pb check', () => {
	it('prints, per vote type and rule, what reproduces, what differs and what is refused, and why', () => {
		const run = pb('check', REAL);
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		const lines = run.stdout.split('\n');
		expect(lines).toContain('approval / greedy-no-skip — 3 files: 2 reproduce, 1 differ, 0 refused');
		expect(lines).toContain(
			'  first difference: Poland_Gdynia_2020_Babie_Doly__small.pb: project 5 published not selected, ' +
				'got selected (tied in votes with 1)',
		);
		expect(lines).toContain('ordinal / greedy — 2 files: 2 reproduce, 0 differ, 0 refused');
		expect(lines).toContain('ordinal / unknown — 1 file: 0 reproduce, 0 differ, 1 refused');
		expect(lines.at(-2)).toBe('all — 18 files: 14 reproduce, 1 differ, 2 refused, 1 tallied without a selected column to compare');
		expect(pb('check', REAL, '--ties', 'listed').stdout).toMatch(
			/\nall — 18 files: 15 reproduce, 0 differ, 2 refused, 1 tallied without a selected column to compare\n$/,
		);
	});

	it('fails with one error line for a folder it cannot read', () => {
		expectOneErrorLine(pb('check', path.join(scratch, 'nowhere')), /cannot read the folder .*nowhere \(ENOENT\)/);
	});
});
