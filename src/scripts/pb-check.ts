/**
 * `pb check DIR`: tallies every `.pb` file under DIR with its own rule and compares the outcome with what the
 * city published (the PROJECTS `selected` column, 1 = funded by the rule), grouped by vote type and rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PabulibError, parsePabulib, tallyInputFor, type PbTallyOptions } from '../lib/server/menus/pabulib';
import { tally, type ProjectOutcome } from '../lib/server/menus/tally';

export interface Difference {
	project: string;
	expected: 'selected' | 'not selected';
	/** "selected", or "not selected" with the tally's reason. */
	got: string;
	/** Other projects with the same votes (or score), when the difference may come from how a tie was broken. */
	tiedWith?: string[];
}

export type FileOutcome = {
	file: string;
	voteType: string;
	rule: string;
	warnings: string[];
} & (
	| { status: 'reproduced' }
	/** Tallied, but the file has no selected column to compare with. */
	| { status: 'unchecked' }
	| { status: 'differs'; difference: Difference }
	| { status: 'refused'; code: string; reason: string }
);

/** The META value of a key straight from the text, for grouping a file that does not parse. */
function metaLine(text: string, key: string): string {
	return new RegExp(`^${key};([^\\r\\n]*)`, 'm').exec(text)?.[1]?.trim() || '(none)';
}

export function checkText(file: string, text: string, options: Pick<PbTallyOptions, 'ties'> = {}): FileOutcome {
	const label = { file, voteType: metaLine(text, 'vote_type'), rule: metaLine(text, 'rule') };
	try {
		const election = parsePabulib(text);
		const { input, warnings } = tallyInputFor(election, options);
		const result = tally(input);
		const outcome = { ...label, warnings };
		if (!election.projects.every((project) => project.columns.selected !== undefined)) {
			return { ...outcome, status: 'unchecked' };
		}
		const published = new Set(election.projects.filter((p) => p.columns.selected.trim() === '1').map((p) => p.id));
		const differing = result.projects.find((project) => project.selected !== published.has(project.id));
		if (!differing) return { ...outcome, status: 'reproduced' };
		const scoreOf = (project: ProjectOutcome) => project.score ?? project.votes;
		const tiedWith = result.projects.filter((p) => p !== differing && scoreOf(p) === scoreOf(differing)).map((p) => p.id);
		const difference: Difference = {
			project: differing.id,
			expected: published.has(differing.id) ? 'selected' : 'not selected',
			got: differing.selected ? 'selected' : `not selected (${differing.reason})`,
			...(tiedWith.length > 0 ? { tiedWith } : {}),
		};
		return { ...outcome, status: 'differs', difference };
	} catch (error) {
		if (!(error instanceof PabulibError)) throw error;
		return { ...label, warnings: [], status: 'refused', code: error.code, reason: error.message };
	}
}

/** Every `.pb` file under the folder, in sorted order of their paths relative to it. */
export function pbFilesUnder(folder: string): string[] {
	const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.pb'))
		.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
		.sort();
}

export function checkFolder(folder: string, options: Pick<PbTallyOptions, 'ties'> = {}): FileOutcome[] {
	return pbFilesUnder(folder).map((file) => checkText(file, readFileSync(path.join(folder, file), 'utf8'), options));
}

export interface GroupSummary {
	voteType: string;
	rule: string;
	files: number;
	reproduced: number;
	differ: number;
	refused: number;
	unchecked: number;
	firstDifference?: Difference & { file: string };
	/** Refusals by error code: how many, and the first file's reason. */
	refusals: Array<{ code: string; count: number; file: string; reason: string }>;
	warned: number;
	firstWarning?: { file: string; warning: string };
}

/** One summary per (vote type, rule), most files first. */
export function summarize(outcomes: readonly FileOutcome[]): GroupSummary[] {
	const groups = new Map<string, GroupSummary>();
	for (const outcome of outcomes) {
		const key = `${outcome.voteType}\u0000${outcome.rule}`;
		let group = groups.get(key);
		if (!group) {
			const { voteType, rule } = outcome;
			group = { voteType, rule, files: 0, reproduced: 0, differ: 0, refused: 0, unchecked: 0, refusals: [], warned: 0 };
			groups.set(key, group);
		}
		group.files++;
		if (outcome.warnings.length > 0) {
			group.warned++;
			group.firstWarning ??= { file: outcome.file, warning: outcome.warnings[0] };
		}
		switch (outcome.status) {
			case 'reproduced':
				group.reproduced++;
				break;
			case 'unchecked':
				group.unchecked++;
				break;
			case 'differs':
				group.differ++;
				group.firstDifference ??= { file: outcome.file, ...outcome.difference };
				break;
			case 'refused': {
				group.refused++;
				const known = group.refusals.find((refusal) => refusal.code === outcome.code);
				if (known) known.count++;
				else group.refusals.push({ code: outcome.code, count: 1, file: outcome.file, reason: outcome.reason });
				break;
			}
		}
	}
	return [...groups.values()].sort(
		(a, b) => b.files - a.files || a.voteType.localeCompare(b.voteType) || a.rule.localeCompare(b.rule),
	);
}

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

function counts(summary: Pick<GroupSummary, 'files' | 'reproduced' | 'differ' | 'refused' | 'unchecked'>): string {
	const parts = [`${summary.reproduced} reproduce`, `${summary.differ} differ`, `${summary.refused} refused`];
	if (summary.unchecked > 0) parts.push(`${summary.unchecked} tallied without a selected column to compare`);
	return `${plural(summary.files, 'file')}: ${parts.join(', ')}`;
}

/** The report `pb check` prints: one paragraph per (vote type, rule), then the totals. */
export function formatCheck(folder: string, summaries: readonly GroupSummary[], ties: PbTallyOptions['ties'] = 'cheaper-first'): string {
	const order = ties === 'listed' ? 'in the order the file lists them' : 'cheaper first';
	const lines = [`pb check ${folder} (published = projects whose selected column is 1; equal votes: ${order})`];
	for (const summary of summaries) {
		lines.push('', `${summary.voteType} / ${summary.rule} — ${counts(summary)}`);
		const first = summary.firstDifference;
		if (first) {
			const tie = first.tiedWith ? ` (tied in votes with ${first.tiedWith.join(', ')})` : '';
			const what = `project ${first.project} published ${first.expected}, got ${first.got}${tie}`;
			lines.push(`  first difference: ${first.file}: ${what}`);
		}
		for (const refusal of summary.refusals) {
			lines.push(`  refused ${refusal.count} × ${refusal.code}, first ${refusal.file}: ${refusal.reason}`);
		}
		if (summary.firstWarning) {
			const { file, warning } = summary.firstWarning;
			lines.push(`  warnings in ${plural(summary.warned, 'file')}, first ${file}: ${warning}`);
		}
	}
	const total = { files: 0, reproduced: 0, differ: 0, refused: 0, unchecked: 0 };
	for (const summary of summaries) for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += summary[key];
	lines.push('', `all — ${counts(total)}`);
	return lines.join('\n') + '\n';
}
