// Downloads: results as CSV and JSON, ballots as a Pabulib .pb file. Voters are named by their ballots' voter
// codes (random for residents), in the codes' order: nothing in a download says whose ballot is whose.
import type { DbOrTx } from '../db/client';
import { writePabulib, type PbWritable } from './pabulib';
import { ballotsWithChoices, projectsOf } from './queries';
import type { MenuRecord } from './records';
import type { MenuResults } from './results';
import { compareProjectIds } from './tally';
import { notationScale, plainAmount } from '../../money';

type Label = (reason: string) => string;

export type ResultRow = {
	id: number;
	key: string;
	title: string;
	/** In the menu's amount units (fen for the portal's menus). */
	cost: number;
	votes: number;
	/** Points of cumulative or ranked ballots; null when a project's score is its votes. */
	score: number | null;
	selected: boolean;
	reason: string | null;
	rank: number;
};

export function resultRows(db: DbOrTx, { menu }: MenuRecord, results: MenuResults): ResultRow[] {
	const projects = new Map(projectsOf(db, menu.id).map((p) => [p.id, p]));
	return results.projects.map((r) => {
		const p = projects.get(r.projectId);
		return {
			id: r.projectId,
			key: p?.externalId ?? String(r.projectId),
			title: p?.title ?? '',
			cost: r.cost,
			votes: r.votes,
			score: r.score ?? null,
			selected: r.selected,
			reason: r.reason,
			rank: r.rank
		};
	});
}

/** How the downloads of a menu write amounts: in currency units, with as many decimals as its amounts need. */
function amountWriter(scale: number, amounts: number[]) {
	const notation = notationScale(amounts, scale);
	return (value: number) => plainAmount(value, scale, notation);
}

/** A spreadsheet cell: quoted, and never read as a formula. */
function cell(value: string | number | boolean): string {
	let s = String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line per project; cost in currency units ("308151.26", or "300000" when every amount is whole). */
export function resultsCsv({ menu }: MenuRecord, rows: ResultRow[], label: Label): string {
	const amount = amountWriter(menu.amountScale, rows.map((r) => r.cost));
	const head = ['rank', 'project_id', 'title', 'cost', 'votes', 'score', 'selected', 'reason', 'reason_text'];
	const lines = rows.map((r) =>
		[r.rank, r.key, r.title, amount(r.cost), r.votes, r.score ?? r.votes, r.selected ? 1 : 0, r.reason ?? '', r.reason ? label(r.reason) : ''].map(cell).join(',')
	);
	// The BOM lets spreadsheet programs read the Chinese titles as UTF-8.
	return '\uFEFF' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Amounts in currency units as JSON numbers: their decimal text is exact ("308151.26"). */
export function resultsJson({ menu, community }: MenuRecord, results: MenuResults, rows: ResultRow[]) {
	const units = (value: number) => Number(plainAmount(value, menu.amountScale));
	return {
		menu: {
			id: menu.id,
			title: menu.title,
			community: community.name,
			budget: units(menu.budget),
			currency: menu.currency,
			voteType: menu.voteType,
			source: menu.source
		},
		rule: results.rule,
		minVotes: results.minVotes,
		voters: results.voters,
		cost: units(results.cost),
		publishedAt: menu.resultsPublishedAt ? new Date(menu.resultsPublishedAt).toISOString() : null,
		equalShares: results.equalShares ? { virtualBudget: units(results.equalShares.virtualBudget), increments: results.equalShares.increments } : null,
		warnings: results.warnings ?? [],
		projects: rows.map((r) => ({
			rank: r.rank,
			id: r.key,
			title: r.title,
			cost: units(r.cost),
			votes: r.votes,
			...(r.score !== null ? { score: r.score } : {}),
			selected: r.selected,
			reason: r.reason
		}))
	};
}

/**
 * The ballots as Pabulib, so anyone can count them again: amounts in the menu's notation and currency, its vote
 * type, each ballot's projects in its own order (a ranking stays a ranking) with its points. Voters are their
 * voter codes in the codes' order. A replay keeps its file's META (amounts rewritten in the same notation), so
 * export → import → export gives the same file.
 */
export function ballotsPb(db: DbOrTx, { menu, community }: MenuRecord, results: MenuResults | null): string {
	const projects = projectsOf(db, menu.id).filter((p) => p.feasibility === 'feasible');
	const replay = menu.source === 'pabulib';
	const keyOf = new Map(projects.map((p) => [p.id, replay && p.externalId ? p.externalId : String(p.id)]));
	const outcome = new Map(results?.projects.map((r) => [r.projectId, r]) ?? []);
	const amount = amountWriter(menu.amountScale, [menu.budget, ...projects.map((p) => p.finalCost ?? 0)]);
	const scored = menu.voteType === 'cumulative' || menu.voteType === 'ordinal';
	const list = ballotsWithChoices(db, menu.id);
	const meta: Record<string, string> = replay
		? { ...(JSON.parse(menu.pabulibMeta ?? '{}') as Record<string, string>), budget: amount(menu.budget) }
		: {
				description: menu.title,
				country: 'China',
				unit: community.name,
				instance: String(new Date(menu.voteStartsAt).getUTCFullYear()),
				num_projects: String(projects.length),
				num_votes: String(list.length),
				budget: amount(menu.budget),
				vote_type: menu.voteType,
				rule: menu.tallyRule,
				...(menu.minVotes && menu.tallyRule === 'greedy-threshold' ? { min_project_score_threshold: String(menu.minVotes) } : {}),
				...(menu.minChoices ? { min_length: String(menu.minChoices) } : {}),
				...(menu.maxChoices ? { max_length: String(menu.maxChoices) } : {}),
				currency: menu.currency,
				language: 'zh'
			};
	const writable: PbWritable = {
		meta,
		projects: projects.map((p) => {
			const r = outcome.get(p.id);
			return {
				project_id: keyOf.get(p.id)!,
				cost: amount(p.finalCost ?? 0),
				...(r ? { votes: String(r.votes), ...(scored ? { score: String(r.score ?? 0) } : {}) } : {}),
				name: p.title,
				...(r ? { selected: r.selected ? '1' : '0' } : {})
			};
		}),
		votes: list.map((b) => {
			const choices = b.choices.filter((c) => keyOf.has(c.projectId));
			// A resident's ticks have no order: written by project id. A replay keeps its file's order.
			if (!replay) choices.sort((x, y) => compareProjectIds(keyOf.get(x.projectId)!, keyOf.get(y.projectId)!));
			const points = scored && choices.length > 0 && choices.every((c) => c.points !== null) ? choices.map((c) => c.points!) : undefined;
			return { voter_id: b.voterCode, vote: choices.map((c) => keyOf.get(c.projectId)!), ...(points ? { points } : {}) };
		})
	};
	return writePabulib(writable);
}
