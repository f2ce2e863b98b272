/**
 * Replays the real elections in tests/fixtures/pabulib/real and compares the tally with what each city funded.
 */
import { describe, expect, it } from 'vitest';
import {
	electionToWritable,
	PabulibError,
	parsePabulib,
	tallyInputFor,
	writePabulib,
	type PbElection,
} from '../../../src/lib/server/menus/pabulib';
import { tally } from '../../../src/lib/server/menus/tally';
import { published, real, realFiles } from '../pabulib/fixtures';

const files = realFiles();

function sorted(ids: string[]): string[] {
	return [...ids].sort();
}

function pabulibErrorOf(action: () => unknown): PabulibError {
	try {
		action();
	} catch (error) {
		if (error instanceof PabulibError) return error;
		throw error;
	}
	throw new Error('expected a PabulibError');
}

function hasSelectedColumn(election: PbElection): boolean {
	return election.projects.every((project) => project.columns.selected !== undefined);
}

/** What the files themselves get wrong: their counts against their own ballots. */
const KNOWN_WARNINGS: Record<string, string[]> = {
	'Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb': [
		'the votes column disagrees with the ballots for 1 project of 13 (first: project 174 says 39, the ballots give 38)',
	],
};

it('finds the nine shared elections and the nine added for decimals, vote types, thresholds and ties', () => {
	expect(files).toEqual([
		'Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb',
		'Netherlands_Assen_2024.pb',
		'Poland_Czestochowa_2020_Bleszno.pb',
		'Poland_Czestochowa_2025_Podjasnogorska.pb',
		'Poland_Gdynia_2020.pb',
		'Poland_Gdynia_2020_Babie_Doly__small.pb',
		'Poland_Gdynia_2020_Orlowo__small.pb',
		'Poland_Krakow_2021_Bienczyce.pb',
		'Poland_Krakow_2024_Lagiewniki-Borek_Falecki.pb',
		'Poland_Lodz_2020_Andrzejow.pb',
		'Poland_Swiecie_2023.pb',
		'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb',
		'Poland_Warszawa_2017_Przyczolek_Grochowski.pb',
		'Poland_Warszawa_2018_Przyczolek_Grochowski.pb',
		'Poland_Warszawa_2019_Falenica.pb',
		'Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb',
		'Poland_Wroclaw_2017_Rejon_nr_11_750.pb',
		'US_Stanford_Dataset_PB_Dieppe_2015_vote_rankings.pb',
	]);
});

describe.each(files)('%s', (name) => {
	it('parses, and its META counts, votes and score columns agree with its ballots or a warning says where not', () => {
		const election = real(name);
		expect(election.projects).toHaveLength(Number(election.meta.num_projects));
		expect(election.votes).toHaveLength(Number(election.meta.num_votes));
		expect(tallyInputFor(election, { rule: 'greedy' }).warnings).toEqual(KNOWN_WARNINGS[name] ?? []);
	});

	it('survives a write and parse round trip', () => {
		const election = real(name);
		expect(parsePabulib(writePabulib(electionToWritable(election)))).toEqual(election);
	});

	it('tallies with its own rule as the city did, or says clearly why it cannot', () => {
		const election = real(name);
		if (election.meta.rule === 'unknown') {
			expect(pabulibErrorOf(() => tallyInputFor(election)).code).toBe('unsupported_rule');
			return;
		}
		const result = tally(tallyInputFor(election, { ties: 'listed' }).input);
		expect(result.cost).toBeLessThanOrEqual(election.budget as number);
		if (hasSelectedColumn(election)) expect(sorted(result.selected)).toEqual(published(election));
	});
});

it('checks the funded projects of every file that records them', () => {
	const recorded = files.filter((name) => real(name).meta.rule !== 'unknown' && hasSelectedColumn(real(name)));
	expect(recorded).toEqual([
		'Netherlands_Assen_2024.pb',
		'Poland_Czestochowa_2025_Podjasnogorska.pb',
		'Poland_Gdynia_2020.pb',
		'Poland_Gdynia_2020_Babie_Doly__small.pb',
		'Poland_Gdynia_2020_Orlowo__small.pb',
		'Poland_Krakow_2021_Bienczyce.pb',
		'Poland_Krakow_2024_Lagiewniki-Borek_Falecki.pb',
		'Poland_Lodz_2020_Andrzejow.pb',
		'Poland_Swiecie_2023.pb',
		'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb',
		'Poland_Warszawa_2017_Przyczolek_Grochowski.pb',
		'Poland_Warszawa_2018_Przyczolek_Grochowski.pb',
		'Poland_Warszawa_2019_Falenica.pb',
		'Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb',
		'Poland_Wroclaw_2017_Rejon_nr_11_750.pb',
	]);
});

