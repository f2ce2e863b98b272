/**
 * Reading and writing Pabulib `.pb` files (pabulib.org): sections META, PROJECTS and VOTES, each a title line,
 * a `;`-separated header line and rows. A field starting with a double quote is quoted (inner quotes doubled) and
 * may hold `;` or line breaks; a quote anywhere else is an ordinary character, as Python's csv module reads it.
 */
import {
	bordaPoints,
	formatMinorUnits,
	readAmount,
	RULE_NAMES,
	scaleFor,
	sumPoints,
	toMinorUnits,
	type AmountProblem,
	type RuleName,
	type TallyInput,
	type WrittenAmount,
} from './tally';
import * as messages from '../../paraglide/messages';
import { renderMessage, type MessageRef } from '../result';

export type PabulibErrorCode =
	| 'missing_section'
	| 'missing_column'
	| 'bad_number'
	| 'unknown_project'
	| 'duplicate_project'
	| 'duplicate_voter'
	/** A ballot its vote type does not allow: two choices on a choose-1 ballot, a project ranked twice. */
	| 'bad_ballot'
	| 'unsupported_vote_type'
	| 'unsupported_rule'
	| 'empty';

/**
 * What is wrong with a file, naming the line or field at fault: a message of messages/menus (`pb_…`) with its
 * values. The site says it in the reader's language; the error's message is it in English, for the command-line
 * tools and logs.
 */
export type PbDetail = MessageRef;

const detail = (key: string, params?: PbDetail['params']): PbDetail => ({ key: `pb_${key}`, params });

type MessageFn = (params: Record<string, unknown>, options: { locale: 'en' }) => string;
const catalogue = messages as unknown as Record<string, MessageFn | undefined>;
const inEnglish = (key: string, params: Record<string, string | number>) => catalogue[key]?.(params, { locale: 'en' }) ?? key;

/** A malformed or unsupported file. */
export class PabulibError extends Error {
	readonly code: PabulibErrorCode;
	readonly detail: PbDetail;
	constructor(code: PabulibErrorCode, what: PbDetail) {
		super(renderMessage(what, inEnglish));
		this.name = 'PabulibError';
		this.code = code;
		this.detail = what;
	}
}

export interface PbProject {
	id: string;
	/** In minor units of the election's scale: exactly the written number when every amount of the file is whole. */
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
	/** META budget in minor units of `scale`, or null when META has none. */
	budget: number | null;
	/**
	 * Minor units per currency unit for the budget and every cost: 1 when all are whole (as most files), 100 when
	 * one has two decimals ("308151.26" → 30815126 grosze), 10 when the most any has is one.
	 */
	scale: number;
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
						throw new PabulibError('missing_column', detail('unclosed_quote', { line: openedOn }));
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
				const wanted = SECTION_ORDER[expected];
				throw new PabulibError(
					'missing_section',
					wanted ? detail('section_out_of_order', { line: row.line, wanted, title }) : detail('section_after_votes', { line: row.line, title }),
				);
			}
			const header = rows[r + 1];
			if (!header || sectionTitle(header)) {
				throw new PabulibError('missing_column', detail('section_without_header', { line: row.line, title }));
			}
			current = { header: header.fields.map((name) => name.trim()), headerLine: header.line, rows: [] };
			sections[title] = current;
			expected++;
			r++;
		} else if (!current) {
			throw new PabulibError('missing_section', detail('rows_before_meta', { line: row.line, row: row.fields.join(';') }));
		} else {
			current.rows.push(row);
		}
	}
	for (const name of SECTION_ORDER) {
		if (!sections[name]) throw new PabulibError('missing_section', detail('no_section', { name }));
	}
	return sections as Record<SectionName, Section>;
}

function requireColumns(section: Section, title: SectionName, names: string[]): void {
	for (const name of names) {
		if (!section.header.includes(name)) {
			throw new PabulibError('missing_column', detail('no_column', { line: section.headerLine, title, name }));
		}
	}
}

