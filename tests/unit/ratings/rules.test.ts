// What is published about a subject's ratings, pinned to exact figures: the Wilson interval, the satisfaction
// rate (4–5 of five; 滿意 and 基本滿意 of three), histograms and means, and 樣本不足 under ten answers.
import { describe, expect, it } from 'vitest';
import { defaultWindow, isSatisfied, MIN_SAMPLE, ratingBlocked, summarize, wilson, windowState } from '../../../src/lib/server/ratings/rules';
import { DAY } from '../../../src/lib/server/db/time';

describe('the 95 % Wilson interval (z = 1.96)', () => {
	it('pins 8 of 10, 17 of 20 and 45 of 60 to the figures a spreadsheet gives', () => {
		expect(wilson(8, 10)).toEqual({ lower: 0.49015684672072346, upper: 0.9433190520193067 });
		expect(wilson(17, 20)).toEqual({ lower: 0.6395767041130426, upper: 0.9476322080405041 });
		expect(wilson(45, 60)).toEqual({ lower: 0.627676890545152, upper: 0.8422361442158816 });
	});
	it('stays within 0 and 1 at the edges, and says nothing of no answers', () => {
		expect(wilson(0, 10)).toEqual({ lower: 0, upper: 0.2775401687666165 });
		expect(wilson(10, 10)).toEqual({ lower: 0.7224598312333834, upper: 1 });
		expect(wilson(0, 0)).toBeNull();
	});
});

describe('who is satisfied', () => {
	it('counts 4 and 5 of five, 基本滿意 and 滿意 of three', () => {
		expect([1, 2, 3, 4, 5].map((v) => isSatisfied(5, v))).toEqual([false, false, false, true, true]);
		expect([1, 2, 3].map((v) => isSatisfied(3, v))).toEqual([false, true, true]);
	});
});

const rows = (marks: number[], extra: (i: number) => Record<string, number> = () => ({})) => marks.map((overall, i) => ({ overall, scores: extra(i) }));

describe('a published rating', () => {
	it('gives n, the histogram, the mean and the rate with its interval from ten answers on', () => {
		// 8 of 10 satisfied: three 5s, five 4s, a 3 and a 1
		const s = summarize('project', rows([5, 5, 5, 4, 4, 4, 4, 4, 3, 1], (i): Record<string, number> => (i < 6 ? { quality: 5 - (i % 2), usefulness: 4 } : { quality: 3 })));
		expect(s.n).toBe(10);
		expect(s.overall).toEqual({ n: 10, counts: [1, 0, 1, 5, 3], mean: 3.9 });
		expect(s.satisfied).toBe(8);
		expect(s.insufficient).toBe(false);
		expect(s.rate).toEqual({ share: 0.8, lower: 0.49015684672072346, upper: 0.9433190520193067 });
		expect(s.dimensions).toEqual([
			{ dimension: 'quality', n: 10, counts: [0, 0, 4, 3, 3], mean: 3.9 },
			{ dimension: 'timeliness', n: 0, counts: [0, 0, 0, 0, 0], mean: null },
			{ dimension: 'usefulness', n: 6, counts: [0, 0, 0, 6, 0], mean: 4 }
		]);
	});

	it('says 樣本不足 and shows no rate under ten answers', () => {
		expect(MIN_SAMPLE).toBe(10);
		const s = summarize('property', rows([5, 5, 5, 5, 5, 5, 5, 5, 5]));
		expect(s).toMatchObject({ n: 9, satisfied: 9, insufficient: true, rate: null });
		expect(s.overall.mean).toBe(5);
	});

	it('reads a report on the three-point scale: 滿意 + 基本滿意 out of all', () => {
		const s = summarize('report', rows([3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1], () => ({ speed: 2, attitude: 3 })));
		expect(s.overall.counts).toEqual([4, 3, 5]);
		expect(s.satisfied).toBe(8);
		expect(s.rate!.share).toBe(8 / 12);
		expect(s.rate!.lower).toBe(wilson(8, 12)!.lower);
		expect(s.dimensions.map((d) => [d.dimension, d.mean])).toEqual([
			['speed', 2],
			['attitude', 3]
		]);
	});
});

describe('the rating window', () => {
	const opened = Date.UTC(2026, 9, 1);
	const w = defaultWindow(opened);
	it('lasts thirty days from acceptance or opening by default', () => {
		expect(w.closesAt - w.opensAt).toBe(30 * DAY);
	});
	it('refuses before it opens and once it has closed', () => {
		expect(windowState(w, opened - 1)).toBe('upcoming');
		expect(ratingBlocked(w, opened - 1)).toBe('rating_not_open');
		expect(ratingBlocked(w, opened)).toBeNull();
		expect(ratingBlocked(w, w.closesAt - 1)).toBeNull();
		expect(ratingBlocked(w, w.closesAt)).toBe('rating_closed');
	});
});
