/**
 * Every vote type Pabulib files use: each project's score from the ballots, checked against the file's own
 * columns, and counted with the file's rule.
 */
import { describe, expect, it } from 'vitest';
import { PabulibError, parsePabulib, tallyInputFor, type PbElection } from '../../../src/lib/server/menus/pabulib';
import { tally } from '../../../src/lib/server/menus/tally';
import { handMade, handMadeText } from './fixtures';

function errorOf(action: () => unknown): PabulibError {
	try {
		action();
	} catch (error) {
		if (error instanceof PabulibError) return error;
		throw error;
	}
	throw new Error('expected a PabulibError');
}

function scoresOf(election: PbElection): Record<string, number> {
	return Object.fromEntries(tallyInputFor(election).input.scores ?? []);
}

/** The hand-made file with some lines replaced. */
function edited(name: string, ...replacements: Array<[RegExp, string]>): PbElection {
	let text = handMadeText(name);
	for (const [pattern, replacement] of replacements) text = text.replace(pattern, replacement);
	return parsePabulib(text);
}

describe('ordinal (ranked) ballots', () => {
	it('score k points for the first of k ranked projects, down to 1, as the score column says', () => {
		const election = handMade('ordinal-borda.pb');
		const { input, voteType, warnings } = tallyInputFor(election);
		expect(voteType).toBe('ordinal');
		expect(scoresOf(election)).toEqual({ a: 7, b: 6, c: 8, d: 3 });
		expect(warnings).toEqual([]);
		const result = tally(input);
		expect(result.selected).toEqual(['c', 'a']);
		expect(result.cost).toBe(100);
		expect(result.projects.map((p) => [p.id, p.score, p.votes, p.rank])).toEqual([
			['c', 8, 6, 1],
			['a', 7, 3, 2],
			['b', 6, 4, 3],
			['d', 3, 2, 4],
		]);
	});

	it('count the points a points column gives instead', () => {
		const election = handMade('ordinal-points.pb');
		expect(scoresOf(election)).toEqual({ a: 11, b: 7, c: 9 });
		expect(tallyInputFor(election).warnings).toEqual([]);
		expect(tally(tallyInputFor(election).input).selected).toEqual(['a', 'c']);
	});

	it('accept scoring_fn Borda and refuse another, naming it', () => {
		const borda = edited('ordinal-borda.pb', [/^rule;greedy$/m, 'rule;greedy\nscoring_fn;Borda']);
		expect(scoresOf(borda)).toEqual({ a: 7, b: 6, c: 8, d: 3 });
		const dowdall = edited('ordinal-borda.pb', [/^rule;greedy$/m, 'rule;greedy\nscoring_fn;Dowdall']);
		const error = errorOf(() => tallyInputFor(dowdall));
		expect(error.code).toBe('unsupported_vote_type');
		expect(error.message).toBe(
			'scoring_fn "Dowdall" is not supported; ranked ballots are scored by Borda ' +
				'(k points for the first of k ranked projects, down to 1 for the last) or by their points column',
		);
	});

	it('refuse a ranking that names a project twice', () => {
		const twice = edited('ordinal-borda.pb', [/^1;a,b,c$/m, '1;a,b,a']);
		expect(errorOf(() => tallyInputFor(twice))).toMatchObject({ code: 'bad_ballot', message: 'voter 1 ranks a project twice: a,b,a' });
	});

	it('are refused with equal shares, whose utility for rankings the format does not fix', () => {
		const error = errorOf(() => tallyInputFor(handMade('ordinal-borda.pb'), { rule: 'equalshares/add1' }));
		expect(error.code).toBe('unsupported_vote_type');
		expect(error.message).toMatch(/^equalshares\/add1 with ordinal ballots is not supported: .* not guessed$/);
	});
});