function rowRecord(section: Section, title: SectionName, row: Row): Record<string, string> {
	if (row.fields.length !== section.header.length) {
		throw new PabulibError('missing_column', detail('row_width', { line: row.line, title, fields: row.fields.length, columns: section.header.length }));
	}
	const record: Record<string, string> = {};
	section.header.forEach((name, column) => (record[name] = row.fields[column]));
	return record;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

const AMOUNT_PROBLEMS: Record<AmountProblem, PbDetail> = {
	malformed: detail('amount_malformed'),
	negative: detail('amount_negative'),
	too_many_decimals: detail('amount_too_many_decimals'),
};

/** An amount field as written, read but not yet scaled (the scale depends on every amount of the file). */
interface AmountField {
	text: string;
	where: PbDetail;
	amount: WrittenAmount;
}

function readAmountField(text: string, where: PbDetail): AmountField {
	const read = readAmount(text);
	if (!read.ok) throw new PabulibError('bad_number', detail('bad_amount', { where, text, problem: AMOUNT_PROBLEMS[read.problem] }));
	return { text, where, amount: read.amount };
}

function inMinorUnits(field: AmountField, scale: number): number {
	const value = toMinorUnits(field.amount, scale);
	if (value === null) throw new PabulibError('bad_number', detail('bad_amount', { where: field.where, text: field.text, problem: detail('amount_too_large') }));
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
		throw new PabulibError('missing_column', detail('meta_header', { line: section.headerLine }));
	}
	const meta: Record<string, string> = {};
	for (const row of section.rows) {
		const record = rowRecord(section, 'META', row);
		meta[row.fields[0].trim()] = record[section.header[1]];
	}
	return meta;
}

interface ProjectRow {
	id: string;
	cost: AmountField;
	columns: Record<string, string>;
}

function parseProjects(section: Section): ProjectRow[] {
	requireColumns(section, 'PROJECTS', ['project_id', 'cost']);
	const seen = new Set<string>();
	return section.rows.map((row) => {
		const columns = rowRecord(section, 'PROJECTS', row);
		const id = columns.project_id.trim();
		if (seen.has(id)) throw new PabulibError('duplicate_project', detail('duplicate_project', { line: row.line, id }));
		seen.add(id);
		return { id, cost: readAmountField(columns.cost, detail('where_cost', { line: row.line, id })), columns };
	});
}

function parsePoints(text: string, row: Row, voterId: string, approved: number): number[] {
	const points = parseIdList(text).map((item) => {
		if (!NUMBER.test(item)) {
			throw new PabulibError('bad_number', detail('points_not_number', { line: row.line, voter: voterId, item }));
		}
		return Number(item);
	});
	if (points.length !== approved) {
		throw new PabulibError('bad_number', detail('points_count', { line: row.line, voter: voterId, approved, points: points.length }));
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
		if (seen.has(voterId)) throw new PabulibError('duplicate_voter', detail('duplicate_voter', { line: row.line, voter: voterId }));
		seen.add(voterId);
		const vote = parseIdList(rawVote);
		for (const id of vote) {
			if (!projectIds.has(id)) {
				throw new PabulibError('unknown_project', detail('unknown_project', { line: row.line, voter: voterId, id }));
			}
		}
		const parsed: PbVote = { voter_id: voterId, vote, extra };
		if (hasPoints) parsed.points = parsePoints(rawPoints, row, voterId, vote.length);
		return parsed;
	});
}

/**
 * Reads a `.pb` text. The budget and costs may carry up to two decimals; they are kept exactly as integers of a
 * minor unit (see PbElection.scale), so a file whose amounts are all whole reads exactly as it is written.
 */
