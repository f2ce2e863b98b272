/**
 * Reading and writing Pabulib `.pb` files (pabulib.org): sections META, PROJECTS and VOTES, each a title line,
 * a `;`-separated header line and rows. A field starting with a double quote is quoted (inner quotes doubled) and
 * may hold `;` or line breaks; a quote anywhere else is an ordinary character, as Python's csv module reads it.
 */
import { RULE_NAMES, type RuleName, type TallyInput } from './tally';

export type PabulibErrorCode =
	| 'missing_section'
	| 'missing_column'
	| 'bad_number'
	| 'unknown_project'
	| 'duplicate_project'
	| 'duplicate_voter'
	| 'unsupported_vote_type'
	| 'unsupported_rule'
	| 'empty';

/** A malformed or unsupported file. The message is English and names the line or field at fault. */
export class PabulibError extends Error {
	readonly code: PabulibErrorCode;
	constructor(code: PabulibErrorCode, message: string) {
		super(message);
		this.name = 'PabulibError';
		this.code = code;
	}
}

export interface PbProject {
	id: string;
	cost: number;
	/** Every column of the row, as written (project_id and cost included). */
	columns: Record<string, string>;
}

export interface PbVote {
	voter_id: string;
	vote: string[];
	points?: number[];
	/** The other columns of the row (age, sex, …), as written. */
	extra: Record<string, string>;
}

export interface PbElection {
	meta: Record<string, string>;
	projects: PbProject[];
	votes: PbVote[];
}

/** What writePabulib needs; electionToWritable turns a parsed election back into it. */
export interface PbWritable {
	meta: Record<string, string>;
	projects: Array<Record<string, string>>;
	votes: Array<{ voter_id: string; vote: string[]; points?: number[]; extra?: Record<string, string> }>;
}

interface Row {
	line: number;
	fields: string[];
}

const SECTION_ORDER = ['META', 'PROJECTS', 'VOTES'] as const;
type SectionName = (typeof SECTION_ORDER)[number];

function isLineBreak(char: string): boolean {
	return char === '\n' || char === '\r';
}

/** Splits the text into rows of fields, remembering the line each row starts on. Blank lines are skipped. */
function readRows(text: string): Row[] {
	const rows: Row[] = [];
	let i = 0;
	let line = 1;
	const skipLineBreak = (): void => {
		if (text[i] === '\r' && text[i + 1] === '\n') i++;
		i++;
		line++;
	};
	while (i < text.length) {
		const row: Row = { line, fields: [] };
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				const openedOn = line;
				i++;
				for (;;) {
					if (i >= text.length) {
						throw new PabulibError('missing_column', `line ${openedOn}: a quoted field is never closed`);
					}
					if (text[i] === '"' && text[i + 1] === '"') {
						field += '"';
						i += 2;
					} else if (text[i] === '"') {
						i++;
						break;
					} else {
						if (text[i] === '\n') line++;
						field += text[i++];
					}
				}
			}
			const start = i;
			while (i < text.length && text[i] !== ';' && !isLineBreak(text[i])) i++;
			field += text.slice(start, i);
			row.fields.push(field);
			if (text[i] === ';') {
				i++;
				continue;
			}
			if (i < text.length) skipLineBreak();
			break;
		}
		const blank = row.fields.length === 1 && row.fields[0].trim() === '';
		if (!blank) rows.push(row);
	}
	return rows;
}

function sectionTitle(row: Row): SectionName | null {
	if (row.fields.length !== 1) return null;
	const title = row.fields[0].trim().toUpperCase();
	return (SECTION_ORDER as readonly string[]).includes(title) ? (title as SectionName) : null;
}

interface Section {
	header: string[];
	headerLine: number;
	rows: Row[];
}

/** Groups rows into the three sections, which must come in the order META, PROJECTS, VOTES. */
function splitSections(rows: Row[]): Record<SectionName, Section> {
	const sections: Partial<Record<SectionName, Section>> = {};
	let current: Section | null = null;
	let expected = 0;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const title = sectionTitle(row);
		if (title) {
			if (title !== SECTION_ORDER[expected]) {
				const wanted = SECTION_ORDER[expected] ?? 'nothing';
				throw new PabulibError('missing_section', `line ${row.line}: expected section ${wanted}, found ${title}`);
			}
			const header = rows[r + 1];
			if (!header || sectionTitle(header)) {
				throw new PabulibError('missing_column', `line ${row.line}: section ${title} has no header line`);
			}
			current = { header: header.fields.map((name) => name.trim()), headerLine: header.line, rows: [] };
			sections[title] = current;
			expected++;
			r++;
		} else if (!current) {
			throw new PabulibError('missing_section', `line ${row.line}: expected section META, found "${row.fields.join(';')}"`);
		} else {
			current.rows.push(row);
		}
	}
	for (const name of SECTION_ORDER) {
		if (!sections[name]) throw new PabulibError('missing_section', `the file has no ${name} section`);
	}
	return sections as Record<SectionName, Section>;
}

