import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const shared = path.resolve(process.cwd(), '../shared/pabulib');
const assen = path.join(shared, 'Netherlands_Assen_2024.pb');
const scratch = mkdtempSync(path.join(tmpdir(), 'pb-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pb(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'src/scripts/pb.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
	});

	it('uses the rule given with --rule', () => {
		const output = JSON.parse(pb('tally', assen, '--rule', 'greedy').stdout) as { rule: string; selected: string[] };
		expect(output.rule).toBe('greedy');
		expect(new Set(output.selected)).toEqual(new Set(['2', '3', '8', '9', '11', '13', '14']));
	});

	it('fails with one error line for a missing file', () => {
		expectOneErrorLine(pb('tally', path.join(scratch, 'missing.pb')), /cannot read .*missing\.pb \(ENOENT\)/);
	});

	it('fails with one error line naming the line at fault in a malformed file', () => {
		const broken = path.join(scratch, 'broken.pb');
		writeFileSync(broken, 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n');
		expectOneErrorLine(pb('tally', broken), /^error: line 6: cost of project 1 is "ten"/);
	});

	it('fails with one error line for bad arguments', () => {
		expectOneErrorLine(pb('count', assen), /unknown command count; usage: pb tally FILE/);
		expectOneErrorLine(pb('tally', assen, '--rule', 'phragmen'), /rule "phragmen" is not supported/);
	});
});
