// Coverage: how much of a community's adoptable areas and duties is looked after. Public on the areas page and the
// committee desk, exported by month, and read by the evaluations issue through `coverage()`.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { HELD_CLAIM_STATES } from '../../codes';
import { areaClaims, areas } from './schema';
import { monthStarts, timeAveragedCoverage, type CoverageFigure, type Interval } from './rules';

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
