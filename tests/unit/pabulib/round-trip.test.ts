/**
 * parse → write → parse keeps an election as it was, amounts in their own notation included.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	electionToWritable,
	formatPbAmount,
	parsePabulib,
	writePabulib,
} from '../../../src/lib/server/menus/pabulib';
import { HAND_MADE, handMadeText } from './fixtures';

const files = readdirSync(HAND_MADE)
	.filter((name) => name.endsWith('.pb'))
	.sort();

it('has the hand-made files', () => {
	expect(files).toEqual([
		'choose-1.pb',
		'cumulative.pb',
		'grosze-fit.pb',
		'grosze-miss.pb',
		'ordinal-borda.pb',
		'ordinal-points.pb',
	]);
});

describe.each(files)('%s', (name) => {
	it('is written back byte for byte', () => {
		const text = handMadeText(name);
		expect(writePabulib(electionToWritable(parsePabulib(text)))).toBe(text);
	});

	it('parses again to the same election, amounts in the same minor units', () => {
		const election = parsePabulib(handMadeText(name));
		expect(parsePabulib(writePabulib(electionToWritable(election)))).toEqual(election);
	});
});

describe('amounts', () => {
	it('keep the notation they were written in, and minor units write back to it', () => {
		const election = parsePabulib(handMadeText('grosze-miss.pb'));
		const writable = electionToWritable(election);
		expect(writable.meta.budget).toBe('308151.26');
		expect(writable.projects.map((project) => project.cost)).toEqual(['252513.39', '55637.88', '55637.87']);
		expect(election.projects.map((project) => formatPbAmount(election, project.cost))).toEqual([
			'252513.39',
			'55637.88',
			'55637.87',
		]);
	});

	it('written from minor units parse back to the same minor units', () => {
		const election = parsePabulib(handMadeText('grosze-fit.pb'));
		const writable = electionToWritable(election);
		writable.meta.budget = formatPbAmount(election, election.budget as number);
		writable.projects = writable.projects.map((project, i) => ({
			...project,
			cost: formatPbAmount(election, election.projects[i].cost),
		}));
		const again = parsePabulib(writePabulib(writable));
		expect([again.budget, again.scale, again.projects.map((p) => p.cost)]).toEqual([
			30_815_126,
			100,
			[25_251_339, 5_563_787, 1],
		]);
	});
});
