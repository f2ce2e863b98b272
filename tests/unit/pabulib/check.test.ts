/**
 * `pb check`: one file's outcome against its published selected column, and the summary per vote type and rule.
 */
import { describe, expect, it } from 'vitest';
import { checkFolder, checkText, formatCheck, summarize } from '../../../src/scripts/pb-check';
import { HAND_MADE, handMadeText } from './fixtures';

describe('checkText', () => {
	it('says a file reproduces when the tally funds exactly the projects marked selected 1', () => {
		expect(checkText('fit.pb', handMadeText('grosze-fit.pb'))).toEqual({
			file: 'fit.pb',
			voteType: 'approval',
			rule: 'greedy',
			warnings: [],
			status: 'reproduced',
		});
	});

	it('names the first project where the tally and the file differ, and a tie that may explain it', () => {
		// As if the city had funded c although the count stops at b.
		const text = handMadeText('choose-1.pb').replace(/^c;20;1;0$/m, 'c;20;1;1');
		expect(checkText('c1.pb', text)).toMatchObject({
			status: 'differs',
			difference: { project: 'c', expected: 'selected', got: 'not selected (stopped)' },
		});
		// b now ties a at 3 votes and, cheaper, is funded first; the file says a.
		const tie = handMadeText('choose-1.pb').replace(/^6;c$/m, '6;b').replace(/^b;40;2;0$/m, 'b;40;3;0');
		expect(checkText('tie.pb', tie)).toMatchObject({
			status: 'differs',
			difference: { project: 'b', expected: 'not selected', got: 'selected', tiedWith: ['a'] },
		});
	});

	it('says why a file is refused, grouping it by the vote type and rule it claims', () => {
		const text = handMadeText('grosze-fit.pb').replace('budget;308151.26', 'budget;308151.265');
		expect(checkText('bad.pb', text)).toEqual({
			file: 'bad.pb',
			voteType: 'approval',
			rule: 'greedy',
			warnings: [],
			status: 'refused',
			code: 'bad_number',
			reason:
				'META budget is "308151.265", which has more than two decimals (amounts are counted to the hundredth: grosze, fen, cents)',
		});
	});

	it('tallies a file without a selected column, with nothing to compare', () => {
		const text = handMadeText('cumulative.pb').replace(';selected\n', '\n').replace(/^([a-d](?:;\d+){3});[01]$/gm, '$1');
		expect(checkText('c.pb', text)).toMatchObject({ status: 'unchecked' });
	});
});

describe('the summary', () => {
	it('counts every hand-made file as reproduced, per vote type and rule', () => {
		const summaries = summarize(checkFolder(HAND_MADE));
		expect(summaries.map((s) => [s.voteType, s.rule, s.files, s.reproduced, s.differ, s.refused, s.unchecked])).toEqual([
			['approval', 'greedy', 2, 2, 0, 0, 0],
			['ordinal', 'greedy', 2, 2, 0, 0, 0],
			['choose-1', 'greedy-no-skip', 1, 1, 0, 0, 0],
			['cumulative', 'greedy-threshold', 1, 1, 0, 0, 0],
		]);
	});

	it('prints refusals by reason and the totals', () => {
		const outcomes = [
			checkText('a.pb', handMadeText('grosze-fit.pb')),
			checkText('b.pb', handMadeText('grosze-fit.pb').replace('rule;greedy', 'rule;greedy-exclusive')),
			checkText('c.pb', handMadeText('grosze-miss.pb').replace('rule;greedy', 'rule;greedy-exclusive')),
		];
		expect(formatCheck('here', summarize(outcomes))).toBe(
			[
				'pb check here (published = projects whose selected column is 1; equal votes: cheaper first)',
				'',
				'approval / greedy-exclusive — 2 files: 0 reproduce, 0 differ, 2 refused',
				'  refused 2 × unsupported_rule, first b.pb: rule "greedy-exclusive" is not supported: which projects ' +
					'exclude each other is not recorded in the file (only its comment describes it); supported rules: ' +
					'greedy, greedy-no-skip, greedy-threshold, equalshares/add1',
				'',
				'approval / greedy — 1 file: 1 reproduce, 0 differ, 0 refused',
				'',
				'all — 3 files: 1 reproduce, 0 differ, 2 refused',
				'',
			].join('\n'),
		);
	});
});
