/**
 * How long parsing and tallying real Pabulib files takes (median of several runs, parse included).
 * Targets: Gdynia 2020 (27,073 voters) greedy under 0.5 s; Świecie 2023 equal shares with Add1 under 2 s.
 *
 *   npx tsx scripts/bench-tally.ts
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePabulib, toTallyInput } from '../lib/server/menus/pabulib';
import { tally, type RuleName } from '../lib/server/menus/tally';

export interface TallyBenchFigure {
	file: string;
	rule: RuleName;
	runs: number;
	medianMs: number;
	targetMs: number;
	selected: number;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(folder: string, file: string, rule: RuleName, runs: number, targetMs: number): TallyBenchFigure {
	const text = readFileSync(path.join(folder, file), 'utf8');
	const times: number[] = [];
	let selected = 0;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		selected = tally(toTallyInput(parsePabulib(text), rule)).selected.length;
		times.push(performance.now() - start);
	}
	return { file, rule, runs, medianMs: median(times), targetMs, selected };
}

export function runTallyBench(folder = path.resolve(process.cwd(), 'tests/fixtures/pabulib/real')): TallyBenchFigure[] {
	return [
		measure(folder, 'Poland_Gdynia_2020.pb', 'greedy-no-skip', 5, 500),
		measure(folder, 'Poland_Gdynia_2020.pb', 'greedy', 5, 500),
		measure(folder, 'Poland_Swiecie_2023.pb', 'equalshares/add1', 3, 2000),
	];
}

function isRunDirectly(): boolean {
	const entry = process.argv[1];
	return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
}

if (isRunDirectly()) {
	for (const figure of runTallyBench()) {
		const verdict = figure.medianMs < figure.targetMs ? 'ok' : 'OVER TARGET';
		console.log(
			`${figure.file} ${figure.rule}: median ${figure.medianMs.toFixed(1)} ms of ${figure.runs} ` +
				`(target < ${figure.targetMs} ms, ${verdict}; ${figure.selected} selected)`,
		);
	}
}
