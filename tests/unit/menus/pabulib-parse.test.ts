import { describe, expect, it } from 'vitest';
import {
	electionToWritable,
	PabulibError,
	parsePabulib,
	tallyInputFor,
	toTallyInput,
	writePabulib,
	type PabulibErrorCode,
	type PbWritable,
} from '../../../src/lib/server/menus/pabulib';

const META = ['META', 'key;value', 'budget;100', 'vote_type;approval', 'rule;greedy'];
const PROJECTS = ['PROJECTS', 'project_id;cost;name', '1;60;Park', '2;50;Library'];
const VOTES = ['VOTES', 'voter_id;vote', 'v1;1,2', 'v2;2'];

function file(...sections: string[][]): string {
	return sections.flat().join('\n') + '\n';
}

function errorOf(action: () => unknown): PabulibError {
	try {
		action();
	} catch (error) {
		if (error instanceof PabulibError) return error;
		throw error;
	}
	throw new Error('expected a PabulibError');
}

function expectRejected(text: string, code: PabulibErrorCode, message: RegExp): void {
	const error = errorOf(() => parsePabulib(text));
	expect(error.code).toBe(code);
	expect(error.message).toMatch(message);
}

describe('parsePabulib reads', () => {
	it('a small file', () => {
		const election = parsePabulib(file(META, PROJECTS, VOTES));
		expect(election.meta).toEqual({ budget: '100', vote_type: 'approval', rule: 'greedy' });
		expect([election.budget, election.scale]).toEqual([100, 1]);
		expect(election.projects).toEqual([
			{ id: '1', cost: 60, columns: { project_id: '1', cost: '60', name: 'Park' } },
			{ id: '2', cost: 50, columns: { project_id: '2', cost: '50', name: 'Library' } },
		]);
		expect(election.votes).toEqual([
			{ voter_id: 'v1', vote: ['1', '2'], extra: {} },
			{ voter_id: 'v2', vote: ['2'], extra: {} },
		]);
	});

	it('a byte-order mark, CRLF line ends and blank lines', () => {
		const text = '\uFEFF' + file(META, [''], PROJECTS, VOTES).replaceAll('\n', '\r\n');
		expect(parsePabulib(text)).toEqual(parsePabulib(file(META, PROJECTS, VOTES)));
	});

	it('quoted fields holding ; and doubled quotes and line breaks, keeping later line numbers right', () => {
		const projects = ['PROJECTS', 'project_id;cost;name', '1;60;"Park; with ""trees""\nand benches"', '2;50;x'];
		const election = parsePabulib(file(META, projects, VOTES));
		expect(election.projects[0].columns.name).toBe('Park; with "trees"\nand benches');
		const broken = file(META, projects, ['VOTES', 'voter_id;vote', 'v1;1', 'v2;9']);
		// The thirteenth row, but line 14 of the text: the quoted name spans two lines.
		expectRejected(broken, 'unknown_project', /^line 14: voter v2 votes for unknown project 9$/);
	});

	it('a quote inside an unquoted field as an ordinary character', () => {
		const projects = ['PROJECTS', 'project_id;cost;name', '1;60;Konkurs " NA OGRÓD „ III', '2;50;x'];
		expect(parsePabulib(file(META, projects, VOTES)).projects[0].columns.name).toBe('Konkurs " NA OGRÓD „ III');
	});

	it('points of cumulative ballots and extra vote columns', () => {
		const votes = ['VOTES', 'voter_id;vote;points;age', '7;1,2;3,7;41', '8;;;'];
		const election = parsePabulib(file(META, PROJECTS, votes));
		expect(election.votes).toEqual([
			{ voter_id: '7', vote: ['1', '2'], points: [3, 7], extra: { age: '41' } },
			{ voter_id: '8', vote: [], points: [], extra: { age: '' } },
		]);
	});

	it('costs written as decimals with a zero fraction, as whole amounts', () => {
		const projects = ['PROJECTS', 'project_id;cost', '1;60.0', '2;50.'];
		const election = parsePabulib(file(META, projects, VOTES));
		expect(election.projects.map((p) => p.cost)).toEqual([60, 50]);
		expect(election.scale).toBe(1);
	});

	it('amounts with grosze, every one in hundredths once one needs them', () => {
		const meta = ['META', 'key;value', 'budget;308151.26', 'rule;greedy'];
		const projects = ['PROJECTS', 'project_id;cost', '1;60', '2;50.5'];
		const election = parsePabulib(file(meta, projects, VOTES));
		expect([election.budget, election.scale]).toEqual([30_815_126, 100]);
		expect(election.projects.map((p) => [p.cost, p.columns.cost])).toEqual([
			[6_000, '60'],
			[5_050, '50.5'],
		]);
	});

	it('amounts with one decimal at most, in tenths', () => {
		const meta = ['META', 'key;value', 'budget;100.5'];
		const election = parsePabulib(file(meta, PROJECTS, VOTES));
		expect([election.budget, election.scale, election.projects[0].cost]).toEqual([1_005, 10, 600]);
	});
});