describe('Assen 2024 (equalshares/add1)', () => {
	const election = () => real('Netherlands_Assen_2024.pb');

	it('funds 2, 3, 5, 6, 9, 11, 12, 13 and 14 for EUR 76,700 with a per-voter share of 2,033.48', () => {
		const result = tally(tallyInputFor(election()).input);
		expect(sorted(result.selected)).toEqual(sorted(['2', '3', '5', '6', '9', '11', '12', '13', '14']));
		expect(result.cost).toBe(76_700);
		expect(result.equalShares?.perVoterShare.toFixed(2)).toBe('2033.48');
	});

	it('would fund 2, 3, 8, 9, 11, 13 and 14 under plain greedy', () => {
		const result = tally(tallyInputFor(election(), { rule: 'greedy' }).input);
		expect(sorted(result.selected)).toEqual(sorted(['2', '3', '8', '9', '11', '13', '14']));
	});
});

describe('Świecie 2023 (equalshares/add1)', () => {
	it('funds 17 projects for 1,040,337 PLN with a per-voter share of 645.11', () => {
		const result = tally(tallyInputFor(real('Poland_Swiecie_2023.pb')).input);
		expect(result.selected).toHaveLength(17);
		expect(result.cost).toBe(1_040_337);
		expect(result.equalShares?.perVoterShare.toFixed(2)).toBe('645.11');
	});
});

describe('Gdynia 2020 (greedy-no-skip)', () => {
	it('stops after project 2, although greedy would go on to fund more', () => {
		const election = real('Poland_Gdynia_2020.pb');
		expect(tally(tallyInputFor(election).input).selected).toEqual(['2']);
		expect(tally(tallyInputFor(election, { rule: 'greedy' }).input).selected).toEqual(['2', '13', '1']);
	});
});

describe('Częstochowa 2020 Błeszno (cumulative, greedy by score)', () => {
	// The file has no selected column; its score column is what the city counted.
	const election = () => real('Poland_Czestochowa_2020_Bleszno.pb');

	it('scores every project with the sum of its points, as the score column says', () => {
		const scores = tallyInputFor(election()).input.scores;
		for (const project of election().projects) expect(scores?.get(project.id)).toBe(Number(project.columns.score));
	});

	it('funds by score, skipping what does not fit', () => {
		const result = tally(tallyInputFor(election()).input);
		expect(result.selected).toEqual(['567', '408', '571', '281']);
		expect(result.projects[0]).toMatchObject({ id: '567', score: 732, votes: 95, rank: 1 });
	});

	it('is refused with equal shares, whose utility for points the format does not fix', () => {
		const error = pabulibErrorOf(() => tallyInputFor(election(), { rule: 'equalshares/add1' }));
		expect(error.code).toBe('unsupported_vote_type');
		expect(error.message).toMatch(/^equalshares\/add1 with cumulative ballots is not supported: /);
	});
});

describe('Dieppe 2018 (approval, rule unknown)', () => {
	const election = () => real('Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb');

	it('names the unknown rule instead of guessing', () => {
		expect(election().meta.rule).toBe('unknown');
		const error = pabulibErrorOf(() => tallyInputFor(election()));
		expect(error.code).toBe('unsupported_rule');
		expect(error.message).toBe(
			'rule "unknown" is not supported: the file does not know which rule the city used; ' +
				'supported rules: greedy, greedy-no-skip, greedy-threshold, equalshares/add1',
		);
	});

	it('tallies with greedy when asked, as its comment says the city most likely did', () => {
		const result = tally(tallyInputFor(election(), { rule: 'greedy' }).input);
		expect(result.selected).toEqual(['780', '792', '786', '791', '787']);
		expect(result.cost).toBe(178_000);
	});
});

describe('Dieppe 2015 (ordinal, rule unknown)', () => {
	const election = () => real('US_Stanford_Dataset_PB_Dieppe_2015_vote_rankings.pb');

	it('is refused for its unknown rule', () => {
		expect(pabulibErrorOf(() => tallyInputFor(election())).code).toBe('unsupported_rule');
	});

	it('scores each five-project ranking 5, 4, 3, 2, 1, as its score column says', () => {
		const { input, voteType } = tallyInputFor(election(), { rule: 'greedy' });
		expect(voteType).toBe('ordinal');
		for (const project of election().projects) expect(input.scores?.get(project.id)).toBe(Number(project.columns.score));
		const result = tally(input);
		expect(result.projects.slice(0, 2)).toMatchObject([
			{ id: '252', score: 936, votes: 308 },
			{ id: '247', score: 817, votes: 273 },
		]);
	});
});
