// `npm run evaluation -- verify FILE.json` on a downloaded evaluation: it matches; a changed figure does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoWorld } from '../world';
import { evaluatedStreet } from './helpers';
import { publishSnapshot, setAwards, takeSnapshot } from '../../../src/lib/server/evaluations/commands';
import { loadPeriod } from '../../../src/lib/server/evaluations/records';
import { evaluationDocument } from '../../../src/lib/server/evaluations/export';

const scratch = mkdtempSync(path.join(tmpdir(), 'eval-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

import { runEvaluationCli } from '../../../src/scripts/evaluation-cli';

// in-process: the entry point (evaluation.ts) only prints what this returns, and is started once below
const verify = (file: string) => runEvaluationCli(['verify', file]);

function publishedFile() {
	const w = demoWorld();
	const at = evaluatedStreet(w);
	takeSnapshot(w.db, w.actor('street'), at, {}, w.now);
	setAwards(w.db, w.actor('street'), at, { pool: '50000', floor: '10000', cap: '60000' }, w.now);
	publishSnapshot(w.db, w.actor('street'), at, {}, w.now);
	return evaluationDocument(w.db, loadPeriod(w.db, at)!)!;
}

describe('npm run evaluation -- verify', () => {
	it('says a downloaded file matches, and names what differs in a changed one', () => {
		const doc = publishedFile();
		const good = path.join(scratch, 'good.json');
		writeFileSync(good, JSON.stringify(doc));
		const ok = verify(good);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toMatch(/^match: 屏襄門街道 2026Q3: 3 communities, 1 ranked;/);
		doc.communities[0].awardFen = 4_000_000;
		const bad = path.join(scratch, 'bad.json');
		writeFileSync(bad, JSON.stringify(doc));
		const changed = verify(bad);
		expect(changed.status).toBe(2);
		expect(changed.stdout).toContain('jinwei award (fen): file says 4000000, recomputed 5000000');
		writeFileSync(path.join(scratch, 'other.json'), '{"format":"something else"}');
		expect(verify(path.join(scratch, 'other.json'))).toMatchObject({ status: 1, stderr: expect.stringMatching(/^error: not an evaluation file/) });
	});

	it('runs as npm run evaluation: prints the result and exits with its status', () => {
		const good = path.join(scratch, 'entry.json');
		writeFileSync(good, JSON.stringify(publishedFile()));
		const run = spawnSync('npx', ['tsx', 'src/scripts/evaluation.ts', 'verify', good], { cwd: process.cwd(), encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^match: /);
	}, 60_000);
});
