// Downloads of 建設共管: areas, claims and monthly coverage, as CSV (for spreadsheets) and JSON (for programs).
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../auth/schema';
import type { CommunityRecord } from '../org/records';
import { areaClaims, areas, careLogs, teams } from './schema';
import { areaItems, gridsOf } from './queries';
import { heldIntervals, monthlyCoverage } from './coverage';
import { hoursOf } from './rules';

type Cell = string | number | boolean | null;

/**
 * A spreadsheet cell: a text starting with = + - @, a tab or a carriage return gets a leading ' so no spreadsheet
 * runs it as a formula (a name like "=HYPERLINK(…)" stays text); quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: Cell): string {
	let s = value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows as CSV, UTF-8 with a byte-order mark so that Excel reads the Chinese as UTF-8. */
export function toCsv(head: string[], rows: Cell[][]): string {
	return '\uFEFF' + [head.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

type Words = { kind(code: string): string; state(code: string): string; claimState(code: string): string };

export function areasExport(db: DbOrTx, community: CommunityRecord, words: Words) {
	const full = new Map(
		db
			.select({ id: areas.id, termMonths: areas.termMonths, minCareDays: areas.minCareDays, reason: areas.notAdoptableReason, latitude: areas.latitude, longitude: areas.longitude, retiredAt: areas.retiredAt })
			.from(areas)
			.where(eq(areas.communityId, community.id))
			.all()
			.map((a) => [a.id, a])
	);
	const rows = areaItems(db, community.id).items.map((a) => {
		const f = full.get(a.id)!;
		return {
			id: a.id,
			name: a.name,
			kind: a.kind,
			kindText: words.kind(a.kind),
			grid: a.gridName,
			place: a.place,
			state: a.state,
			stateText: words.state(a.state),
			capacity: a.capacity,
			taken: a.taken,
			termMonths: f.termMonths,
			minCareDays: f.minCareDays,
			priority: a.priority,
			adoptable: a.adoptable,
			notAdoptableReason: f.reason,
			latitude: f.latitude,
			longitude: f.longitude,
			pinX: a.pinX,
			pinY: a.pinY
		};
	});
	const head = ['id', 'name', 'kind', 'kind_text', 'grid', 'place', 'state', 'state_text', 'capacity', 'taken', 'term_months', 'min_care_days', 'priority', 'adoptable', 'not_adoptable_reason', 'latitude', 'longitude', 'pin_x_permille', 'pin_y_permille'];
	return { json: { community: community.name, areas: rows }, csv: toCsv(head, rows.map((r) => Object.values(r))) };
}

export function claimsExport(db: DbOrTx, community: CommunityRecord, words: Words) {
	const rows = db
		.select({
			id: areaClaims.id,
			areaId: areaClaims.areaId,
			area: areas.name,
			claimantKind: areaClaims.claimantKind,
			person: users.displayName,
			team: teams.name,
			state: areaClaims.state,
			claimedAt: areaClaims.claimedAt,
			startedAt: areaClaims.startedAt,
			termEndsAt: areaClaims.termEndsAt,
			endedAt: areaClaims.endedAt,
			logs: sql<number>`(select count(*) from ${careLogs} l where l.claim_id = ${areaClaims.id} and l.state <> 'rejected')`,
			minutes: sql<number>`(select coalesce(sum(l.minutes), 0) from ${careLogs} l where l.claim_id = ${areaClaims.id} and l.state <> 'rejected')`
		})
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.innerJoin(users, eq(users.id, areaClaims.userId))
		.leftJoin(teams, eq(teams.id, areaClaims.teamId))
		.where(and(eq(areaClaims.communityId, community.id), ne(areaClaims.state, 'declined')))
		.orderBy(desc(areaClaims.claimedAt), desc(areaClaims.id))
		.all()
		.map((c) => ({
			id: c.id,
			areaId: c.areaId,
			area: c.area,
			claimantKind: c.claimantKind,
			claimant: c.claimantKind === 'team' ? c.team : c.person,
			state: c.state,
			stateText: words.claimState(c.state),
			claimedAt: iso(c.claimedAt),
			startedAt: iso(c.startedAt),
			termEndsAt: iso(c.termEndsAt),
			endedAt: iso(c.endedAt),
			logs: Number(c.logs),
			hours: hoursOf(Number(c.minutes))
		}));
	const head = ['id', 'area_id', 'area', 'claimant_kind', 'claimant', 'state', 'state_text', 'claimed_at', 'started_at', 'term_ends_at', 'ended_at', 'logs', 'hours'];
	return { json: { community: community.name, claims: rows }, csv: toCsv(head, rows.map((r) => Object.values(r))) };
}

/** Monthly time-averaged coverage (see coverage.ts) over the last twelve months: overall, by grid, by kind. */
export function coverageExport(db: DbOrTx, community: CommunityRecord, now: number, words: Words) {
	const { all } = areaItems(db, community.id);
	const adoptable = all.filter((a) => a.adoptable);
	const held = heldIntervals(db, community.id);
	const local = new Date(now + 8 * 3_600_000);
	const from = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 11, 1) - 8 * 3_600_000;
	const grids = gridsOf(db, community.id);
	const scopes: { scope: string; name: string; list: typeof adoptable }[] = [
		{ scope: 'all', name: community.name, list: adoptable },
		...grids.map((g) => ({ scope: `grid:${g.id}`, name: g.name, list: adoptable.filter((a) => a.gridId === g.id) })),
		...[...new Set(adoptable.map((a) => a.kind))].map((k) => ({ scope: `kind:${k}`, name: words.kind(k), list: adoptable.filter((a) => a.kind === k) }))
	];
	const rows = scopes.flatMap((s) =>
		monthlyCoverage(s.list, held, from, now).map((m) => ({
			month: m.month,
			scope: s.scope,
			scopeName: s.name,
			numerator: m.numerator,
			denominator: m.denominator,
			n: m.n,
			share: m.share === null ? null : Math.round(m.share * 10_000) / 10_000
		}))
	);
	const head = ['month', 'scope', 'scope_name', 'numerator_area_days', 'denominator_area_days', 'n', 'share'];
	return {
		json: { community: community.name, method: 'time-averaged: covered area-days ÷ area-days of adoptable areas in the month (see coverage.ts)', months: rows },
		csv: toCsv(head, rows.map((r) => Object.values(r)))
	};
}