describe('parsePabulib rejects', () => {
	it('an empty file', () => {
		expectRejected('', 'empty', /empty/);
		expectRejected('\uFEFF \r\n\n', 'empty', /empty/);
		expectRejected(file(META, ['PROJECTS', 'project_id;cost'], VOTES), 'empty', /no project/);
	});

	it('missing or misplaced sections', () => {
		expectRejected(file(PROJECTS, VOTES), 'missing_section', /^line 1: expected section META, found PROJECTS$/);
		expectRejected(file(META, PROJECTS), 'missing_section', /no VOTES section/);
		expectRejected(file(META, VOTES, PROJECTS), 'missing_section', /^line 6: expected section PROJECTS, found VOTES$/);
		expectRejected('hello;world\n' + file(META, PROJECTS, VOTES), 'missing_section', /^line 1: expected section META/);
	});

	it('missing columns and short rows', () => {
		const noCost = ['PROJECTS', 'project_id;price', '1;60', '2;50'];
		expectRejected(file(META, noCost, VOTES), 'missing_column', /^line 7: PROJECTS header has no cost column$/);
		const noVote = ['VOTES', 'voter_id;ballot', 'v1;1'];
		expectRejected(file(META, PROJECTS, noVote), 'missing_column', /VOTES header has no vote column/);
		const shortRow = ['PROJECTS', 'project_id;cost;name', '1;60;Park', '2;50'];
		expectRejected(file(META, shortRow, VOTES), 'missing_column', /^line 9: PROJECTS row has 2 fields but the header names 3$/);
		expectRejected(file(['META', 'key'], PROJECTS, VOTES), 'missing_column', /META header must be "key;value"/);
		expectRejected(file(META, ['PROJECTS'], ['VOTES']), 'missing_column', /section PROJECTS has no header/);
		expectRejected('META\nkey;value\nname;"never closed\n', 'missing_column', /^line 3: a quoted field is never closed$/);
	});

	it('bad amounts, saying what is wrong with each', () => {
		const reasons: Record<string, string> = {
			abc: 'not an amount (write digits with at most two decimals after a point, as 1250 or 1250.50)',
			'': 'not an amount (write digits with at most two decimals after a point, as 1250 or 1250.50)',
			'1,5': 'not an amount (write digits with at most two decimals after a point, as 1250 or 1250.50)',
			'12.345': 'which has more than two decimals (amounts are counted to the hundredth: grosze, fen, cents)',
			'-3': 'a negative amount',
			'99999999999999999': 'too large to count exactly',
		};
		for (const [cost, reason] of Object.entries(reasons)) {
			const projects = ['PROJECTS', 'project_id;cost', `1;${cost}`, '2;50'];
			const error = errorOf(() => parsePabulib(file(META, projects, VOTES)));
			expect([error.code, error.message]).toEqual(['bad_number', `line 8: cost of project 1 is "${cost}", ${reason}`]);
		}
		const badBudget = ['META', 'key;value', 'budget;lots'];
		expectRejected(file(badBudget, PROJECTS, VOTES), 'bad_number', /^META budget is "lots", not an amount/);
		const negativeBudget = ['META', 'key;value', 'budget;-100.00'];
		expectRejected(file(negativeBudget, PROJECTS, VOTES), 'bad_number', /^META budget is "-100.00", a negative amount$/);
		const badPoints = ['VOTES', 'voter_id;vote;points', 'v1;1,2;3,x'];
		expectRejected(file(META, PROJECTS, badPoints), 'bad_number', /^line 12: points of voter v1 include "x"/);
		const fewPoints = ['VOTES', 'voter_id;vote;points', 'v1;1,2;3'];
		expectRejected(file(META, PROJECTS, fewPoints), 'bad_number', /voter v1 names 2 projects but gives 1 points/);
	});

	it('a vote for an unknown project', () => {
		const votes = ['VOTES', 'voter_id;vote', 'v1;1,2', 'v2;2,3'];
		expectRejected(file(META, PROJECTS, votes), 'unknown_project', /^line 13: voter v2 votes for unknown project 3$/);
	});

	it('duplicate project and voter ids', () => {
		const projects = ['PROJECTS', 'project_id;cost', '1;60', '1;50'];
		expectRejected(file(META, projects, VOTES), 'duplicate_project', /^line 9: project 1 is listed twice$/);
		const votes = ['VOTES', 'voter_id;vote', 'v1;1', 'v1;2'];
		expectRejected(file(META, PROJECTS, votes), 'duplicate_voter', /^line 13: voter v1 votes twice$/);
	});
});