export function parsePabulib(text: string): PbElection {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') throw new PabulibError('empty', detail('empty_file'));
	const sections = splitSections(readRows(body));
	const meta = parseMeta(sections.META);
	const budget = meta.budget === undefined ? null : readAmountField(meta.budget, detail('where_budget'));
	const rows = parseProjects(sections.PROJECTS);
	if (rows.length === 0) throw new PabulibError('empty', detail('no_projects'));
	const amounts = [...(budget ? [budget] : []), ...rows.map((row) => row.cost)];
	const scale = scaleFor(Math.max(...amounts.map((field) => field.amount.decimals.length)));
	const projects = rows.map(({ id, cost, columns }) => ({ id, cost: inMinorUnits(cost, scale), columns }));
	const votes = parseVotes(sections.VOTES, new Set(projects.map((project) => project.id)));
	return { meta, projects, votes, budget: budget ? inMinorUnits(budget, scale) : null, scale };
}

/** An amount of the election (in its minor units) written as the file writes amounts: "308151.26", or "60". */
export function formatPbAmount(election: Pick<PbElection, 'scale'>, value: number): string {
	return formatMinorUnits(value, election.scale);
}

/** The ballot forms the tally understands, as the META vote_type names them. */
export type PbVoteType = 'approval' | 'choose-1' | 'cumulative' | 'ordinal';
export const VOTE_TYPES: readonly PbVoteType[] = ['approval', 'choose-1', 'cumulative', 'ordinal'];

/** Rules the Pabulib format names that cannot be replayed from the file alone, and why. */
const RULES_REFUSED_BECAUSE: Record<string, PbDetail> = {
	unknown: detail('rule_unknown'),
	'greedy-exclusive': detail('rule_exclusive'),
	'greedy-custom': detail('rule_custom'),
	'equalshares/add1-comparison': detail('rule_comparison'),
	'equalshares-comparison': detail('rule_comparison'),
};

/** What tallyInputFor gives: the input for `tally`, and what the file says about itself that a reader should know. */
export interface PbTallyInput {
	/** Budget and costs in minor units of `scale` (input.unit is the scale when it is not 1). */
	input: TallyInput;
	voteType: PbVoteType;
	/** Minor units per currency unit: 1, 10 or 100 (see PbElection.scale). */
	scale: number;
	/** Where the file's own counts (num_votes, the votes and score columns) disagree with its ballots. */
	warnings: string[];
}

function isRuleName(name: string): name is RuleName {
	return (RULE_NAMES as readonly string[]).includes(name);
}

function isVoteType(name: string): name is PbVoteType {
	return (VOTE_TYPES as readonly string[]).includes(name);
}

function metaNumber(meta: Record<string, string>, key: string): number {
	const text = meta[key];
	if (text === undefined) throw new PabulibError('missing_column', detail('meta_missing', { key }));
	if (!NUMBER.test(text.trim())) throw new PabulibError('bad_number', detail('meta_not_number', { key, text }));
	return Number(text.trim());
}

function voteTypeOf(meta: Record<string, string>): PbVoteType {
	const voteType = (meta.vote_type ?? 'approval').trim();
	if (!isVoteType(voteType)) {
		const supported = VOTE_TYPES.join(', ');
		throw new PabulibError('unsupported_vote_type', voteType ? detail('vote_type_unsupported', { voteType, supported }) : detail('vote_type_empty', { supported }));
	}
	return voteType;
}

function ruleOf(meta: Record<string, string>, ruleOverride: string | undefined, voteType: PbVoteType): RuleName {
	const ruleName = (ruleOverride ?? meta.rule ?? '').trim();
	if (!isRuleName(ruleName)) {
		const because = RULES_REFUSED_BECAUSE[ruleName];
		const supported = RULE_NAMES.join(', ');
		throw new PabulibError(
			'unsupported_rule',
			!ruleName
				? detail('rule_empty', { supported })
				: because
					? detail('rule_refused', { rule: ruleName, because, supported })
					: detail('rule_unsupported', { rule: ruleName, supported }),
		);
	}
	if (ruleName === 'equalshares/add1' && (voteType === 'ordinal' || voteType === 'cumulative')) {
		throw new PabulibError('unsupported_vote_type', detail('equal_shares_points', { voteType }));
	}
	return ruleName;
}