function requireColumns(section: Section, title: SectionName, names: string[]): void {
	for (const name of names) {
		if (!section.header.includes(name)) {
			throw new PabulibError('missing_column', `line ${section.headerLine}: ${title} header has no ${name} column`);
		}
	}
}

function rowRecord(section: Section, title: SectionName, row: Row): Record<string, string> {
	if (row.fields.length !== section.header.length) {
		throw new PabulibError(
			'missing_column',
			`line ${row.line}: ${title} row has ${row.fields.length} fields but the header names ${section.header.length}`,
		);
	}
	const record: Record<string, string> = {};
	section.header.forEach((name, column) => (record[name] = row.fields[column]));
	return record;
}

const WHOLE_NUMBER = /^\d+(?:\.0*)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A non-negative whole number of currency units ("1000" or "1000.0"). */
function parseWholeNumber(text: string, where: string): number {
	const value = Number(text.trim());
	if (!WHOLE_NUMBER.test(text.trim()) || !Number.isSafeInteger(value)) {
		throw new PabulibError('bad_number', `${where} is "${text}", expected a whole non-negative number`);
	}
	return value;
}

function parseIdList(text: string): string[] {
	return text
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
}

function parseMeta(section: Section): Record<string, string> {
	if (section.header.length !== 2) {
		throw new PabulibError('missing_column', `line ${section.headerLine}: META header must be "key;value"`);
	}
	const meta: Record<string, string> = {};
	for (const row of section.rows) {
		const record = rowRecord(section, 'META', row);
		meta[row.fields[0].trim()] = record[section.header[1]];
	}
	if (meta.budget !== undefined) parseWholeNumber(meta.budget, 'META budget');
	return meta;
}

function parseProjects(section: Section): PbProject[] {
	requireColumns(section, 'PROJECTS', ['project_id', 'cost']);
	const seen = new Set<string>();
	return section.rows.map((row) => {
		const columns = rowRecord(section, 'PROJECTS', row);
		const id = columns.project_id.trim();
		if (seen.has(id)) throw new PabulibError('duplicate_project', `line ${row.line}: project ${id} is listed twice`);
		seen.add(id);
		return { id, cost: parseWholeNumber(columns.cost, `line ${row.line}: cost of project ${id}`), columns };
	});
}

function parsePoints(text: string, row: Row, voterId: string, approved: number): number[] {
	const points = parseIdList(text).map((item) => {
		if (!NUMBER.test(item)) {
			throw new PabulibError('bad_number', `line ${row.line}: points of voter ${voterId} include "${item}", not a number`);
		}
		return Number(item);
	});
	if (points.length !== approved) {
		throw new PabulibError(
			'bad_number',
			`line ${row.line}: voter ${voterId} names ${approved} projects but gives ${points.length} points`,
		);
	}
	return points;
}

function parseVotes(section: Section, projectIds: Set<string>): PbVote[] {
	requireColumns(section, 'VOTES', ['voter_id', 'vote']);
	const hasPoints = section.header.includes('points');
	const seen = new Set<string>();
	return section.rows.map((row) => {
		const { voter_id: rawVoterId, vote: rawVote, points: rawPoints, ...extra } = rowRecord(section, 'VOTES', row);
		const voterId = rawVoterId.trim();
		if (seen.has(voterId)) throw new PabulibError('duplicate_voter', `line ${row.line}: voter ${voterId} votes twice`);
		seen.add(voterId);
		const vote = parseIdList(rawVote);
		for (const id of vote) {
			if (!projectIds.has(id)) {
				throw new PabulibError('unknown_project', `line ${row.line}: voter ${voterId} votes for unknown project ${id}`);
			}
		}
		const parsed: PbVote = { voter_id: voterId, vote, extra };
		if (hasPoints) parsed.points = parsePoints(rawPoints, row, voterId, vote.length);
		return parsed;
	});
}

export function parsePabulib(text: string): PbElection {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') throw new PabulibError('empty', 'the file is empty');
	const sections = splitSections(readRows(body));
	const meta = parseMeta(sections.META);
	const projects = parseProjects(sections.PROJECTS);
	if (projects.length === 0) throw new PabulibError('empty', 'the PROJECTS section lists no project');
	const votes = parseVotes(sections.VOTES, new Set(projects.map((project) => project.id)));
	return { meta, projects, votes };
}

function isRuleName(name: string): name is RuleName {
	return (RULE_NAMES as readonly string[]).includes(name);
}

function metaNumber(meta: Record<string, string>, key: string): number {
	const text = meta[key];
	if (text === undefined) throw new PabulibError('missing_column', `META has no ${key}`);
	if (!NUMBER.test(text.trim())) throw new PabulibError('bad_number', `META ${key} is "${text}", not a number`);
	return Number(text.trim());
}