describe('toTallyInput', () => {
	it('maps approval ballots, with the file rule or an override', () => {
		const election = parsePabulib(file(META, PROJECTS, VOTES));
		expect(toTallyInput(election)).toEqual({
			budget: 100,
			projects: [
				{ id: '1', cost: 60, name: 'Park' },
				{ id: '2', cost: 50, name: 'Library' },
			],
			ballots: [['1', '2'], ['2']],
			rule: 'greedy',
		});
		expect(toTallyInput(election, 'equalshares/add1').rule).toBe('equalshares/add1');
	});

	it('names an unsupported rule and lists the supported ones', () => {
		const election = parsePabulib(file(META, PROJECTS, VOTES));
		const error = errorOf(() => toTallyInput(election, 'phragmen'));
		expect(error.code).toBe('unsupported_rule');
		expect(error.message).toBe(
			'rule "phragmen" is not supported; supported rules: greedy, greedy-no-skip, greedy-threshold, equalshares/add1',
		);
		const noRule = parsePabulib(file(['META', 'key;value', 'budget;100'], PROJECTS, VOTES));
		expect(errorOf(() => toTallyInput(noRule)).message).toMatch(/^rule "\(none\)" is not supported/);
	});

	it('names an unsupported vote type and lists the supported ones', () => {
		const scoring = parsePabulib(file(['META', 'key;value', 'budget;100', 'vote_type;scoring', 'rule;greedy'], PROJECTS, VOTES));
		const error = errorOf(() => toTallyInput(scoring));
		expect(error.code).toBe('unsupported_vote_type');
		expect(error.message).toBe('vote_type scoring is not supported; supported vote types: approval, choose-1, cumulative, ordinal');
	});

	it('names the reason a known Pabulib rule cannot be replayed', () => {
		const election = parsePabulib(file(META, PROJECTS, VOTES));
		expect(errorOf(() => toTallyInput(election, 'greedy-exclusive')).message).toBe(
			'rule "greedy-exclusive" is not supported: which projects exclude each other is not recorded in the file ' +
				'(only its comment describes it); supported rules: greedy, greedy-no-skip, greedy-threshold, equalshares/add1',
		);
		expect(errorOf(() => toTallyInput(election, 'greedy-custom')).message).toMatch(
			/^rule "greedy-custom" is not supported: it is the city's own procedure, described only in the file's comment;/,
		);
	});

	it('refuses amounts with decimals, which callers counting whole currency units cannot take', () => {
		const meta = ['META', 'key;value', 'budget;308151.26', 'rule;greedy'];
		const election = parsePabulib(file(meta, PROJECTS, VOTES));
		const error = errorOf(() => toTallyInput(election));
		expect([error.code, error.message]).toEqual([
			'bad_number',
			'META budget is "308151.26": amounts with decimals are counted in minor units, which this caller does not handle',
		]);
		expect(tallyInputFor(election).input).toMatchObject({ budget: 30_815_126, unit: 100, projects: [{ cost: 6_000 }, { cost: 5_000 }] });
	});

	it('scores cumulative ballots by their points, for greedy rules only', () => {
		const meta = ['META', 'key;value', 'budget;100', 'vote_type;cumulative', 'rule;greedy'];
		const votes = ['VOTES', 'voter_id;vote;points', 'a;1,2;1,9', 'b;1;5'];
		const election = parsePabulib(file(meta, PROJECTS, votes));
		expect(toTallyInput(election).scores).toEqual(
			new Map([
				['1', 6],
				['2', 9],
			]),
		);
		expect(errorOf(() => toTallyInput(election, 'equalshares/add1')).code).toBe('unsupported_vote_type');
	});

	it('needs a budget, and a threshold for greedy-threshold', () => {
		const noBudget = parsePabulib(file(['META', 'key;value', 'rule;greedy'], PROJECTS, VOTES));
		expect(errorOf(() => toTallyInput(noBudget)).message).toBe('META has no budget');
		const election = parsePabulib(file(META, PROJECTS, VOTES));
		const error = errorOf(() => toTallyInput(election, 'greedy-threshold'));
		expect([error.code, error.message]).toEqual(['missing_column', 'META has no min_project_score_threshold']);
		election.meta.min_project_score_threshold = '50';
		expect(toTallyInput(election, 'greedy-threshold').minVotes).toBe(50);
	});
});

