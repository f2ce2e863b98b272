// The pure rules of 建設共管, with time given: terms, risk, lapse, expiry, the minimum, renewal, weeks, plan states,
// covered time.
import { describe, expect, it } from 'vitest';
import {
	areaState,
	chinaWeek,
	claimBlocked,
	claimStatus,
	coveredLength,
	dayOf,
	hoursOf,
	minimumMet,
	monthStarts,
	renewalBlocked,
	termEnd,
	timeAveragedCoverage
} from '../../../src/lib/server/areas/rules';
import { pinFromClick, PLAN_DRAWN_WIDTH } from '../../../src/lib/server/areas/plan';
import { chinaDate, chinaDayStart, DAY, HOUR } from '../../../src/lib/server/db/time';

/** 10:00 on a China date. */
const at = (date: string, hour = 10) => chinaDayStart(date) + hour * HOUR;

describe('terms', () => {
	it('run whole calendar months in China, the last day of a shorter month standing in', () => {
		expect(chinaDate(termEnd(at('2026-01-15'), 12))).toBe('2027-01-15');
		expect(chinaDate(termEnd(at('2026-01-31'), 1))).toBe('2026-02-28');
		expect(chinaDate(termEnd(at('2028-01-31'), 1))).toBe('2028-02-29');
		expect(chinaDate(termEnd(at('2026-11-30'), 3))).toBe('2027-02-28');
		// the same time of day, whatever UTC's date is: 01:00 in China is the day before in UTC
		expect(termEnd(at('2026-03-01', 1), 1) - at('2026-04-01', 1)).toBe(0);
	});
});

describe('a claim’s state', () => {
	const start = at('2026-03-10');
	const term = termEnd(start, 12);
	const status = (careDays: string[], now: number, min = 30) => claimStatus({ startedAt: start, termEndsAt: term, careDays: careDays.map(chinaDayStart) }, min, now);

	it('is active for the minimum period counted in days, at risk from the next day, and lapses after a second period', () => {
		expect(status([], at('2026-04-09', 23)).state).toBe('active'); // day 30 after the start day
		expect(status([], at('2026-04-10', 0)).state).toBe('at_risk');
		const risky = status([], at('2026-04-20'));
		expect(risky).toMatchObject({ state: 'at_risk', atRiskAt: chinaDayStart('2026-04-10'), lapseAt: chinaDayStart('2026-05-10') });
		expect(status([], at('2026-05-09', 23)).state).toBe('at_risk');
		expect(status([], at('2026-05-10', 0))).toEqual({ state: 'lapsed', at: chinaDayStart('2026-05-10') });
	});

	it('a log on the thirtieth day is in time, whatever the hour', () => {
		expect(status(['2026-04-09'], at('2026-05-09', 23)).state).toBe('active');
		expect(status(['2026-04-09'], at('2026-05-10', 0)).state).toBe('at_risk');
	});

	it('a new log brings an at-risk claim back', () => {
		expect(status([], at('2026-04-25')).state).toBe('at_risk');
		expect(status(['2026-04-25'], at('2026-04-25')).state).toBe('active');
	});

	it('a lapse stays a lapse, at the moment it happened, however late it is looked at', () => {
		expect(status([], at('2026-07-01'))).toEqual({ state: 'lapsed', at: chinaDayStart('2026-05-10') });
		// care logged after the lapse (it would have been refused) does not undo it
		expect(status(['2026-06-01'], at('2026-07-01'))).toEqual({ state: 'lapsed', at: chinaDayStart('2026-05-10') });
		// an earlier gap of two periods lapses the claim even if care came later within the term
		expect(status(['2026-03-20', '2026-05-25', '2026-06-10'], at('2026-06-11'))).toEqual({ state: 'lapsed', at: chinaDayStart('2026-05-20') });
	});

	it('care logged for days in the future (a clock set back) does not count yet', () => {
		expect(status(['2026-06-01'], at('2026-04-20')).state).toBe('at_risk');
	});

	it('expires at the end of its term when it did not lapse first', () => {
		const days: string[] = [];
		for (let d = chinaDayStart('2026-03-20'); d < term; d += 20 * DAY) days.push(chinaDate(d));
		expect(status(days, term - 1).state).toBe('active');
		expect(status(days, term)).toEqual({ state: 'expired', at: term });
		// one that lapsed before the end of the term stays lapsed
		expect(status([], term + DAY).state).toBe('lapsed');
	});

	it('the minimum is met when no stretch without care was longer than the minimum period', () => {
		const timeline = (days: string[]) => ({ startedAt: start, termEndsAt: at('2026-06-10'), careDays: days.map(chinaDayStart) });
		expect(minimumMet(timeline(['2026-04-09', '2026-05-09', '2026-06-08']), 30, at('2026-06-10'))).toBe(true);
		expect(minimumMet(timeline(['2026-04-09', '2026-05-10']), 30, at('2026-06-08'))).toBe(false);
		// up to `until`: the stretch since the last log counts too
		expect(minimumMet(timeline(['2026-04-09']), 30, at('2026-05-09'))).toBe(true);
		expect(minimumMet(timeline(['2026-04-09']), 30, at('2026-05-20'))).toBe(false);
	});

	it('is renewable in the last month of its term or the month after it expired, only if the minimum was met', () => {
		const startedAt = at('2026-01-10');
		const termEndsAt = termEnd(startedAt, 3);
		const good: number[] = [];
		for (let d = dayOf(startedAt) + 20 * DAY; d <= termEndsAt + 40 * DAY; d += 20 * DAY) good.push(d);
		const claim = (state: 'active' | 'expired' | 'lapsed') => ({ state, startedAt, termEndsAt });
		expect(renewalBlocked(claim('active'), good, 30, termEndsAt - 31 * DAY)).toBe('claim_not_renewable');
		expect(renewalBlocked(claim('active'), good, 30, termEndsAt - 10 * DAY)).toBeNull();
		expect(renewalBlocked(claim('expired'), good, 30, termEndsAt + 10 * DAY)).toBeNull();
		expect(renewalBlocked(claim('expired'), good, 30, termEndsAt + 31 * DAY)).toBe('claim_not_renewable');
		expect(renewalBlocked(claim('lapsed'), good, 30, termEndsAt + DAY)).toBe('claim_not_renewable');
		expect(renewalBlocked(claim('active'), good.slice(0, 2), 30, termEndsAt - 10 * DAY)).toBe('claim_minimum_not_met');
		expect(renewalBlocked({ state: 'pending', startedAt: null, termEndsAt: null }, [], 30, startedAt)).toBe('claim_not_renewable');
	});
});

