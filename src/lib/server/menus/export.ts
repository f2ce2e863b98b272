// Downloads: results as CSV and JSON, ballots as a Pabulib .pb file with anonymous voter ids.
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import { writePabulib, type PbWritable } from './pabulib';
import { ballotsWithChoices, currencyOf, projectsOf } from './queries';
import type { MenuRecord } from './records';
import type { MenuResults } from './results';
import { compareProjectIds } from './tally';

type Label = (reason: string) => string;

export type ResultRow = { id: number; key: string; title: string; cost: number; votes: number; selected: boolean; reason: string | null; rank: number };

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
			selected: r.selected,
			reason: r.reason,
			rank: r.rank
		};
	});
}

/** A spreadsheet cell: quoted, and never read as a formula. */
function cell(value: string | number | boolean): string {
	let s = String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function resultsCsv(rows: ResultRow[], label: Label): string {
	const head = ['rank', 'project_id', 'title', 'cost', 'votes', 'selected', 'reason', 'reason_text'];
	const lines = rows.map((r) => [r.rank, r.key, r.title, r.cost, r.votes, r.selected ? 1 : 0, r.reason ?? '', r.reason ? label(r.reason) : ''].map(cell).join(','));
	// The BOM lets spreadsheet programs read the Chinese titles as UTF-8.
	return '\uFEFF' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}

export function resultsJson({ menu, community }: MenuRecord, results: MenuResults, rows: ResultRow[]) {
	return {
		menu: { id: menu.id, title: menu.title, community: community.name, budget: menu.budget, currency: currencyOf(menu), source: menu.source },
		rule: results.rule,
		minVotes: results.minVotes,
		voters: results.voters,
		cost: results.cost,
		publishedAt: menu.resultsPublishedAt ? new Date(menu.resultsPublishedAt).toISOString() : null,
		equalShares: results.equalShares ?? null,
		projects: rows.map((r) => ({ rank: r.rank, id: r.key, title: r.title, cost: r.cost, votes: r.votes, selected: r.selected, reason: r.reason }))
	};
}

/**
 * The ballots as Pabulib. Native voters get ids 1…n in an order that says nothing about who voted or when
 * (sorted by a hash of the ballot); replayed elections keep the file's ids.
 */
export function ballotsPb(db: DbOrTx, { menu, community }: MenuRecord, results: MenuResults | null): string {
	const projects = projectsOf(db, menu.id).filter((p) => p.feasibility === 'feasible');
	const keyOf = new Map(projects.map((p) => [p.id, menu.source === 'pabulib' && p.externalId ? p.externalId : String(p.id)]));
	const outcome = new Map(results?.projects.map((r) => [r.projectId, r]) ?? []);
	const stored = menu.pabulibMeta ? (JSON.parse(menu.pabulibMeta) as Record<string, string>) : {};
	let list = ballotsWithChoices(db, menu.id);
	if (menu.source === 'native') {
		const hash = (id: number) => createHash('sha256').update(`${menu.id}:${id}:${menu.createdAt}`).digest('hex');
		list = list.map((b) => ({ ...b, h: hash(b.id) })).sort((a, b) => (a.h < b.h ? -1 : 1));
	}
	const meta: Record<string, string> =
		menu.source === 'pabulib'
			? { ...stored }
			: {
					description: menu.title,
					country: 'China',
					unit: community.name,
					instance: String(new Date(menu.voteStartsAt).getUTCFullYear()),
					num_projects: String(projects.length),
					num_votes: String(list.length),
					budget: String(menu.budget),
					vote_type: 'approval',
					rule: menu.tallyRule,
					...(menu.minVotes && menu.tallyRule === 'greedy-threshold' ? { min_project_score_threshold: String(menu.minVotes) } : {}),
					...(menu.minChoices ? { min_length: String(menu.minChoices) } : {}),
					...(menu.maxChoices ? { max_length: String(menu.maxChoices) } : {}),
					currency: 'CNY',
					language: 'zh'
				};
	const writable: PbWritable = {
		meta,
		projects: projects.map((p) => ({
			project_id: keyOf.get(p.id)!,
			cost: String(p.finalCost ?? 0),
			name: p.title,
			...(outcome.has(p.id) ? { votes: String(outcome.get(p.id)!.votes), selected: outcome.get(p.id)!.selected ? '1' : '0' } : {})
		})),
		votes: list.map((b, i) => ({
			voter_id: menu.source === 'pabulib' && b.externalVoter ? b.externalVoter : String(i + 1),
			vote: b.projectIds
				.map((id) => keyOf.get(id))
				.filter((k): k is string => k !== undefined)
				.sort(compareProjectIds)
		}))
	};
	return writePabulib(writable);
}
