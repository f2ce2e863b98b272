/**
 * Pabulib command line.
 *
 *   npm run pb -- tally FILE [--rule greedy|greedy-no-skip|greedy-threshold|equalshares/add1]
 *
 * Prints one line of JSON {"rule", "selected" (ids in selection order), "cost"} and exits 0; on any error prints
 * one line starting with "error: " on stderr and exits 1. Without --rule the file's META rule is used.
 */
import { readFileSync } from 'node:fs';
import { parsePabulib, toTallyInput } from '../lib/server/menus/pabulib';
import { RULE_NAMES, tally } from '../lib/server/menus/tally';

const USAGE = `usage: pb tally FILE [--rule ${RULE_NAMES.join('|')}]`;

class UsageError extends Error {}

interface TallyCommand {
	file: string;
	rule?: string;
}

function parseArguments(args: string[]): TallyCommand {
	const [command, ...rest] = args;
	if (command !== 'tally') throw new UsageError(command ? `unknown command ${command}; ${USAGE}` : USAGE);
	let file: string | undefined;
	let rule: string | undefined;
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (arg === '--rule') {
			rule = rest[++i];
			if (rule === undefined) throw new UsageError(`--rule needs a value; ${USAGE}`);
		} else if (arg.startsWith('--rule=')) {
			rule = arg.slice('--rule='.length);
		} else if (arg.startsWith('-')) {
			throw new UsageError(`unknown option ${arg}; ${USAGE}`);
		} else if (file === undefined) {
			file = arg;
		} else {
			throw new UsageError(`only one FILE, got ${file} and ${arg}; ${USAGE}`);
		}
	}
	if (file === undefined) throw new UsageError(`FILE is missing; ${USAGE}`);
	return { file, rule };
}

function readText(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		throw new Error(`cannot read ${file} (${reason})`);
	}
}

function main(args: string[]): number {
	try {
		const { file, rule } = parseArguments(args);
		const result = tally(toTallyInput(parsePabulib(readText(file)), rule));
		process.stdout.write(JSON.stringify({ rule: result.rule, selected: result.selected, cost: result.cost }) + '\n');
		return 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`error: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
		return 1;
	}
}

process.exitCode = main(process.argv.slice(2));
