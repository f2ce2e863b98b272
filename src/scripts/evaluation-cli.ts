// The command line of `npm run evaluation` as a function of its arguments (tested in-process; evaluation.ts runs it).
import { readFileSync } from 'node:fs';
import { verifyDocument } from '../lib/server/evaluations/document';

export const USAGE = 'usage: npm run evaluation -- verify FILE.json';
export type CliResult = { status: number; stdout: string; stderr: string };

/** 0: everything matches; 2: something differs (each difference listed); 1: the file cannot be read. */
export function runEvaluationCli(args: string[]): CliResult {
	const out: string[] = [];
	const fail = (message: string): CliResult => ({ status: 1, stdout: '', stderr: `${message}\n` });
	const [command, file] = args;
	if (command !== 'verify' || !file) return fail(USAGE);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		return fail(`error: cannot read ${file}: ${(e as Error).message}`);
	}
	const result = verifyDocument(json);
	if (!result.ok) return fail(`error: ${result.problem}`);
	const doc = json as { street: { name: string }; period: { key: string }; ranking: string[] };
	if (result.mismatches.length === 0) {
		out.push(`match: ${doc.street.name} ${doc.period.key}: ${result.communities} communities, ${result.ranked} ranked; every score, the ranking and the awards recompute to the figures in the file.`);
		out.push(`ranking: ${doc.ranking.join(' > ') || '(none)'}`);
		return { status: 0, stdout: out.join('\n') + '\n', stderr: '' };
	}
	out.push(`MISMATCH: ${result.mismatches.length} figure(s) differ from what the file's own inputs give:`);
	for (const m of result.mismatches) out.push(`  ${m.where}: file says ${JSON.stringify(m.stated)}, recomputed ${JSON.stringify(m.recomputed)}`);
	return { status: 2, stdout: out.join('\n') + '\n', stderr: '' };
}