/** The per-project sum of points of cumulative ballots. */
function cumulativeScores(election: PbElection): Map<string, number> {
	const scores = new Map(election.projects.map((project) => [project.id, 0]));
	for (const vote of election.votes) {
		if (!vote.points) throw new PabulibError('missing_column', 'cumulative VOTES need a points column');
		vote.vote.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + (vote.points as number[])[i]));
	}
	return scores;
}

/**
 * The tally input for a parsed election, with the file's rule unless overridden. Approval ballots work with every
 * rule; cumulative ballots with the greedy rules, ordered by total points (as Pabulib does).
 */
export function toTallyInput(election: PbElection, ruleOverride?: string): TallyInput {
	const { meta } = election;
	const voteType = (meta.vote_type ?? 'approval').trim();
	if (voteType !== 'approval' && voteType !== 'cumulative') {
		throw new PabulibError(
			'unsupported_vote_type',
			`vote_type ${voteType} is not supported; only approval (any rule) and cumulative (greedy rules) are`,
		);
	}
	const ruleName = (ruleOverride ?? meta.rule ?? '').trim();
	if (!isRuleName(ruleName)) {
		throw new PabulibError(
			'unsupported_rule',
			`rule "${ruleName || '(none)'}" is not supported; supported rules: ${RULE_NAMES.join(', ')}`,
		);
	}
	if (voteType === 'cumulative' && ruleName === 'equalshares/add1') {
		throw new PabulibError('unsupported_vote_type', 'vote_type cumulative is supported only with the greedy rules');
	}

	const input: TallyInput = {
		budget: parseWholeNumber(meta.budget ?? missingBudget(), 'META budget'),
		projects: election.projects.map((project) => ({
			id: project.id,
			cost: project.cost,
			...(project.columns.name !== undefined ? { name: project.columns.name } : {}),
		})),
		ballots: election.votes.map((vote) => vote.vote),
		rule: ruleName,
	};
	if (ruleName === 'greedy-threshold') input.minVotes = metaNumber(meta, 'min_project_score_threshold');
	if (voteType === 'cumulative') input.scores = cumulativeScores(election);
	return input;
}

function missingBudget(): never {
	throw new PabulibError('missing_column', 'META has no budget');
}

/** Quotes a field when it holds `;`, a quote, a line break, or surrounding spaces that a reader might trim. */
function formatField(value: string): string {
	const needsQuotes = /[;"\r\n]/.test(value) || value !== value.trim();
	return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatRow(fields: string[]): string {
	return fields.map(formatField).join(';');
}

function formatIdList(ids: string[], voterId: string): string {
	for (const id of ids) {
		if (id === '' || id.includes(',') || id !== id.trim()) {
			throw new RangeError(`voter ${voterId}: project id "${id}" cannot be written in a comma-separated vote`);
		}
	}
	return ids.join(',');
}

/** Column names in first-seen order, with the required ones first. */
function columnsOf(records: Array<Record<string, string>>, required: string[]): string[] {
	const names = new Set(required);
	for (const record of records) for (const name of Object.keys(record)) names.add(name);
	return [...names];
}

/** A valid `.pb` text; parsePabulib of it gives back the same election (see electionToWritable). */
export function writePabulib(election: PbWritable): string {
	const lines: string[] = ['META', 'key;value'];
	for (const [key, value] of Object.entries(election.meta)) lines.push(formatRow([key, value]));

	const projectColumns = columnsOf(election.projects, ['project_id', 'cost']);
	lines.push('PROJECTS', formatRow(projectColumns));
	for (const project of election.projects) lines.push(formatRow(projectColumns.map((name) => project[name] ?? '')));

	const withPoints = election.votes.some((vote) => vote.points !== undefined);
	const extraColumns = columnsOf(
		election.votes.map((vote) => vote.extra ?? {}),
		[],
	);
	lines.push('VOTES', formatRow(['voter_id', 'vote', ...(withPoints ? ['points'] : []), ...extraColumns]));
	for (const vote of election.votes) {
		const fields = [vote.voter_id, formatIdList(vote.vote, vote.voter_id)];
		if (withPoints) fields.push((vote.points ?? []).join(','));
		for (const name of extraColumns) fields.push(vote.extra?.[name] ?? '');
		lines.push(formatRow(fields));
	}
	return lines.join('\n') + '\n';
}

/** The writable form of a parsed election, so that electionToWritable(parsePabulib(writePabulib(x))) equals x. */
export function electionToWritable(election: PbElection): PbWritable {
	return {
		meta: { ...election.meta },
		projects: election.projects.map((project) => ({ ...project.columns })),
		votes: election.votes.map(({ voter_id, vote, points, extra }) => ({
			voter_id,
			vote: [...vote],
			...(points ? { points: [...points] } : {}),
			...(Object.keys(extra).length > 0 ? { extra: { ...extra } } : {}),
		})),
	};
}
