// The Pabulib command line's work (src/scripts/pb.ts is its entry point; usage there).
import { readFileSync } from 'node:fs';
import { formatPbAmount, parsePabulib, tallyInputFor, type PbTallyOptions } from '../lib/server/menus/pabulib';
import { RULE_NAMES, tally } from '../lib/server/menus/tally';
import { checkFolder, formatCheck, summarize } from './pb-check';

const USAGE =
	`usage: pb tally FILE [--rule ${RULE_NAMES.join('|')}] [--ties listed|cheaper-first]` +
	' | pb check DIR [--ties listed|cheaper-first] [--json]';

class UsageError extends Error {}

type Ties = NonNullable<PbTallyOptions['ties']>;

type Command =
	| { name: 'tally'; file: string; rule?: string; ties: Ties }
	| { name: 'check'; folder: string; json: boolean; ties: Ties };

function parseTies(value: string | undefined): Ties {
	if (value === 'listed' || value === 'cheaper-first') return value;
	throw new UsageError(`--ties takes listed or cheaper-first${value === undefined ? '' : `, not ${value}`}; ${USAGE}`);
}

function parseArguments(args: string[]): Command {
	const [command, ...rest] = args;
	if (command !== 'tally' && command !== 'check') {
		throw new UsageError(command ? `unknown command ${command}; ${USAGE}` : USAGE);
	}
	const what = command === 'tally' ? 'FILE' : 'DIR';
	let target: string | undefined;
	let rule: string | undefined;
	let json = false;
	let ties: Ties = 'cheaper-first';
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (arg === '--ties') {
			ties = parseTies(rest[++i]);
		} else if (arg.startsWith('--ties=')) {
			ties = parseTies(arg.slice('--ties='.length));
		} else if (command === 'tally' && arg === '--rule') {
			rule = rest[++i];
			if (rule === undefined) throw new UsageError(`--rule needs a value; ${USAGE}`);
		} else if (command === 'tally' && arg.startsWith('--rule=')) {
			rule = arg.slice('--rule='.length);
		} else if (command === 'check' && arg === '--json') {
			json = true;
		} else if (arg.startsWith('-')) {
			throw new UsageError(`unknown option ${arg}; ${USAGE}`);
		} else if (target === undefined) {
			target = arg;
		} else {
			throw new UsageError(`only one ${what}, got ${target} and ${arg}; ${USAGE}`);
		}
	}
	if (target === undefined) throw new UsageError(`${what} is missing; ${USAGE}`);
	return command === 'tally'
		? { name: 'tally', file: target, rule, ties }
		: { name: 'check', folder: target, json, ties };
}

function systemReason(error: unknown): string {
	return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

function readText(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		throw new Error(`cannot read ${file} (${systemReason(error)})`);
	}
}

function runTally(file: string, rule: string | undefined, ties: Ties): string {
	const election = parsePabulib(readText(file));
	const { input, warnings } = tallyInputFor(election, { rule, ties });
	const result = tally(input);
	const cost = election.scale === 1 ? result.cost : formatPbAmount(election, result.cost);
	const output = { rule: result.rule, selected: result.selected, cost, ...(warnings.length > 0 ? { warnings } : {}) };
	return JSON.stringify(output) + '\n';
}

function runCheck(folder: string, json: boolean, ties: Ties): string {
	let outcomes;
	try {
		outcomes = checkFolder(folder, { ties });
	} catch (error) {
		throw new Error(`cannot read the folder ${folder} (${systemReason(error)})`);
	}
	const summaries = summarize(outcomes);
	return json ? JSON.stringify({ ties, summaries, files: outcomes }, null, 1) + '\n' : formatCheck(folder, summaries, ties);
}

/** What the command prints and its exit status, without touching the process: the tests call it in-process. */
export function runPb(args: string[]): { status: 0 | 1; stdout: string; stderr: string } {
	try {
		const command = parseArguments(args);
		const stdout =
			command.name === 'tally'
				? runTally(command.file, command.rule, command.ties)
				: runCheck(command.folder, command.json, command.ties);
		return { status: 0, stdout, stderr: '' };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 1, stdout: '', stderr: `error: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n` };
	}
}
