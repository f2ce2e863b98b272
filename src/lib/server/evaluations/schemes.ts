// Evaluation schemes: the default one, which version applies to which period, and when a new version may
// start. A version applies from the period starting at its `startsAt` until the next version starts; once its
// first period has started it is frozen, and a change becomes a new version from a later period.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { EvaluationIndicator, PeriodKind } from '../../codes';
import { evaluationSchemes, schemeIndicators } from './schema';
import { MEASURES, type SchemeIndicator } from './rules';
import { nextPeriod, periodContaining, startsPeriod, type Period } from './periods';

/** PRODUCT.md's default: satisfaction carries the most weight. Targets and minimum n are the street's to tune. */
export const DEFAULT_INDICATORS: readonly Omit<SchemeIndicator, 'measure'>[] = [
	{ indicator: 'satisfaction', weight: 30, targetPercent: 80, minN: 20 },
	{ indicator: 'dispatch_resolution', weight: 20, targetPercent: 90, minN: 5 },
	{ indicator: 'proposals_on_time', weight: 20, targetPercent: 90, minN: 3 },
	{ indicator: 'vote_participation', weight: 15, targetPercent: 30, minN: 20 },
	{ indicator: 'coverage', weight: 15, targetPercent: 60, minN: 5 }
];

export const withMeasure = (i: Omit<SchemeIndicator, 'measure'>): SchemeIndicator => ({ ...i, measure: MEASURES[i.indicator] });

export type SchemeRow = typeof evaluationSchemes.$inferSelect;
export type Scheme = SchemeRow & { indicators: SchemeIndicator[] };

/** A street's scheme versions, oldest first, with their indicators. Two statements. */
export function schemesOf(db: DbOrTx, streetId: number): Scheme[] {
	const rows = db.select().from(evaluationSchemes).where(eq(evaluationSchemes.streetId, streetId)).orderBy(asc(evaluationSchemes.version)).all();
	if (!rows.length) return [];
	const indicators = db
		.select()
		.from(schemeIndicators)
		.where(inArray(schemeIndicators.schemeId, rows.map((r) => r.id)))
		.orderBy(asc(schemeIndicators.position))
		.all();
	return rows.map((r) => ({
		...r,
		indicators: indicators
			.filter((i) => i.schemeId === r.id)
			.map((i) => withMeasure({ indicator: i.indicator as EvaluationIndicator, weight: i.weight, targetPercent: i.targetPercent, minN: i.minN }))
	}));
}

/** The version in force at `at` (the latest that had started by then), if any. */
export function schemeAt(schemes: readonly Scheme[], at: number): Scheme | undefined {
	return [...schemes].reverse().find((s) => s.startsAt <= at);
}

/** A frozen scheme: its first period has started. */
export const isFrozen = (scheme: Pick<SchemeRow, 'startsAt'>, now: number) => scheme.startsAt <= now;

/** The period of the scheme in force that contains `at`, if a scheme is in force then. */
export function periodAt(schemes: readonly Scheme[], at: number): (Period & { scheme: Scheme }) | undefined {
	const scheme = schemeAt(schemes, at);
	return scheme ? { ...periodContaining(scheme.periodKind, at), scheme } : undefined;
}

/** Every period since the first version started, up to the one running at `now`, newest first (at most `limit`). */
export function periodsUntil(schemes: readonly Scheme[], now: number, limit = 24): (Period & { scheme: Scheme })[] {
	const out: (Period & { scheme: Scheme })[] = [];
	let at = periodAt(schemes, now);
	while (at && out.length < limit) {
		out.push(at);
		at = periodAt(schemes, at.startsAt - 1);
	}
	return out;
}

/**
 * Why a version of `kind` cannot start at `startsAt`, or null: it must start in the future, at the start of a
 * period of its kind that is also the end of a period of the version before it, and after every other version.
 */
export function startProblem(others: readonly Pick<SchemeRow, 'startsAt' | 'periodKind'>[], kind: PeriodKind, startsAt: number, now: number): string | null {
	if (!Number.isFinite(startsAt) || !startsPeriod(kind, startsAt)) return 'err_evaluation_start_not_period';
	if (startsAt <= now) return 'err_evaluation_start_past';
	const before = [...others].sort((a, b) => a.startsAt - b.startsAt).at(-1);
	if (before && startsAt <= before.startsAt) return 'err_evaluation_start_after_latest';
	if (before && !startsPeriod(before.periodKind, startsAt)) return 'err_evaluation_start_mid_period';
	return null;
}

/** The first periods a new version of `kind` could start with: the next few that `startProblem` accepts. */
export function startChoices(others: readonly Pick<SchemeRow, 'startsAt' | 'periodKind'>[], kind: PeriodKind, now: number, count = 6): Period[] {
	const out: Period[] = [];
	let p = nextPeriod(periodContaining(kind, now));
	for (let guard = 0; out.length < count && guard < 40; guard++, p = nextPeriod(p)) if (!startProblem(others, kind, p.startsAt, now)) out.push(p);
	return out;
}
