import { describe, expect, it } from 'vitest';
import { compareProjectIds, tally, type RuleName, type TallyInput } from '../../../src/lib/server/menus/tally';
import { referenceEqualSharesAdd1 } from './mes-reference';

/** costs: id → cost; ballots: one comma-separated string per voter ('' = approves nothing). */
function election(budget: number, costs: Record<string, number>, ballots: string[], rule: RuleName): TallyInput {
	return {
		budget,
		projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })),
		ballots: ballots.map((ballot) => (ballot === '' ? [] : ballot.split(','))),
		rule,
	};
}

function reasons(result: ReturnType<typeof tally>): Record<string, string | null> {
	return Object.fromEntries(result.projects.map((project) => [project.id, project.reason]));
}

/** A small seeded generator (mulberry32) so that a failing random election can be replayed. */
function seededRandom(start: number): () => number {
	let seed = start;
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// a: 3 votes, b: 2 votes, c: 1 vote.
const abc = ['a,b,c', 'a,b', 'a'];

describe('greedy', () => {
	it('funds projects in vote order, skipping one that does not fit', () => {
		const result = tally(election(10, { a: 6, b: 5, c: 4 }, abc, 'greedy'));
		expect(result.selected).toEqual(['a', 'c']);
		expect(result.cost).toBe(10);
		expect(result.voters).toBe(3);
		expect(reasons(result)).toEqual({ a: null, b: 'did_not_fit', c: null });
		expect(result.projects.map((p) => [p.id, p.votes, p.rank])).toEqual([
			['a', 3, 1],
			['b', 2, 2],
			['c', 1, 3],
		]);
	});

	it('puts the cheaper project first on equal votes', () => {
		const result = tally(election(5, { big: 5, small: 3 }, ['big,small', 'big,small'], 'greedy'));
		expect(result.selected).toEqual(['small']);
		expect(result.projects.map((p) => p.id)).toEqual(['small', 'big']);
	});

	it('breaks full ties by id, numerically when both ids are numbers', () => {
		const numeric = tally(election(4, { '10': 4, '9': 4 }, ['10,9'], 'greedy'));
		expect(numeric.selected).toEqual(['9']);
		const text = tally(election(4, { b: 4, a10: 4 }, ['b,a10'], 'greedy'));
		expect(text.selected).toEqual(['a10']);
	});

	it('ignores a project named twice on one ballot', () => {
		const result = tally(election(10, { a: 6, b: 6 }, ['a,a,a', 'b', 'b'], 'greedy'));
		expect(result.projects.find((p) => p.id === 'a')?.votes).toBe(1);
		expect(result.selected).toEqual(['b']);
	});

	it('orders by the given scores instead of approvals', () => {
		const input = election(6, { a: 6, c: 4 }, ['a', 'a', 'c'], 'greedy');
		input.scores = new Map([
			['a', 2],
			['c', 9],
		]);
		const result = tally(input);
		expect(result.selected).toEqual(['c']);
		expect(result.projects.map((p) => [p.id, p.score, p.votes])).toEqual([
			['c', 9, 1],
			['a', 2, 2],
		]);
	});

	it('rejects a ballot naming an unknown project, as a caller bug', () => {
		expect(() => tally(election(10, { a: 1 }, ['a,zz'], 'greedy'))).toThrow(/unknown project zz/);
	});

	it('rejects fractional or negative costs', () => {
		expect(() => tally(election(10, { a: 1.5 }, ['a'], 'greedy'))).toThrow(RangeError);
		expect(() => tally(election(-1, { a: 1 }, ['a'], 'greedy'))).toThrow(RangeError);
	});
});

describe('compareProjectIds', () => {
	it('compares digit strings as numbers of any length and everything else by code units', () => {
		const ids = ['10', '9', '0010', 'b', 'a', '123456789012345678901234567890', '2'];
		// "0010" and "10" are the same number, so code-unit order decides between them.
		expect([...ids].sort(compareProjectIds)).toEqual(['2', '9', '0010', '10', '123456789012345678901234567890', 'a', 'b']);
	});
});

describe('greedy-no-skip', () => {
	it('stops at the first project that does not fit', () => {
		const result = tally(election(10, { a: 6, b: 5, c: 4 }, abc, 'greedy-no-skip'));
		expect(result.selected).toEqual(['a']);
		expect(reasons(result)).toEqual({ a: null, b: 'did_not_fit', c: 'stopped' });
	});
});

describe('greedy-no-skip with a threshold', () => {
	it('does not fund a project below the threshold even where it would fit', () => {
		const input = election(20, { a: 6, b: 5, c: 4 }, abc, 'greedy-no-skip');
		expect(tally(input).selected).toEqual(['a', 'b', 'c']);
		const result = tally({ ...input, minVotes: 2 });
		expect(result.selected).toEqual(['a', 'b']);
		expect(reasons(result)).toEqual({ a: null, b: null, c: 'below_threshold' });
	});
});

describe('withdrawn projects', () => {
	it('are never funded, and greedy-no-skip goes on past them', () => {
		const ballots = ['gone,a,b', 'gone,a', 'gone'];
		const input = { ...election(10, { gone: 999, a: 6, b: 4 }, ballots, 'greedy-no-skip'), withdrawn: ['gone'] };
		const result = tally(input);
		expect(result.selected).toEqual(['a', 'b']);
		expect(reasons(result)).toEqual({ gone: 'did_not_fit', a: null, b: null });
		expect(tally({ ...input, rule: 'greedy' }).selected).toEqual(['a', 'b']);
	});

	it('are never funded by equal shares either', () => {
		const input = { ...election(10, { gone: 3, a: 6 }, ['gone', 'gone', 'a'], 'equalshares/add1'), withdrawn: ['gone'] };
		expect(tally({ ...input, withdrawn: [] }).selected).toEqual(['gone', 'a']);
		expect(tally(input).selected).toEqual(['a']);
		expect(() => tally({ ...input, withdrawn: ['zz'] })).toThrow(/withdrawn project zz/);
	});
});

describe('ties', () => {
	// b and c both have 2 votes; b is listed first and costs more.
	const input = election(9, { a: 4, b: 5, c: 3 }, ['a,b,c', 'a,b,c', 'a'], 'greedy');

	it('go to the cheaper project by default', () => {
		expect(tally(input).selected).toEqual(['a', 'c']);
	});

	it("go to the project listed first with ties: 'listed', as a city's file orders them", () => {
		const result = tally({ ...input, ties: 'listed' });
		expect(result.selected).toEqual(['a', 'b']);
		expect(result.projects.map((p) => [p.id, p.rank])).toEqual([
			['a', 1],
			['b', 2],
			['c', 3],
		]);
	});
});

describe('greedy-threshold', () => {
	it('leaves out projects below the threshold, keeping those exactly at it', () => {
		const input = { ...election(20, { a: 6, b: 5, c: 4 }, abc, 'greedy-threshold'), minVotes: 2 };
		const result = tally(input);
		expect(result.selected).toEqual(['a', 'b']);
		expect(reasons(result)).toEqual({ a: null, b: null, c: 'below_threshold' });
	});

	it('compares the given scores with the threshold, not the votes', () => {
		const input = { ...election(20, { a: 6, b: 5, c: 4 }, abc, 'greedy-threshold'), minVotes: 5 };
		input.scores = new Map([
			['a', 9],
			['b', 4],
			['c', 5],
		]);
		expect(tally(input).selected).toEqual(['a', 'c']);
	});
});

describe('amounts in minor units (fen, grosze)', () => {
	it('counts a budget of 308151.26 in grosze exactly, to the last grosz', () => {
		const costs = { roof: 25_251_339, benches: 5_563_787, grosz: 1 };
		const fits = election(30_815_126, costs, ['roof,benches,grosz', 'roof,benches', 'roof'], 'greedy');
		const result = tally({ ...fits, unit: 100 });
		expect(result.selected).toEqual(['roof', 'benches']);
		expect(result.cost).toBe(30_815_126);
		expect(reasons(result).grosz).toBe('did_not_fit');
	});

	it('raises every voter by one currency unit (unit minor units) per Add1 round', () => {
		// The majority/minority election of the equal-shares tests, in fen: the same outcome, and 3 rounds of 1 yuan.
		const ballots = [...Array(6).fill('x,y'), ...Array(4).fill('z')];
		const inFen = election(10_000, { x: 5_000, y: 5_000, z: 5_000 }, ballots, 'equalshares/add1');
		const result = tally({ ...inFen, unit: 100 });
		expect(result.selected).toEqual(['x', 'z']);
		expect(result.equalShares).toEqual({ virtualBudget: 13_000, perVoterShare: 1_300, increments: 3 });
	});

	it('refuses a unit that is not a positive whole number, as a caller bug', () => {
		expect(() => tally({ ...election(10, { a: 1 }, ['a'], 'greedy'), unit: 0 })).toThrow(RangeError);
		expect(() => tally({ ...election(10, { a: 1 }, ['a'], 'greedy'), unit: 2.5 })).toThrow(RangeError);
	});
});

describe('equalshares/add1', () => {
	// Six voters want x and y, four want z: greedy gives the majority everything.
	const majorityAndMinority = (rule: RuleName) =>
		election(100, { x: 50, y: 50, z: 50 }, [...Array(6).fill('x,y'), ...Array(4).fill('z')], rule);

	it('gives the minority its share where greedy does not', () => {
		expect(tally(majorityAndMinority('greedy')).selected).toEqual(['x', 'y']);
		const result = tally(majorityAndMinority('equalshares/add1'));
		expect(result.selected).toEqual(['x', 'z']);
		expect(reasons(result)).toEqual({ x: null, y: 'not_affordable', z: null });
	});

	it('raises every share by one unit until the outcome is exhaustive', () => {
		// With 10 each, z's four backers hold 40 < 50; at 13 each they hold 52.
		const details = tally(majorityAndMinority('equalshares/add1')).equalShares;
		expect(details).toEqual({ virtualBudget: 130, perVoterShare: 13, increments: 3 });
	});

	it('keeps the last outcome that fits and does no greedy fill-up', () => {
		// a (60) by voters 0,1; b (50) by voter 2; c (30) by voter 0. Budget 100, three voters.
		// a is bought first; b joins once voter 2 holds 50 (share 50.33 after 17 increments), which costs 110 > 100.
		// So the kept outcome is a alone, from 16 increments, although c would still fit.
		const result = tally(election(100, { a: 60, b: 50, c: 30 }, ['a,c', 'a', 'b'], 'equalshares/add1'));
		expect(result.selected).toEqual(['a']);
		expect(result.cost).toBe(60);
		expect(result.equalShares?.increments).toBe(16);
	});

	it('prefers the lower cost on equal effective votes, then the lower id', () => {
		const byCost = tally(election(20, { p: 10, q: 8 }, ['p', 'q'], 'equalshares/add1'));
		expect(byCost.selected).toEqual(['q', 'p']);
		const byId = tally(election(20, { '10': 10, '9': 10 }, ['10', '9'], 'equalshares/add1'));
		expect(byId.selected).toEqual(['9', '10']);
	});

	it('is exact: ten shares of 1/10 buy a project costing 1', () => {
		// In floating point 0.1 added ten times is 0.9999999999999999, which would call it unaffordable.
		const result = tally(election(1, { one: 1 }, Array(10).fill('one'), 'equalshares/add1'));
		expect(result.selected).toEqual(['one']);
		expect(result.equalShares?.increments).toBe(0);
	});

	it('funds free projects that someone wants, and never projects nobody wants', () => {
		const result = tally(election(5, { free: 0, lonely: 1, wanted: 5 }, ['free,wanted', 'wanted'], 'equalshares/add1'));
		expect(result.selected).toEqual(['free', 'wanted']);
		expect(reasons(result).lonely).toBe('not_affordable');
	});

	it('selects nothing without voters', () => {
		const result = tally(election(5, { a: 1 }, [], 'equalshares/add1'));
		expect(result.selected).toEqual([]);
		expect(result.voters).toBe(0);
	});

	it('agrees with the naive implementation on 200 random elections in fen (unit 100)', () => {
		const random = seededRandom(8151);
		const int = (max: number) => Math.floor(random() * (max + 1));
		for (let round = 0; round < 200; round++) {
			const ids = Array.from({ length: 1 + int(5) }, (_, i) => String(i + 1));
			const costs = Object.fromEntries(ids.map((id) => [id, int(4000)]));
			const ballots = Array.from({ length: 1 + int(7) }, () => ids.filter(() => random() < 0.5).join(','));
			const input = { ...election(int(8000), costs, ballots, 'equalshares/add1'), unit: 100 };
			const result = tally(input);
			expect({ round, selected: result.selected, increments: result.equalShares?.increments }).toEqual({
				round,
				...referenceEqualSharesAdd1(input),
			});
		}
	});

	it('agrees with a naive per-voter fraction implementation on 500 random elections', () => {
		const random = seededRandom(20240601);
		const int = (max: number) => Math.floor(random() * (max + 1));
		for (let round = 0; round < 500; round++) {
			const projectCount = 1 + int(7);
			const ids = Array.from({ length: projectCount }, (_, i) => String(i + 1));
			const costs = Object.fromEntries(ids.map((id) => [id, int(4) === 0 ? int(3) : 1 + int(40)]));
			const ballots = Array.from({ length: 1 + int(11) }, () => ids.filter(() => random() < 0.45).join(','));
			const input = election(int(80), costs, ballots, 'equalshares/add1');
			const expected = referenceEqualSharesAdd1(input);
			const result = tally(input);
			expect({ round, selected: result.selected, increments: result.equalShares?.increments }).toEqual({
				round,
				...expected,
			});
		}
	});
});
