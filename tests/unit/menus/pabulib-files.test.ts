/**
 * Replays the real elections in ../shared/pabulib and compares the tally with what each city funded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	electionToWritable,
	PabulibError,
	parsePabulib,
	toTallyInput,
	writePabulib,
	type PbElection,
} from '../../../src/lib/server/menus/pabulib';
import { RULE_NAMES, tally } from '../../../src/lib/server/menus/tally';

const folder = path.resolve(process.cwd(), '../shared/pabulib');
const files = readdirSync(folder)
	.filter((name) => name.endsWith('.pb'))
	.sort();

const cache = new Map<string, PbElection>();
function load(name: string): PbElection {
	if (!cache.has(name)) cache.set(name, parsePabulib(readFileSync(path.join(folder, name), 'utf8')));
	return cache.get(name) as PbElection;
}

function funded(election: PbElection): string[] {
	return election.projects.filter((project) => project.columns.selected === '1').map((project) => project.id).sort();
}

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

/** Approval ballots with one of the four rules, or cumulative ballots with a greedy rule. */
function isSupported(election: PbElection): boolean {
	const { vote_type: voteType, rule } = election.meta;
	if (!(RULE_NAMES as readonly string[]).includes(rule)) return false;
	return voteType === 'approval' || (voteType === 'cumulative' && rule.startsWith('greedy'));
}

function hasSelectedColumn(election: PbElection): boolean {
	return election.projects.every((project) => project.columns.selected !== undefined);
}

it('finds the nine shared files', () => {
	expect(files).toHaveLength(9);
});

describe.each(files)('%s', (name) => {
	it('parses, and agrees with its own META counts and votes column', () => {
		const election = load(name);
		expect(election.projects).toHaveLength(Number(election.meta.num_projects));
		expect(election.votes).toHaveLength(Number(election.meta.num_votes));
		const approvals = new Map<string, number>();
		for (const vote of election.votes) for (const id of vote.vote) approvals.set(id, (approvals.get(id) ?? 0) + 1);
		for (const project of election.projects) {
			if (project.columns.votes !== undefined) expect(approvals.get(project.id) ?? 0).toBe(Number(project.columns.votes));
		}
	});

	it('survives a write and parse round trip', () => {
		const election = load(name);
		expect(parsePabulib(writePabulib(electionToWritable(election)))).toEqual(election);
	});

	it('tallies with its own rule as the city did, or says clearly why it cannot', () => {
		const election = load(name);
		if (!isSupported(election)) {
			expect(pabulibErrorOf(() => toTallyInput(election)).code).toMatch(/^unsupported_(rule|vote_type)$/);
			return;
		}
		const result = tally(toTallyInput(election));
		expect(result.cost).toBeLessThanOrEqual(Number(election.meta.budget));
		if (hasSelectedColumn(election)) expect(sorted(result.selected)).toEqual(funded(election));
	});
});

it('checks the funded projects of every file that records them', () => {
	const recorded = files.filter((name) => isSupported(load(name)) && hasSelectedColumn(load(name)));
	expect(recorded).toEqual([
		'Netherlands_Assen_2024.pb',
		'Poland_Gdynia_2020.pb',
		'Poland_Lodz_2020_Andrzejow.pb',
		'Poland_Swiecie_2023.pb',
		'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb',
		'Poland_Warszawa_2019_Falenica.pb',
	]);
});

describe('Assen 2024 (equalshares/add1)', () => {
	const election = () => load('Netherlands_Assen_2024.pb');

	it('funds 2, 3, 5, 6, 9, 11, 12, 13 and 14 for EUR 76,700 with a per-voter share of 2,033.48', () => {
		const result = tally(toTallyInput(election()));
		expect(sorted(result.selected)).toEqual(sorted(['2', '3', '5', '6', '9', '11', '12', '13', '14']));
		expect(result.cost).toBe(76_700);
		expect(result.equalShares?.perVoterShare.toFixed(2)).toBe('2033.48');
	});

	it('would fund 2, 3, 8, 9, 11, 13 and 14 under plain greedy', () => {
		const result = tally(toTallyInput(election(), 'greedy'));
		expect(sorted(result.selected)).toEqual(sorted(['2', '3', '8', '9', '11', '13', '14']));
	});
});

describe('Świecie 2023 (equalshares/add1)', () => {
	it('funds 17 projects for 1,040,337 PLN with a per-voter share of 645.11', () => {
		const result = tally(toTallyInput(load('Poland_Swiecie_2023.pb')));
		expect(result.selected).toHaveLength(17);
		expect(result.cost).toBe(1_040_337);
		expect(result.equalShares?.perVoterShare.toFixed(2)).toBe('645.11');
	});
});

describe('Gdynia 2020 (greedy-no-skip)', () => {
	it('stops after project 2, although greedy would go on to fund more', () => {
		const election = load('Poland_Gdynia_2020.pb');
		expect(tally(toTallyInput(election)).selected).toEqual(['2']);
		expect(tally(toTallyInput(election, 'greedy')).selected).toEqual(['2', '13', '1']);
	});
});

describe('Częstochowa 2020 Błeszno (cumulative, greedy by score)', () => {
	// The file has no selected column; its score column is what the city counted.
	const election = () => load('Poland_Czestochowa_2020_Bleszno.pb');

	it('scores every project with the sum of its points, as the score column says', () => {
		const scores = toTallyInput(election()).scores;
		for (const project of election().projects) expect(scores?.get(project.id)).toBe(Number(project.columns.score));
	});

	it('funds by score, skipping what does not fit', () => {
		const result = tally(toTallyInput(election()));
		expect(result.selected).toEqual(['567', '408', '571', '281']);
		expect(result.projects[0]).toMatchObject({ id: '567', score: 732, votes: 95, rank: 1 });
	});

	it('is refused with equal shares, which needs approval ballots', () => {
		expect(pabulibErrorOf(() => toTallyInput(election(), 'equalshares/add1')).code).toBe('unsupported_vote_type');
	});
});

describe('Dieppe 2018 (approval, rule unknown)', () => {
	const election = () => load('Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb');

	it('names the unknown rule instead of guessing', () => {
		expect(election().meta.rule).toBe('unknown');
		const error = pabulibErrorOf(() => toTallyInput(election()));
		expect(error.code).toBe('unsupported_rule');
		expect(error.message).toMatch(/^rule "unknown" is not supported; supported rules: greedy, /);
	});

	it('tallies with greedy when asked, as its comment says the city most likely did', () => {
		const result = tally(toTallyInput(election(), 'greedy'));
		expect(result.selected).toEqual(['780', '792', '786', '791', '787']);
		expect(result.cost).toBe(178_000);
	});
});

describe('Dieppe 2015 (ordinal)', () => {
	it('is refused with a clear error naming the vote type', () => {
		const election = load('US_Stanford_Dataset_PB_Dieppe_2015_vote_rankings.pb');
		const error = pabulibErrorOf(() => toTallyInput(election, 'greedy'));
		expect(error.code).toBe('unsupported_vote_type');
		expect(error.message).toMatch(/^vote_type ordinal is not supported/);
	});
});