describe('weeks, states, capacity', () => {
	it('a week runs Monday to Sunday in China', () => {
		// 2026-11-02 is a Monday
		expect(chinaWeek(chinaDayStart('2026-11-02'))).toBe(chinaWeek(chinaDayStart('2026-11-08') + 23 * HOUR));
		expect(chinaWeek(chinaDayStart('2026-11-09'))).toBe(chinaWeek(chinaDayStart('2026-11-02')) + 1);
		expect(chinaWeek(chinaDayStart('2026-11-02') - 1)).toBe(chinaWeek(chinaDayStart('2026-11-02')) - 1);
	});

	it('an area shows the most pressing state of its claims', () => {
		const area = { adoptable: true, priority: false };
		expect(areaState({ adoptable: false, priority: true }, ['active'], null)).toBe('not_adoptable');
		expect(areaState(area, ['active', 'at_risk'], null)).toBe('at_risk');
		expect(areaState(area, ['pending', 'active'], null)).toBe('claimed');
		expect(areaState(area, ['pending'], 'lapsed')).toBe('pending');
		expect(areaState(area, [], 'lapsed')).toBe('lapsed');
		expect(areaState({ adoptable: true, priority: true }, [], 'released')).toBe('priority');
		expect(areaState(area, [], null)).toBe('open');
	});

	it('an area takes claims while it is in use, adoptable and has a place left', () => {
		const area = { adoptable: true, retiredAt: null, capacity: 2 };
		expect(claimBlocked(area, 1)).toBeNull();
		expect(claimBlocked(area, 2)).toBe('area_full');
		expect(claimBlocked({ ...area, adoptable: false }, 0)).toBe('area_not_adoptable');
		expect(claimBlocked({ ...area, retiredAt: 1 }, 0)).toBe('area_retired');
	});

	it('hours have one decimal', () => {
		expect(hoursOf(90)).toBe(1.5);
		expect(hoursOf(100)).toBe(1.7);
		expect(hoursOf(0)).toBe(0);
	});

	it('a click on the plan as drawn becomes thousandths of its width and height', () => {
		const plan = { width: 1600, height: 1000 };
		expect(pinFromClick(PLAN_DRAWN_WIDTH / 2, 225, plan)).toEqual({ x: 500, y: 500 });
		expect(pinFromClick(0, 0, plan)).toEqual({ x: 0, y: 0 });
		expect(pinFromClick(9999, 9999, plan)).toEqual({ x: 1000, y: 1000 });
	});
});

describe('covered time', () => {
	it('counts overlapping claims once, within the window', () => {
		const w = { from: 0, to: 100 };
		expect(coveredLength([{ from: -10, to: 20 }, { from: 10, to: 30 }, { from: 50, to: Infinity }], w)).toBe(30 + 50);
		expect(coveredLength([], w)).toBe(0);
		expect(coveredLength([{ from: 200, to: 300 }], w)).toBe(0);
	});

	it('is averaged over each area’s life in the period, in area-days', () => {
		const from = chinaDayStart('2026-06-01');
		const to = chinaDayStart('2026-07-01');
		const areas = [
			{ id: 1, createdAt: 0, retiredAt: null },
			{ id: 2, createdAt: 0, retiredAt: null },
			// created halfway: only its 15 days count
			{ id: 3, createdAt: from + 15 * DAY, retiredAt: null },
			// retired before the period: not counted at all
			{ id: 4, createdAt: 0, retiredAt: from - DAY }
		];
		const held = new Map([
			[1, [{ from: 0, to: Infinity }]],
			[2, [{ from: from + 15 * DAY, to: Infinity }]],
			[4, [{ from: 0, to: Infinity }]]
		]);
		expect(timeAveragedCoverage(areas, held, { from, to })).toEqual({ numerator: 45, denominator: 75, n: 3, share: 0.6 });
		expect(timeAveragedCoverage([], held, { from, to })).toEqual({ numerator: 0, denominator: 0, n: 0, share: null });
	});

	it('months start at midnight on the first, China time', () => {
		const starts = monthStarts(at('2026-11-20'), at('2027-02-03'));
		expect(starts.map((s) => chinaDate(s))).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
		expect(starts[0]).toBe(chinaDayStart('2026-11-01'));
	});
});
