// The figures the evaluations issue reads: coverage and care on time, over a period, with their numerators.
import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world';
import { claim, logOn, makeArea } from './helpers';
import { figures } from '../../../src/lib/server/areas/coverage';
import { careOnTime } from '../../../src/lib/server/areas/rules';
import { DAY, chinaDayStart } from '../../../src/lib/server/db/time';

const t0 = chinaDayStart('2026-09-01');

describe('care on time', () => {
	it('counts each minimum period that fell due in the window, kept when care came before it', () => {
		// cared for on day 10, then not again: due on day 31 (kept), on day 41 (missed)
		expect(careOnTime({ startedAt: t0, careDays: [t0 + 10 * DAY] }, 30, t0 + 60 * DAY, { from: t0, to: t0 + 60 * DAY })).toEqual({ met: 1, due: 2 });
		// a period not yet due when the window ends is not counted
		expect(careOnTime({ startedAt: t0, careDays: [t0 + 10 * DAY] }, 30, t0 + 40 * DAY, { from: t0, to: t0 + 40 * DAY })).toEqual({ met: 1, due: 1 });
		// a claim released on day 20 owed nothing more
		expect(careOnTime({ startedAt: t0, careDays: [] }, 30, t0 + 20 * DAY, { from: t0, to: t0 + 60 * DAY })).toEqual({ met: 0, due: 0 });
		// care on the 30th day after the last is in time
		expect(careOnTime({ startedAt: t0, careDays: [t0 + 30 * DAY] }, 30, t0 + 45 * DAY, { from: t0, to: t0 + 45 * DAY })).toEqual({ met: 1, due: 1 });
	});

	it('figures() gives coverage and care on time of a community over a period', async () => {
		const w = demoWorld(t0);
		const held = await makeArea(w, { name: '3 棟東側綠地' }, t0);
		await makeArea(w, { name: '5 棟樓道' }, t0);
		const c = claim(w, 'resident1', held, {}, t0);
		await logOn(w, 'resident1', held, c, t0 + 10 * DAY);
		const f = figures(w.db, w.ids.community.jinwei, t0, t0 + 60 * DAY, t0 + 60 * DAY);
		expect(f.coverage).toMatchObject({ numerator: 60, denominator: 120, n: 2, share: 0.5 });
		expect(f.onTime).toEqual({ numerator: 1, denominator: 2, n: 1, share: 0.5 });
		// nothing due in a community without claims
		expect(figures(w.db, w.ids.community.shuangshui, t0, t0 + 60 * DAY, t0 + 60 * DAY).onTime).toEqual({ numerator: 0, denominator: 0, n: 0, share: null });
	});
});