describe('writePabulib', () => {
	const tricky: PbWritable = {
		meta: { description: 'Menu; "spring" round', budget: '100', vote_type: 'approval', rule: 'greedy' },
		projects: [
			{ project_id: '1', cost: '60', name: 'Park;\nwith "trees"' },
			{ project_id: 'a-2', cost: '50', name: ' padded ' },
		],
		votes: [
			{ voter_id: 'v1', vote: ['1', 'a-2'] },
			{ voter_id: 'v;2', vote: [] },
		],
	};

	it('round-trips fields that need quoting', () => {
		expect(electionToWritable(parsePabulib(writePabulib(tricky)))).toEqual(tricky);
	});

	it('round-trips points and extra vote columns', () => {
		const cumulative: PbWritable = {
			meta: { budget: '10', vote_type: 'cumulative', rule: 'greedy' },
			projects: [{ project_id: '1', cost: '5' }],
			votes: [{ voter_id: '1', vote: ['1'], points: [10], extra: { age: '30', district: '東區' } }],
		};
		expect(electionToWritable(parsePabulib(writePabulib(cumulative)))).toEqual(cumulative);
	});

	it('writes the three sections with a header each and quotes only where needed', () => {
		expect(writePabulib(tricky).split('\n').slice(0, 9)).toEqual([
			'META',
			'key;value',
			'description;"Menu; ""spring"" round"',
			'budget;100',
			'vote_type;approval',
			'rule;greedy',
			'PROJECTS',
			'project_id;cost;name',
			'1;60;"Park;',
		]);
	});

	it('refuses a project id that a comma-separated vote cannot carry', () => {
		expect(() => writePabulib({ meta: {}, projects: [], votes: [{ voter_id: '1', vote: ['a,b'] }] })).toThrow(RangeError);
	});
});
