/**
 * Real elections chosen for what they exercise: budgets with grosze, ranked ballots, choose-1, points, a
 * threshold under greedy-no-skip, a withdrawn project, a tie the city broke by its own order.
 */
import { describe, expect, it } from 'vitest';
import { formatPbAmount, tallyInputFor, type PbTallyOptions } from '../../../src/lib/server/menus/pabulib';
import { tally } from '../../../src/lib/server/menus/tally';
import { published, real } from './fixtures';

function tallied(name: string, options: PbTallyOptions = {}) {
	const election = real(name);
	const result = tally(tallyInputFor(election, options).input);
	return { election, result, cost: formatPbAmount(election, result.cost) };
}

describe('Kraków 2024 Łagiewniki-Borek Fałęcki (ranked, budget 1,607,513.56 PLN)', () => {
	const name = 'Poland_Krakow_2024_Lagiewniki-Borek_Falecki.pb';

	it('reads the budget in grosze and the costs on the same scale', () => {
		const election = real(name);
		expect([election.scale, election.budget]).toEqual([100, 160_751_356]);
		expect(election.projects[0]).toMatchObject({ id: 'BO.D9.6/24', cost: 64_300_500 });
	});

	it('scores three ranked choices 3, 2, 1, as its score column says', () => {
		const election = real(name);
		const { input, voteType } = tallyInputFor(election);
		expect(voteType).toBe('ordinal');
		for (const project of election.projects) expect(input.scores?.get(project.id)).toBe(Number(project.columns.score));
	});

	it('funds what the city funded, 1,603,005.00 PLN', () => {
		const { election, result, cost } = tallied(name);
		expect(result.selected).toEqual(['BO.D9.6/24', 'BO.D9.4/24', 'BO.D9.9/24', 'BO.D9.26/24']);
		expect([...result.selected].sort()).toEqual(published(election));
		expect(cost).toBe('1603005.00');
		expect(result.projects[0]).toMatchObject({ id: 'BO.D9.6/24', votes: 738, score: 1791, cost: 64_300_500 });
	});
});

describe('Kraków 2021 Bieńczyce (ranked ballots that carry their points)', () => {
	it('counts the points column, which gives 3, 2, 1 like the positions', () => {
		const election = real('Poland_Krakow_2021_Bienczyce.pb');
		expect(election.votes[0]).toMatchObject({ vote: ['15', '10', '34'], points: [3, 2, 1] });
		const { input } = tallyInputFor(election);
		for (const project of election.projects) expect(input.scores?.get(project.id)).toBe(Number(project.columns.score));
		const result = tally(input);
		expect(result.selected).toEqual(['4', '6', '10', '5', '8', '34', '11', '27']);
		expect(result.cost).toBe(1_219_597);
	});
});

describe('Warszawa Przyczółek Grochowski (approval, budgets with grosze)', () => {
	it('2017, greedy: funds 1772 and 1774 for 101,500.00 of 102,533.36 PLN', () => {
		const { election, result, cost } = tallied('Poland_Warszawa_2017_Przyczolek_Grochowski.pb');
		expect(election.budget).toBe(10_253_336);
		expect(result.selected).toEqual(['1772', '1774']);
		expect(cost).toBe('101500.00');
		expect(formatPbAmount(election, election.budget as number)).toBe('102533.36');
	});

	it('2018, greedy-threshold: funds 330 for 65,000.00 of 106,165.64 PLN', () => {
		const { result, cost } = tallied('Poland_Warszawa_2018_Przyczolek_Grochowski.pb');
		expect(result.selected).toEqual(['330']);
		expect(cost).toBe('65000.00');
	});
});

describe('Gdynia 2020 Orłowo, small projects (greedy-no-skip with a threshold of 50 votes)', () => {
	it('does not fund project 2 (43 votes), although it would fit', () => {
		const { election, result } = tallied('Poland_Gdynia_2020_Orlowo__small.pb');
		expect(result.selected).toEqual(['8', '7', '1', '6']);
		expect([...result.selected].sort()).toEqual(published(election));
		expect(result.projects.find((project) => project.id === '2')).toMatchObject({ votes: 43, reason: 'below_threshold' });
		const { minVotes, ...withoutThreshold } = tallyInputFor(election).input;
		expect(minVotes).toBe(50);
		expect(tally(withoutThreshold).selected).toEqual(['8', '7', '1', '6', '2']);
	});
});

describe('Gdynia 2020 Babie Doły, small projects (a tie at 101 votes)', () => {
	const name = 'Poland_Gdynia_2020_Babie_Doly__small.pb';

	it('funds 1, listed before 5, as the city did, when ties keep the file order', () => {
		const { election, result } = tallied(name, { ties: 'listed' });
		expect(result.selected).toEqual(['4', '2', '1']);
		expect([...result.selected].sort()).toEqual(published(election));
	});

	it('funds the cheaper 5 by the default tie-break, and then stops', () => {
		expect(tallied(name).result.selected).toEqual(['4', '2', '5']);
	});
});

describe('Wrocław 2017 district 11 (choose-1, greedy-no-skip, a withdrawn project)', () => {
	it('passes over withdrawn project 150 (cost 999999999) instead of stopping there, and funds 425', () => {
		const { election, result } = tallied('Poland_Wroclaw_2017_Rejon_nr_11_750.pb');
		expect(tallyInputFor(election).voteType).toBe('choose-1');
		expect(result.selected).toEqual(['425']);
		expect(result.projects.slice(0, 2)).toMatchObject([
			{ id: '150', votes: 454, selected: false, reason: 'did_not_fit' },
			{ id: '425', votes: 395, selected: true },
		]);
		expect(tallyInputFor(election).input.withdrawn).toEqual(['150']);
	});
});

describe('Częstochowa 2025 Podjasnogórska (cumulative, greedy-threshold of 300 points)', () => {
	it('funds by points what the city funded', () => {
		const { election, result } = tallied('Poland_Czestochowa_2025_Podjasnogorska.pb');
		expect(result.selected).toEqual(['557', '206', '28']);
		expect(result.cost).toBe(136_200);
		expect([...result.selected].sort()).toEqual(published(election));
		const scoreColumn = new Map(election.projects.map((project) => [project.id, Number(project.columns.score)]));
		for (const project of result.projects) expect(project.score).toBe(scoreColumn.get(project.id));
	});
});
