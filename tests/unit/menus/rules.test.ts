import { describe, expect, it } from 'vitest';
import { advanceRefusal, checkBallot, closingReminderDue, currentPhase, nextPhase } from '../../../src/lib/server/menus/rules';
import { chinaDate as isoDay, chinaDayStart as dayStart } from '../../../src/lib/server/db/time';
import { DAY, HOUR } from '../../../src/lib/server/db/time';

const t0 = Date.UTC(2026, 0, 1);
const menu = {
	collectStartsAt: t0,
	reviewStartsAt: t0 + 10 * DAY,
	voteStartsAt: t0 + 20 * DAY,
	resultsStartsAt: t0 + 30 * DAY,
	implementationStartsAt: t0 + 40 * DAY,
	acceptanceStartsAt: t0 + 50 * DAY,
	advancedTo: null,
	source: 'native' as const
};

describe('phases', () => {
	it('the vote never opens with nothing feasible to vote for; other phases need no project', () => {
		expect(advanceRefusal('vote', 0)).toBe('menu_no_feasible_projects');
		expect(advanceRefusal('vote', 1)).toBeNull();
		expect(advanceRefusal('review', 0)).toBeNull();
		expect(advanceRefusal('results', 0)).toBeNull();
	});

	it('follow the dates, with "scheduled" before collecting starts', () => {
		expect(currentPhase(menu, t0 - 1)).toBe('scheduled');
		expect(currentPhase(menu, t0)).toBe('collect');
		expect(currentPhase(menu, t0 + 15 * DAY)).toBe('review');
		expect(currentPhase(menu, t0 + 30 * DAY - 1)).toBe('vote');
		expect(currentPhase(menu, t0 + 30 * DAY)).toBe('results');
		expect(currentPhase(menu, t0 + 99 * DAY)).toBe('acceptance');
	});

	it('jump ahead when street staff advanced the menu, but never back', () => {
		expect(currentPhase({ ...menu, advancedTo: 'vote' }, t0 + DAY)).toBe('vote');
		expect(currentPhase({ ...menu, advancedTo: 'review' }, t0 + 35 * DAY)).toBe('results');
	});

	it('say what comes next and when', () => {
		expect(nextPhase(menu, t0 + DAY)).toEqual({ phase: 'review', startsAt: t0 + 10 * DAY });
		expect(nextPhase(menu, t0 + 60 * DAY)).toBeNull();
		expect(nextPhase({ ...menu, source: 'pabulib' }, t0)).toBeNull();
	});

	it('a replayed election always shows its results', () => {
		expect(currentPhase({ ...menu, source: 'pabulib' }, t0 - DAY)).toBe('results');
	});

	it('the closing reminder is due in the last 24 hours of the vote only', () => {
		expect(closingReminderDue(menu, t0 + 30 * DAY - 25 * HOUR)).toBe(false);
		expect(closingReminderDue(menu, t0 + 30 * DAY - 23 * HOUR)).toBe(true);
		expect(closingReminderDue(menu, t0 + 30 * DAY)).toBe(false);
	});

	it('typed dates are midnight in China', () => {
		expect(dayStart('2026-03-01')).toBe(Date.UTC(2026, 1, 28, 16));
		expect(isoDay(dayStart('2026-03-01'))).toBe('2026-03-01');
	});
});

describe('ballot check', () => {
	const approval = { budget: 100, ballotRule: 'approval_budget' as const, maxChoices: null, minChoices: null };
	it('accepts choices within the budget and refuses one yuan over', () => {
		expect(checkBallot(approval, [60, 40])).toBeNull();
		expect(checkBallot(approval, [60, 41])).toEqual({ error: 'menu_ballot_over_budget', params: { budget: 100, total: 101, over: 1 } });
	});
	it('refuses an empty ballot and too few choices', () => {
		expect(checkBallot(approval, [])).toEqual({ error: 'menu_ballot_empty' });
		expect(checkBallot({ ...approval, minChoices: 2 }, [10])).toEqual({ error: 'menu_ballot_too_few', params: { min: 2, count: 1 } });
	});
	it('choose up to k ignores the budget but counts choices', () => {
		const k = { ...approval, ballotRule: 'choose_k' as const, maxChoices: 2 };
		expect(checkBallot(k, [90, 90])).toBeNull();
		expect(checkBallot(k, [1, 1, 1])).toEqual({ error: 'menu_ballot_too_many', params: { max: 2, count: 3 } });
	});
});
