// Coverage: how much of a community's adoptable areas and duties is looked after. Public on the areas page and the
// committee desk, exported by month, and read by the evaluations issue through `coverage()`.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { HELD_CLAIM_STATES } from '../../codes';
import { areaClaims, areas, careLogs } from './schema';
import { careOnTime, monthStarts, timeAveragedCoverage, type CoverageFigure, type Interval } from './rules';

export type CoverageArea = { id: number; createdAt: number; retiredAt: number | null; adoptable: boolean; gridId: number | null; kind: string };

/** Every area of a community that is adoptable now (retired ones too: they count until they were retired). */
export function coverageAreas(db: DbOrTx, communityId: number): CoverageArea[] {
	return db
		.select({ id: areas.id, createdAt: areas.createdAt, retiredAt: areas.retiredAt, adoptable: areas.adoptable, gridId: areas.gridId, kind: areas.kind })
		.from(areas)
		.where(and(eq(areas.communityId, communityId), eq(areas.adoptable, true)))
		.all();
}

/**
 * When each area was held: one interval per claim that ever started, from its start to its end (lapsed, released,
 * revoked, expired, renewed) or without end while it is still active or at risk. Pending and declined claims never
 * started and hold nothing.
 */
export function heldIntervals(db: DbOrTx, communityId: number): Map<number, Interval[]> {
	const rows = db
		.select({ areaId: areaClaims.areaId, startedAt: areaClaims.startedAt, endedAt: areaClaims.endedAt, state: areaClaims.state })
		.from(areaClaims)
		.where(and(eq(areaClaims.communityId, communityId), isNotNull(areaClaims.startedAt)))
		.all();
	const held = new Map<number, Interval[]>();
	for (const r of rows) {
		const open = (HELD_CLAIM_STATES as readonly string[]).includes(r.state);
		const interval = { from: r.startedAt!, to: open ? Infinity : (r.endedAt ?? r.startedAt!) };
		const list = held.get(r.areaId);
		if (list) list.push(interval);
		else held.set(r.areaId, [interval]);
	}
	return held;
}

/**
 * The coverage of community `communityId` over [from, to), time-averaged, for the evaluations issue:
 *
 * - which areas: every area and duty of the community that is adoptable now (one marked "not adoptable" is left
 *   out for the whole period: its history of adoptability is not kept), retired ones included for the time
 *   before they were retired;
 * - each area's life in the period: [max(from, created), min(to, retired, now)) — nothing after `now` is counted;
 * - its covered time: the union of its claims' held intervals (active or at risk; see `heldIntervals`) within that
 *   life, so two claims at once on an area of capacity 2 count once;
 * - numerator = Σ covered time and denominator = Σ life, both in area-days (milliseconds ÷ 86,400,000, to four
 *   decimals); n = the number of areas with a non-empty life in the period; share = numerator ÷ denominator
 *   (from the unrounded sums), null when the denominator is 0.
 *
 * Example: two areas over a 30-day month, one held for the whole month, the other for its last 15 days →
 * { numerator: 45, denominator: 60, n: 2, share: 0.75 }.
 */
export function coverage(db: DbOrTx, communityId: number, from: number, to: number, now = Date.now()): CoverageFigure {
	return timeAveragedCoverage(coverageAreas(db, communityId), heldIntervals(db, communityId), { from, to: Math.min(to, now) });
}

export type MonthCoverage = CoverageFigure & { month: string; from: number };

/** Coverage month by month (China months) from the month of `from` to the month of `now`. */
export function monthlyCoverage(list: readonly CoverageArea[], held: ReadonlyMap<number, Interval[]>, from: number, now: number): MonthCoverage[] {
	const starts = monthStarts(from, now);
	return starts.map((start, i) => {
		const end = Math.min(starts[i + 1] ?? Infinity, now);
		const month = new Date(start + 8 * 3_600_000).toISOString().slice(0, 7);
		return { month, from: start, ...timeAveragedCoverage(list, held, { from: start, to: end }) };
	});
}

/** Coverage now: of the areas in use that may be claimed, the share with an active or at-risk claim. */
export function currentShare(items: readonly { adoptable: boolean; retiredAt: number | null; held: boolean }[]): { held: number; total: number; share: number | null } {
	const counted = items.filter((a) => a.adoptable && a.retiredAt === null);
	const held = counted.filter((a) => a.held).length;
	return { held, total: counted.length, share: counted.length ? held / counted.length : null };
}

/** Current coverage grouped by a key (a grid, a kind), in the order the keys first appear. */
export function sharesBy<T extends { adoptable: boolean; retiredAt: number | null; held: boolean }>(items: readonly T[], key: (item: T) => string) {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return [...groups].map(([k, list]) => ({ key: k, ...currentShare(list) })).filter((g) => g.total > 0);
}

export type AreaFigures = {
	/** Time-averaged share of adoptable areas with a claim that holds them (see `coverage`). */
	coverage: CoverageFigure;
	/**
	 * Care on time: of the minimum periods of care (one log every `minCareDays` days) that fell due in the period
	 * under claims of the community, the share kept — numerator kept, denominator due, n the claims with one due.
	 */
	onTime: CoverageFigure;
};

/**
 * What the evaluations issue reads of 建設共管 for community `communityId` over [from, to): coverage and care on
 * time, each as numerator, denominator, n and share (null when nothing was due). Four statements.
 *
 * Example: one claim held all of a 60-day period on an area with a 30-day minimum, cared for on day 10 and then
 * not again → periods due on day 31 (kept: care came on day 10) and day 41 (missed) → onTime { 1, 2, 1, 0.5 }.
 */
export function figures(db: DbOrTx, communityId: number, from: number, to: number, now = Date.now()): AreaFigures {
	const end = Math.min(to, now);
	const claims = db
		.select({ id: areaClaims.id, startedAt: areaClaims.startedAt, endedAt: areaClaims.endedAt, state: areaClaims.state, minCareDays: areas.minCareDays })
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.where(and(eq(areaClaims.communityId, communityId), isNotNull(areaClaims.startedAt)))
		.all();
	const days = new Map<number, number[]>();
	const logs = db
		.select({ claimId: careLogs.claimId, day: careLogs.caredOn })
		.from(careLogs)
		.where(and(eq(careLogs.communityId, communityId), ne(careLogs.state, 'rejected')))
		.all();
	for (const l of logs) days.set(l.claimId, [...(days.get(l.claimId) ?? []), l.day]);
	let met = 0;
	let due = 0;
	let n = 0;
	for (const c of claims) {
		const open = (HELD_CLAIM_STATES as readonly string[]).includes(c.state);
		const heldUntil = Math.min(open ? end : (c.endedAt ?? c.startedAt!), end);
		const kept = careOnTime({ startedAt: c.startedAt!, careDays: days.get(c.id) ?? [] }, c.minCareDays, heldUntil, { from, to: end });
		if (kept.due) n++;
		met += kept.met;
		due += kept.due;
	}
	return { coverage: coverage(db, communityId, from, to, now), onTime: { numerator: met, denominator: due, n, share: due ? met / due : null } };
}
