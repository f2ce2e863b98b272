import { describe, expect, it } from 'vitest';
import {
	bordaPoints,
	formatMinorUnits,
	readAmount,
	scaleFor,
	sumPoints,
	toMinorUnits,
	type WrittenAmount,
} from '../../../src/lib/server/menus/tally';

function written(text: string): WrittenAmount {
	const read = readAmount(text);
	if (!read.ok) throw new Error(`${text}: ${read.problem}`);
	return read.amount;
}

describe('readAmount', () => {
	it('reads whole amounts and up to two decimals, dropping trailing zeros of the fraction', () => {
		expect(written('308151.26')).toEqual({ whole: '308151', decimals: '26' });
		expect(written(' 1250.50 ')).toEqual({ whole: '1250', decimals: '5' });
		expect(written('400000.0')).toEqual({ whole: '400000', decimals: '' });
		expect(written('50.')).toEqual({ whole: '50', decimals: '' });
		expect(written('0.01')).toEqual({ whole: '0', decimals: '01' });
		expect(written('12.3400')).toEqual({ whole: '12', decimals: '34' });
	});

	it('names what is wrong with an amount it refuses', () => {
		expect(readAmount('12.345')).toEqual({ ok: false, problem: 'too_many_decimals' });
		expect(readAmount('-3')).toEqual({ ok: false, problem: 'negative' });
		expect(readAmount('-0.50')).toEqual({ ok: false, problem: 'negative' });
		for (const text of ['', 'abc', '1,5', '1 000', '.5', '1e6', '12.5.1', '+3']) {
			expect(readAmount(text)).toEqual({ ok: false, problem: 'malformed' });
		}
	});
});

describe('minor units', () => {
	it('scales amounts to integers of the finest scale any of them needs', () => {
		expect(toMinorUnits(written('308151.26'), scaleFor(2))).toBe(30_815_126);
		expect(toMinorUnits(written('1250.5'), scaleFor(2))).toBe(125_050);
		expect(toMinorUnits(written('1250.5'), scaleFor(1))).toBe(12_505);
		expect(toMinorUnits(written('60'), scaleFor(0))).toBe(60);
		expect(toMinorUnits(written('0.01'), 100)).toBe(1);
	});

	it('gives null for amounts too large to count exactly, and refuses a scale too coarse for the amount', () => {
		expect(toMinorUnits(written('90071992547409.92'), 100)).toBeNull();
		expect(toMinorUnits(written('90071992547409.91'), 100)).toBe(Number.MAX_SAFE_INTEGER);
		expect(() => toMinorUnits(written('1.25'), 10)).toThrow(RangeError);
	});

	it('writes minor units back in currency units with the scale’s decimals', () => {
		expect(formatMinorUnits(30_815_126, 100)).toBe('308151.26');
		expect(formatMinorUnits(104_033_700, 100)).toBe('1040337.00');
		expect(formatMinorUnits(7, 100)).toBe('0.07');
		expect(formatMinorUnits(0, 100)).toBe('0.00');
		expect(formatMinorUnits(12_505, 10)).toBe('1250.5');
		expect(formatMinorUnits(76_700, 1)).toBe('76700');
		expect(formatMinorUnits(-150, 100)).toBe('-1.50');
		expect(() => formatMinorUnits(1, 3)).toThrow(RangeError);
	});
});

describe('points', () => {
	it('gives k, k − 1, …, 1 to a ranking of k projects', () => {
		expect(bordaPoints(3)).toEqual([3, 2, 1]);
		expect(bordaPoints(1)).toEqual([1]);
		expect(bordaPoints(0)).toEqual([]);
	});

	it('sums the points each project gets', () => {
		const ballots = [
			{ ids: ['a', 'b'], points: [3, 7] },
			{ ids: ['b'], points: [2] },
		];
		expect(sumPoints(ballots)).toEqual(
			new Map([
				['a', 3],
				['b', 9],
			]),
		);
		expect(() => sumPoints([{ ids: ['a', 'b'], points: [1] }])).toThrow(/names 2 projects but gives 1 points/);
	});
});
