/**
 * Budgets and costs with grosze, counted to the grosz: hand-made files where one grosz decides.
 */
import { describe, expect, it } from 'vitest';
import { formatPbAmount, parsePabulib, tallyInputFor } from '../../../src/lib/server/menus/pabulib';
import { tally } from '../../../src/lib/server/menus/tally';
import { handMade, realText } from './fixtures';

function tallied(name: string) {
	const election = handMade(name);
	const result = tally(tallyInputFor(election).input);
	return { election, result, cost: formatPbAmount(election, result.cost) };
}

describe('a budget of 308,151.26', () => {
	it('funds a project that fits only with the grosze counted exactly', () => {
		// 308151.26 − 252513.39 is 55637.869999999995 in floating point, less than project 2's 55637.87.
		expect(308151.26 - 252513.39 >= 55637.87).toBe(false);
		const { election, result, cost } = tallied('grosze-fit.pb');
		expect([election.budget, election.scale]).toEqual([30_815_126, 100]);
		expect(result.selected).toEqual(['1', '2']);
		expect(result.cost).toBe(30_815_126);
		expect(cost).toBe('308151.26');
		expect(result.projects.map((p) => [p.id, p.cost, p.reason])).toEqual([
			['1', 25_251_339, null],
			['2', 5_563_787, null],
			['3', 1, 'did_not_fit'],
		]);
	});

	it('skips a project that misses by 0.01 and funds the next that fits exactly', () => {
		const { result, cost } = tallied('grosze-miss.pb');
		expect(result.selected).toEqual(['1', '3']);
		expect(cost).toBe('308151.26');
		expect(result.projects.find((p) => p.id === '2')).toMatchObject({ cost: 5_563_788, reason: 'did_not_fit' });
	});
});

describe('equal shares with a budget in cents', () => {
	// Assen 2024 with one cent more in its budget: the amounts are now counted in cents.
	const text = realText('Netherlands_Assen_2024.pb').replace(/^budget;100000$/m, 'budget;100000.01');

	it('funds what Assen funded, raising every voter by one euro (100 cents) per Add1 round', () => {
		const election = parsePabulib(text);
		expect([election.budget, election.scale]).toEqual([10_000_001, 100]);
		const { input } = tallyInputFor(election);
		expect(input.unit).toBe(100);
		const result = tally(input);
		expect([...result.selected].sort()).toEqual(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
		expect(formatPbAmount(election, result.cost)).toBe('76700.00');
		expect(((result.equalShares?.perVoterShare ?? 0) / 100).toFixed(2)).toBe('2033.48');
	});
});

describe('whole-number files', () => {
	it('read exactly as before: scale 1, amounts as written', () => {
		const election = parsePabulib(realText('Netherlands_Assen_2024.pb'));
		expect([election.budget, election.scale]).toEqual([100_000, 1]);
		const result = tally(tallyInputFor(election).input);
		expect(result.cost).toBe(76_700);
		expect(formatPbAmount(election, result.cost)).toBe('76700');
	});
});