/** Points of cumulative ballots, or a points column given with ranked ballots: whole and non-negative. */
function wholePoints(vote: PbVote): number[] {
	const points = vote.points ?? [];
	for (const point of points) {
		if (!Number.isSafeInteger(point) || point < 0) {
			throw new PabulibError('bad_number', detail('points_not_whole', { voter: vote.voter_id, point }));
		}
	}
	return points;
}

/**
 * Points of a ranked ballot: the file's points column when it has one, else Borda — k points for the first of k
 * ranked projects down to 1 for the last. That is the format's default scoring_fn, computed as Pabulib's checker
 * does, and what the score column of every ordinal file in the collection shows (Kraków ranks 3: 3, 2, 1).
 */
function rankedPoints(election: PbElection): (vote: PbVote) => number[] {
	const scoringFn = election.meta.scoring_fn?.trim() ?? '';
	if (scoringFn !== '' && scoringFn.toLowerCase() !== 'borda') {
		throw new PabulibError('unsupported_vote_type', detail('scoring_fn_unsupported', { scoringFn }));
	}
	return (vote) => {
		if (new Set(vote.vote).size !== vote.vote.length) {
			throw new PabulibError('bad_ballot', detail('ranks_twice', { voter: vote.voter_id, vote: vote.vote.join(',') }));
		}
		return vote.points ? wholePoints(vote) : bordaPoints(vote.vote.length);
	};
}

/** Each project's score from the ballots, or undefined when the score is the number of votes. */
function scoresOf(election: PbElection, voteType: PbVoteType): Map<string, number> | undefined {
	switch (voteType) {
		case 'approval':
			return undefined;
		case 'choose-1':
			for (const vote of election.votes) {
				if (new Set(vote.vote).size > 1) {
					throw new PabulibError('bad_ballot', detail('choose_one_many', { voter: vote.voter_id, count: vote.vote.length }));
				}
			}
			return undefined;
		case 'cumulative':
			if (election.votes.some((vote) => !vote.points)) {
				throw new PabulibError('missing_column', detail('cumulative_no_points'));
			}
			return scoreTable(election, (vote) => wholePoints(vote));
		case 'ordinal':
			return scoreTable(election, rankedPoints(election));
	}
}

/** Every project's sum of points, 0 for projects no ballot names. */
function scoreTable(election: PbElection, pointsOf: (vote: PbVote) => number[]): Map<string, number> {
	const sums = sumPoints(election.votes.map((vote) => ({ ids: vote.vote, points: pointsOf(vote) })));
	return new Map(election.projects.map((project) => [project.id, sums.get(project.id) ?? 0]));
}

