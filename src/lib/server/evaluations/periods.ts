// Evaluation periods: quarters by default, halves or years, in China's calendar (a period starts at midnight
// there). Keys people can read and type into a URL: 2026Q3, 2026H2, 2026.
import { chinaDate, chinaDayStart } from '../db/time';
import type { PeriodKind } from '../../codes';

export type Period = { key: string; kind: PeriodKind; year: number; index: number; startsAt: number; endsAt: number };

const MONTHS: Record<PeriodKind, number> = { quarter: 3, half: 6, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight in China on the first day of `month` (1-based; 13 is January of the next year). */
function monthStart(year: number, month: number): number {
	const y = year + Math.floor((month - 1) / 12);
	const m = ((month - 1) % 12) + 1;
	return chinaDayStart(`${y}-${pad(m)}-01`);
}

export function keyOf(kind: PeriodKind, year: number, index: number): string {
	return kind === 'quarter' ? `${year}Q${index}` : kind === 'half' ? `${year}H${index}` : String(year);
}

/** The period of that kind, year and number (1-based). */
export function periodAt(kind: PeriodKind, year: number, index: number): Period {
	const months = MONTHS[kind];
	const first = (index - 1) * months + 1;
	return { key: keyOf(kind, year, index), kind, year, index, startsAt: monthStart(year, first), endsAt: monthStart(year, first + months) };
}

/** The period of `kind` that contains the moment `at`. */
export function periodContaining(kind: PeriodKind, at: number): Period {
	const [year, month] = chinaDate(at).split('-').map(Number);
	return periodAt(kind, year, Math.floor((month - 1) / MONTHS[kind]) + 1);
}

/** "2026Q3" → that quarter; null for anything else (the URL's period is checked with this). */
export function parsePeriod(key: string): Period | null {
	const m = /^(20\d\d)(?:(Q)([1-4])|(H)([12]))?$/.exec(key);
	if (!m) return null;
	const year = Number(m[1]);
	if (m[2]) return periodAt('quarter', year, Number(m[3]));
	if (m[4]) return periodAt('half', year, Number(m[5]));
	return periodAt('year', year, 1);
}

export const nextPeriod = (p: Period): Period => periodContaining(p.kind, p.endsAt);
export const previousPeriod = (p: Period): Period => periodContaining(p.kind, p.startsAt - 1);

/** Whether a period of `kind` starts at `at`. */
export const startsPeriod = (kind: PeriodKind, at: number) => periodContaining(kind, at).startsAt === at;

/** The first and last day, for people: ["2026-07-01", "2026-09-30"]. */
export const periodDays = (p: Pick<Period, 'startsAt' | 'endsAt'>): [string, string] => [chinaDate(p.startsAt), chinaDate(p.endsAt - 1)];
