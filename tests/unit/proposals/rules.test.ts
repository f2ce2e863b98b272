import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/lib/server/db/time';
import { acceptsMerge, acceptsSeconds, answeredLate, awaitsResponse, daysLeft, editable, isOverdue, queueOrder, reachesThreshold, responseDeadline, withdrawable } from '../../../src/lib/server/proposals/rules';
import { bigrams, features, likePattern, mostSimilar, searchTerms, similarity } from '../../../src/lib/server/proposals/search';
import type { ProposalState } from '../../../src/lib/server/proposals/schema';

const NOW = Date.UTC(2026, 10, 1, 2, 0, 0);

describe('threshold and deadline', () => {
	it('qualifies exactly at the threshold, not one second before', () => {
		expect(reachesThreshold(9, 10)).toBe(false);
		expect(reachesThreshold(10, 10)).toBe(true);
		expect(reachesThreshold(11, 10)).toBe(true);
	});

	it('counts the response deadline in whole days from qualification', () => {
		expect(responseDeadline(NOW, 14)).toBe(NOW + 14 * DAY);
		expect(responseDeadline(NOW, 1)).toBe(NOW + DAY);
	});

	it('is overdue only when qualified, unanswered and past the deadline', () => {
		const due = NOW + 14 * DAY;
		expect(isOverdue({ state: 'qualified', responseDueAt: due }, due)).toBe(false);
		expect(isOverdue({ state: 'qualified', responseDueAt: due }, due + 1)).toBe(true);
		expect(isOverdue({ state: 'answered', responseDueAt: due }, due + DAY)).toBe(false);
		expect(isOverdue({ state: 'open', responseDueAt: null }, due + DAY)).toBe(false);
	});

	it('tells how many days are left, and how many days late', () => {
		const due = NOW + 14 * DAY;
		expect(daysLeft({ state: 'qualified', responseDueAt: due }, NOW)).toBe(14);
		expect(daysLeft({ state: 'qualified', responseDueAt: due }, due - HOUR)).toBe(1);
		expect(daysLeft({ state: 'qualified', responseDueAt: due }, due + 2 * DAY + HOUR)).toBe(-3);
		expect(daysLeft({ state: 'open', responseDueAt: null }, NOW)).toBeNull();
	});

	it('marks an answer after the deadline as late', () => {
		expect(answeredLate({ responseDueAt: NOW, respondedAt: NOW + 1 })).toBe(true);
		expect(answeredLate({ responseDueAt: NOW, respondedAt: NOW })).toBe(false);
		expect(answeredLate({ responseDueAt: null, respondedAt: NOW })).toBe(false);
	});
});

describe('what each state allows', () => {
	const all: ProposalState[] = ['open', 'qualified', 'consultation', 'menu', 'answered', 'merged', 'withdrawn'];
	it('takes seconds while open or qualified only', () => {
		expect(all.filter((state) => acceptsSeconds({ state }))).toEqual(['open', 'qualified']);
	});
	it('lets the author edit only while open with no seconds', () => {
		expect(editable({ state: 'open', secondCount: 0 })).toBe(true);
		expect(editable({ state: 'open', secondCount: 1 })).toBe(false);
		expect(editable({ state: 'withdrawn', secondCount: 0 })).toBe(false);
	});
	it('lets the author withdraw before it qualifies, not after', () => {
		expect(all.filter((state) => withdrawable({ state }))).toEqual(['open']);
	});
	it('lets the committee respond once, from open or qualified', () => {
		expect(all.filter((state) => awaitsResponse({ state }))).toEqual(['open', 'qualified']);
	});
	it('merges only into a living proposal', () => {
		expect(all.filter((state) => acceptsMerge({ state }))).toEqual(['open', 'qualified', 'consultation', 'menu']);
	});
});

describe("the committee's queue", () => {
	it('puts overdue first (most overdue first), then by deadline', () => {
		const items = [
			{ id: 1, state: 'qualified' as const, responseDueAt: NOW + 5 * DAY, createdAt: 1 },
			{ id: 2, state: 'qualified' as const, responseDueAt: NOW - 1 * DAY, createdAt: 2 },
			{ id: 3, state: 'qualified' as const, responseDueAt: NOW + 1 * DAY, createdAt: 3 },
			{ id: 4, state: 'qualified' as const, responseDueAt: NOW - 3 * DAY, createdAt: 4 },
			{ id: 5, state: 'open' as const, responseDueAt: null, createdAt: 0 }
		];
		expect(queueOrder(items, NOW).map((i) => i.id)).toEqual([4, 2, 3, 1, 5]);
	});
});

describe('search terms', () => {
	it('sends 3+ character words to the trigram index as quoted phrases', () => {
		expect(searchTerms('電動車 充電樁')).toEqual({ match: '"電動車" AND "充電樁"', grams: null, short: [] });
	});
	it('sends one- and two-character words to the index of characters and pairs, each by its token', () => {
		expect(searchTerms('電梯')).toEqual({ match: null, grams: '"0096fb0068af"', short: ['電梯'] });
		expect(searchTerms('5% 梯 電動車')).toEqual({ match: '"電動車"', grams: '"000035000025" AND "0068af"', short: ['5%', '梯'] });
		expect(searchTerms('AB')!.grams).toBe(searchTerms('ab')!.grams);
		expect(searchTerms('É')!.grams).not.toBe(searchTerms('é')!.grams);
	});
	it('escapes LIKE patterns, the reference the index is tested against', () => {
		expect(likePattern('5%')).toBe('%5\\%%');
		expect(likePattern('a_')).toBe('%a\\_%');
	});
	it('takes FTS syntax in a query literally', () => {
		expect(searchTerms('"a" OR b*')!.match).toBe('"""a"""');
		expect(searchTerms('   ')).toBeNull();
	});
});

describe('similar proposals', () => {
	const existing = [
		{ id: 1, title: '金韋花園增設電動車充電樁', body: '電動自行車停放和充電難' },
		{ id: 2, title: '韋園新村 8 棟加裝電梯', body: '老人上下樓困難' },
		{ id: 3, title: '口袋公園夜間照明', body: '路燈壞了' }
	];
	it('finds a differently worded duplicate', () => {
		expect(mostSimilar('希望小區多裝一些充電樁', existing).map((s) => s.id)).toEqual([1]);
		expect(mostSimilar('8棟能否加裝電梯', existing).map((s) => s.id)).toEqual([2]);
	});
	it('does not match on filler words such as 社區 or 問題', () => {
		expect(bigrams('社區問題').size).toBe(1);
		expect(mostSimilar('社區垃圾分類問題', existing)).toEqual([]);
	});
	it('scores identical titles 1', () => {
		expect(similarity('口袋公園夜間照明', existing[2], existing)).toBe(1);
	});
	it('needs a shared word, not a shared character: 電梯 is not 電動車', () => {
		expect(mostSimilar('電梯', [existing[0]])).toEqual([]);
		expect(mostSimilar('電梯', existing).map((s) => s.id)).toEqual([2]);
	});
	it('compares Latin words and numbers whole, not by their letters', () => {
		expect(features('E2E abc 12')).toEqual(new Set(['e2e', 'abc', '12']));
		expect(mostSimilar('屋頂漏水 zx1234', [{ id: 7, title: '12 棟屋頂漏水', body: '' }, ...existing]).map((s) => s.id)).toEqual([7]);
	});
	it('ignores filler such as 希望、一些、多', () => {
		expect(features('希望多一些')).toEqual(new Set());
	});
});