describe('choose-1 ballots', () => {
	it('count one vote per ballot and go by the file rule (greedy-no-skip stops at b)', () => {
		const election = handMade('choose-1.pb');
		const { input, voteType, warnings } = tallyInputFor(election);
		expect([voteType, input.scores, warnings]).toEqual(['choose-1', undefined, []]);
		const result = tally(input);
		expect(result.selected).toEqual(['a']);
		expect(result.projects.map((p) => [p.id, p.votes, p.reason])).toEqual([
			['a', 3, null],
			['b', 2, 'did_not_fit'],
			['c', 1, 'stopped'],
		]);
		expect(tally(tallyInputFor(election, { rule: 'greedy' }).input).selected).toEqual(['a', 'c']);
	});

	it('are approval ballots of one project for equal shares', () => {
		const result = tally(tallyInputFor(handMade('choose-1.pb'), { rule: 'equalshares/add1' }).input);
		expect(result.selected).toEqual(['b', 'c']);
	});

	it('refuse a ballot that chooses two projects', () => {
		const two = edited('choose-1.pb', [/^6;c$/m, '6;c,a']);
		expect(errorOf(() => tallyInputFor(two))).toMatchObject({
			code: 'bad_ballot',
			message: 'voter 6 chooses 2 projects on a choose-1 ballot',
		});
	});
});

describe('cumulative ballots', () => {
	it('score the sum of points, and greedy-threshold compares the score with the threshold', () => {
		const election = handMade('cumulative.pb');
		expect(scoresOf(election)).toEqual({ a: 6, b: 9, c: 10, d: 5 });
		const result = tally(tallyInputFor(election).input);
		expect(result.selected).toEqual(['c', 'b']);
		expect(result.cost).toBe(80);
		expect(result.projects.map((p) => [p.id, p.score, p.votes, p.reason])).toEqual([
			['c', 10, 2, null],
			['b', 9, 2, null],
			['a', 6, 1, 'did_not_fit'],
			['d', 5, 1, 'below_threshold'],
		]);
	});

	it('need whole non-negative points', () => {
		const half = edited('cumulative.pb', [/^1;a,b;6,4$/m, '1;a,b;5.5,4.5']);
		expect(errorOf(() => tallyInputFor(half))).toMatchObject({
			code: 'bad_number',
			message: 'voter 1 gives 5.5 points; points must be whole non-negative numbers',
		});
	});

	it('need a points column', () => {
		const text = handMadeText('cumulative.pb').replace('voter_id;vote;points', 'voter_id;vote;pts');
		expect(errorOf(() => tallyInputFor(parsePabulib(text))).message).toBe('cumulative VOTES need a points column');
	});
});

describe("the file's own counts", () => {
	it('are checked against the ballots, and every disagreement is a warning, not hidden', () => {
		const election = edited(
			'ordinal-borda.pb',
			[/^num_votes;8$/m, 'num_votes;9'],
			[/^a;60;3;7;/m, 'a;60;4;9;'],
			[/^b;50;4;6;/m, 'b;50;4;;'],
		);
		expect(tallyInputFor(election).warnings).toEqual([
			'META num_votes is 9 but VOTES has 8 ballots',
			'the votes column disagrees with the ballots for 1 project of 4 (first: project a says 4, the ballots give 3)',
			'the score column disagrees with the ballots for 2 projects of 4 (first: project a says 9, the ballots give 7)',
		]);
		expect(tally(tallyInputFor(election).input).selected).toEqual(['c', 'a']);
	});
});

describe('other vote types and rules', () => {
	it('are refused with a reason that names them', () => {
		const scoring = edited('cumulative.pb', [/^vote_type;cumulative$/m, 'vote_type;scoring']);
		expect(errorOf(() => tallyInputFor(scoring)).message).toBe(
			'vote_type scoring is not supported; supported vote types: approval, choose-1, cumulative, ordinal',
		);
		const phragmen = errorOf(() => tallyInputFor(handMade('choose-1.pb'), { rule: 'phragmen' }));
		expect([phragmen.code, phragmen.message]).toEqual([
			'unsupported_rule',
			'rule "phragmen" is not supported; supported rules: greedy, greedy-no-skip, greedy-threshold, equalshares/add1',
		]);
	});
});
