import { describe, expect, it } from 'vitest';
import { commentBlock, isVoteStage, nextStage, quorum, reportsHide, stanceSummary } from '../../../src/lib/server/consultations/rules';

const NOW = Date.UTC(2026, 10, 1);

describe('who may still comment', () => {
	it('an open, unlocked thread before its closing date takes comments', () => {
		expect(commentBlock({ state: 'open', lockedAt: null, closesAt: null }, NOW)).toBeNull();
		expect(commentBlock({ state: 'open', lockedAt: null, closesAt: NOW + 1 }, NOW)).toBeNull();
	});
	it('a closed, locked or past-date thread does not, and says why', () => {
		expect(commentBlock({ state: 'closed', lockedAt: NOW, closesAt: null }, NOW)).toBe('thread_closed');
		expect(commentBlock({ state: 'open', lockedAt: NOW, closesAt: null }, NOW)).toBe('thread_locked');
		expect(commentBlock({ state: 'open', lockedAt: null, closesAt: NOW }, NOW)).toBe('thread_past_closing');
	});
});

describe('stance summary', () => {
	it('counts people, each by their latest stated stance, ignoring hidden comments and stance-less replies', () => {
		const s = stanceSummary([
			{ id: 1, authorId: 1, stance: 'support', status: 'visible' },
			{ id: 2, authorId: 2, stance: 'oppose', status: 'visible' },
			{ id: 3, authorId: 1, stance: 'question', status: 'visible' },
			{ id: 4, authorId: 3, stance: 'support', status: 'hidden' },
			{ id: 5, authorId: 4, stance: null, status: 'visible' },
			{ id: 6, authorId: 5, stance: 'neutral', status: 'visible' },
			{ id: 7, authorId: 2, stance: 'oppose', status: 'visible' }
		]);
		expect(s).toEqual({ support: 0, oppose: 1, neutral: 1, question: 1, people: 3 });
	});
});

describe('reports', () => {
	it('hide a comment at the threshold, not before', () => {
		expect(reportsHide(2, 3)).toBe(false);
		expect(reportsHide(3, 3)).toBe(true);
	});
});

describe('四議 quorum', () => {
	it('needs half of those entitled to attend', () => {
		expect(quorum({ entitled: 40, attended: 20, votesFor: 20 })).toEqual({ quorate: true, approved: true, passed: true });
		expect(quorum({ entitled: 40, attended: 19, votesFor: 19 })).toEqual({ quorate: false, approved: true, passed: false });
		expect(quorum({ entitled: 41, attended: 21, votesFor: 11 }).passed).toBe(true);
		expect(quorum({ entitled: 41, attended: 20, votesFor: 20 }).quorate).toBe(false);
	});
	it('needs more than half of attendees to approve (a tie fails)', () => {
		expect(quorum({ entitled: 30, attended: 20, votesFor: 10 })).toEqual({ quorate: true, approved: false, passed: false });
		expect(quorum({ entitled: 30, attended: 20, votesFor: 11 }).passed).toBe(true);
		expect(quorum({ entitled: 10, attended: 0, votesFor: 0 }).passed).toBe(false);
	});
	it('only 審議 and 決議 are votes', () => {
		expect([1, 2, 3, 4].map(isVoteStage)).toEqual([false, false, true, true]);
	});
});

describe('stage order', () => {
	it('goes 1 → 2 → 3 → 4 and waits on a failed vote', () => {
		expect(nextStage([])).toBe(1);
		expect(nextStage([{ stage: 1, passed: true }])).toBe(2);
		expect(nextStage([{ stage: 1, passed: true }, { stage: 2, passed: true }, { stage: 3, passed: false }])).toBe(3);
		expect(nextStage([1, 2, 3, 4].map((stage) => ({ stage, passed: true })))).toBe(5);
		expect(nextStage([{ stage: 2, passed: true }])).toBe(1);
	});
});