/** How many ballots name each project (a project named twice on one ballot counts once). */
function voteCounts(election: PbElection): Map<string, number> {
	const counts = new Map(election.projects.map((project) => [project.id, 0]));
	for (const vote of election.votes) {
		const ids = vote.vote.length < 2 ? vote.vote : new Set(vote.vote);
		for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/** One warning per column of PROJECTS whose numbers disagree with the ballots (an empty cell counts as 0). */
function columnWarning(election: PbElection, column: string, counted: Map<string, number>): string | null {
	const wrong: string[] = [];
	for (const project of election.projects) {
		const written = project.columns[column];
		if (written === undefined) continue;
		const got = counted.get(project.id) ?? 0;
		if (written.trim() === '' ? got !== 0 : Number(written.trim()) !== got) {
			wrong.push(`project ${project.id} says ${written.trim() || '(empty)'}, the ballots give ${got}`);
		}
	}
	if (wrong.length === 0) return null;
	const which = wrong.length === 1 ? '1 project' : `${wrong.length} projects`;
	return `the ${column} column disagrees with the ballots for ${which} of ${election.projects.length} (first: ${wrong[0]})`;
}

function countWarnings(election: PbElection, votes: Map<string, number>, scores: Map<string, number> | undefined): string[] {
	const warnings: string[] = [];
	const { num_votes: numVotes, num_projects: numProjects } = election.meta;
	if (numVotes !== undefined && Number(numVotes.trim()) !== election.votes.length) {
		warnings.push(`META num_votes is ${numVotes.trim()} but VOTES has ${election.votes.length} ballots`);
	}
	if (numProjects !== undefined && Number(numProjects.trim()) !== election.projects.length) {
		warnings.push(`META num_projects is ${numProjects.trim()} but PROJECTS lists ${election.projects.length}`);
	}
	for (const [column, counted] of [
		['votes', votes],
		['score', scores ?? votes],
	] as const) {
		const warning = columnWarning(election, column, counted);
		if (warning) warnings.push(warning);
	}
	return warnings;
}

/** The cost Pabulib gives a project withdrawn after the vote, so that no rule funds it. */
export const WITHDRAWN_COST = 999_999_999;

export interface PbTallyOptions {
	/** A rule instead of the file's META rule. */
	rule?: string;
	/** Equal votes in the greedy order: cheaper first (the default), or in the order the file lists projects. */
	ties?: TallyInput['ties'];
}

/**
 * The tally input for a parsed election with the file's rule (unless overridden), amounts in minor units.
 *
 * Every project's score comes from the ballots: the number of ballots naming it for approval and choose-1, the
 * sum of points for cumulative, Borda points by position for ordinal (see rankedPoints). The greedy rules order
 * by that score; greedy-threshold, and greedy-no-skip when META has one, compare it with
 * min_project_score_threshold. A project costing 999999999 is withdrawn (the format's mark). Equal Shares (cost
 * utilities) counts approval and choose-1 ballots; with points or rankings it is refused, not guessed.
 */
export function tallyInputFor(election: PbElection, options: PbTallyOptions = {}): PbTallyInput {
	const { meta } = election;
	const voteType = voteTypeOf(meta);
	const rule = ruleOf(meta, options.rule, voteType);
	if (election.budget === null) throw new PabulibError('missing_column', detail('meta_missing', { key: 'budget' }));
	const scores = scoresOf(election, voteType);
	const input: TallyInput = {
		budget: election.budget,
		projects: election.projects.map((project) => ({
			id: project.id,
			cost: project.cost,
			...(project.columns.name !== undefined ? { name: project.columns.name } : {}),
		})),
		ballots: election.votes.map((vote) => vote.vote),
		rule,
	};
	if (election.scale !== 1) input.unit = election.scale;
	const hasThreshold = meta.min_project_score_threshold !== undefined;
	if (rule === 'greedy-threshold' || (rule === 'greedy-no-skip' && hasThreshold)) {
		input.minVotes = metaNumber(meta, 'min_project_score_threshold');
	}
	if (scores) input.scores = scores;
	const withdrawn = election.projects.filter((project) => project.cost === WITHDRAWN_COST * election.scale);
	if (withdrawn.length > 0) input.withdrawn = withdrawn.map((project) => project.id);
	if (options.ties) input.ties = options.ties;
	return { input, voteType, scale: election.scale, warnings: countWarnings(election, voteCounts(election), scores) };
}

/**
 * The tally input in whole currency units, for callers written before amounts could carry decimals: a file
 * whose budget or costs have decimals is refused here (tallyInputFor counts it, in minor units).
 */
export function toTallyInput(election: PbElection, ruleOverride?: string): TallyInput {
	if (election.scale !== 1) {
		const amounts: Array<[PbDetail, string]> = [
			[detail('where_budget'), election.meta.budget ?? ''],
			...election.projects.map((project): [PbDetail, string] => [detail('where_project_cost', { id: project.id }), project.columns.cost]),
		];
		const [where, text] = amounts.find(([, written]) => /\.\d*[1-9]/.test(written)) ?? [detail('where_any'), ''];
		throw new PabulibError('bad_number', detail('decimals_unhandled', { where, text }));
	}
	return tallyInputFor(election, { rule: ruleOverride }).input;
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
