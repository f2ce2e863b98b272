/**
 * Anyone can recompute a published community evaluation.
 *
 *   npm run evaluation -- verify FILE.json
 *
 * Reads a file downloaded from /street/{slug}/evaluations/{period}/evaluation.json, recomputes every indicator's
 * actual value and score, each community's composite, the ranking and the 以獎代補 awards from the scheme and the
 * raw figures in the file alone (the same pure function the portal used), and prints whether they match. Exits 0
 * when everything matches, 2 when something differs, 1 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyDocument } from '../lib/server/evaluations/document';

const USAGE = 'usage: npm run evaluation -- verify FILE.json';

function main(args: string[]): number {
	const [command, file] = args;
	if (command !== 'verify' || !file) {
		console.error(USAGE);
		return 1;
	}
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		console.error(`error: cannot read ${file}: ${(e as Error).message}`);
		return 1;
	}
	const result = verifyDocument(json);
	if (!result.ok) {
		console.error(`error: ${result.problem}`);
		return 1;
	}
	const doc = json as { street: { name: string }; period: { key: string }; ranking: string[] };
	if (result.mismatches.length === 0) {
		console.log(`match: ${doc.street.name} ${doc.period.key}: ${result.communities} communities, ${result.ranked} ranked; every score, the ranking and the awards recompute to the figures in the file.`);
		console.log(`ranking: ${doc.ranking.join(' > ') || '(none)'}`);
		return 0;
	}
	console.log(`MISMATCH: ${result.mismatches.length} figure(s) differ from what the file's own inputs give:`);
	for (const m of result.mismatches) console.log(`  ${m.where}: file says ${JSON.stringify(m.stated)}, recomputed ${JSON.stringify(m.recomputed)}`);
	return 2;
}

process.exitCode = main(process.argv.slice(2));
