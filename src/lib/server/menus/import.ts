// A real participatory-budgeting election from a Pabulib .pb file, replayed as a read-only menu.
import { eq } from 'drizzle-orm';
import { defineAsyncCommand } from '../kernel/command';
import { communitySubject, loadCommunity } from '../org/records';
import { err, ok, type Result } from '../result';
import { ballotChoices, ballots, menuProjects, menus } from './schema';
import { importSchema } from './validation';
import { PabulibError, parsePabulib, tallyInputFor, type PbElection, type PbTallyInput, type PbVote } from './pabulib';
import { freezeResults, resultsOf } from './results';
import { DAY } from './rules';
import { tally, type TallyResult } from './tally';

/** "31.03.2024" or "2024-03-31" in a file's META, as UTC ms; null if absent or unreadable. */
export function pbDate(text: string | undefined): number | null {
	const s = (text ?? '').trim();
	let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
	if (m) return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
	m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
	if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return null;
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** The file's ISO currency code, or CNY when it names none (the portal's own). */
export function pbCurrency(meta: Record<string, string>): string {
	const code = meta.currency?.trim().toUpperCase() ?? '';
	return /^[A-Z]{3}$/.test(code) ? code : 'CNY';
}

function readElection(text: string): { election: PbElection; counted: PbTallyInput } | PabulibError {
	try {
		const election = parsePabulib(text);
		const counted = tallyInputFor(election);
		if (!(counted.input.budget > 0)) return new PabulibError('bad_number', { key: 'pb_budget_not_positive', params: { text: election.meta.budget ?? '' } });
		return { election, counted };
	} catch (e) {
		if (e instanceof PabulibError) return e;
		throw e;
	}
}

/**
 * A vote's choices as stored: each project once, at its first place on the ballot (its rank on a ranked
 * ballot), with its points when its vote type counts points (cumulative, ranked) and the file gives them (a
 * project named twice on a points ballot gets the sum, which is what it counts for).
 */
export function storedChoices(vote: PbVote, voteType: PbTallyInput['voteType']): { key: string; position: number; points: number | null }[] {
	const counted = voteType === 'cumulative' || voteType === 'ordinal';
	const byKey = new Map<string, { key: string; position: number; points: number | null }>();
	vote.vote.forEach((key, i) => {
		const points = counted && vote.points ? vote.points[i] : null;
		const seen = byKey.get(key);
		if (seen) seen.points = seen.points === null || points === null ? seen.points : seen.points + points;
		else byKey.set(key, { key, position: byKey.size + 1, points });
	});
	return [...byKey.values()];
}

/** What a file turns into before the transaction: the election, its tally input and count, and the menu's title. */
type Replay = { election: PbElection; counted: PbTallyInput; result: TallyResult; title: string; description: string };

/**
 * A file's META comment as readable text: Pabulib numbers its remarks ("#1: … #2: …"), which on a page read
 * as stray markers (and "#" as Markdown), so each remark becomes a line of its own without its number.
 */
export function pabulibComment(comment: string | undefined): string {
	const remarks = (comment ?? '')
		.split(/#\d+:\s*/)
		.map((s) => s.trim().replace(/;$/, '').trim())
		.filter(Boolean);
	return remarks.length > 1 ? remarks.map((r) => `- ${r}`).join('\n') : (remarks[0] ?? '');
}

/**
 * Street staff replay a real election from a Pabulib file as a read-only menu of a community: its ballots of any
 * form (ticks, one tick, points, rankings) with each choice's place and points, amounts in the file's own scale
 * and currency, and its results counted with the file's rule. The file is read and counted before the
 * transaction.
 */
export const importPabulib = defineAsyncCommand({
	action: 'menu.import_pabulib',
	load: loadCommunity,
	subject: communitySubject,
	input: importSchema,
	before: async (_db, { input }): Promise<Result<Replay>> => {
		const read = readElection(input.file);
		// the file itself is what is wrong: said beside its field too, so it is not kept for the next try
		if (read instanceof PabulibError) return err(`menu_pabulib_${read.code}`, { params: { detail: read.detail }, fields: { file: 'err_pb_file_refused' } });
		const meta = read.election.meta;
		const title = input.title || [meta.description, meta.unit, meta.instance].filter(Boolean).join(' · ').slice(0, 80) || 'Pabulib';
		return ok({ election: read.election, counted: read.counted, result: tally(read.counted.input), title, description: input.description });
	},
	run: ({ tx, actor, record: community, input: { election, counted, result, title, description }, now }) => {
		const meta = election.meta;
		const tallyInput = counted.input;
		const begin = pbDate(meta.date_begin) ?? now;
		const end = Math.max(pbDate(meta.date_end) ?? begin + DAY, begin + DAY);
		const maxLength = Number(meta.max_length);
		const minLength = Number(meta.min_length);
		const limited = Number.isInteger(maxLength) && maxLength > 0;
		const voteType = counted.voteType;
		const menu = tx
			.insert(menus)
			.values({
				communityId: community.id,
				title,
				description: description || pabulibComment(meta.comment),
				budget: tallyInput.budget,
				currency: pbCurrency(meta),
				amountScale: counted.scale,
				voteType,
				ballotRule: limited || voteType === 'choose-1' ? 'choose_k' : 'approval_budget',
				maxChoices: limited ? maxLength : voteType === 'choose-1' ? 1 : null,
				minChoices: Number.isInteger(minLength) && minLength > 0 ? minLength : null,
				tallyRule: tallyInput.rule,
				minVotes: tallyInput.minVotes ?? null,
				collectStartsAt: begin,
				reviewStartsAt: begin,
				voteStartsAt: begin,
				resultsStartsAt: end,
				implementationStartsAt: end,
				acceptanceStartsAt: end,
				advancedTo: 'results',
				source: 'pabulib',
				pabulibMeta: JSON.stringify(meta),
				createdBy: actor.userId,
				createdAt: now
			})
			.returning({ id: menus.id })
			.get();
		const keyToId = new Map<string, number>();
		for (const part of chunks(election.projects, 200)) {
			const rows = tx
				.insert(menuProjects)
				.values(
					part.map((p) => ({
						menuId: menu.id,
						title: (p.columns.name || `#${p.id}`).slice(0, 200),
						description: p.columns.description ?? '',
						estimatedCost: p.cost,
						finalCost: p.cost,
						feasibility: 'feasible' as const,
						externalId: p.id,
						createdAt: now
					}))
				)
				.returning({ id: menuProjects.id, externalId: menuProjects.externalId })
				.all();
			for (const r of rows) keyToId.set(r.externalId!, r.id);
		}
		for (const part of chunks(election.votes, 1000)) {
			// The file's voter ids are the voter codes (public already: the file is).
			const rows = tx
				.insert(ballots)
				.values(part.map((vote) => ({ menuId: menu.id, voterCode: vote.voter_id, createdAt: end, updatedAt: end })))
				.returning({ id: ballots.id })
				.all();
			const choices = part.flatMap((vote, i) =>
				storedChoices(vote, voteType).map((c) => ({ ballotId: rows[i].id, projectId: keyToId.get(c.key)!, position: c.position, points: c.points }))
			);
			for (const c of chunks(choices, 5000)) if (c.length) tx.insert(ballotChoices).values(c).run();
		}
		const results = resultsOf(result, keyToId, { tallyRule: tallyInput.rule, minVotes: tallyInput.minVotes ?? null, voteType }, now, counted.warnings);
		tx.update(menus).set({ resultsJson: JSON.stringify(results), resultsPublishedAt: now }).where(eq(menus.id, menu.id)).run();
		freezeResults(tx, menu.id, results);
		return ok({ id: menu.id, projects: election.projects.length, voters: election.votes.length, rule: tallyInput.rule, voteType });
	},
	audit: ({ input: { title } }, v) => ({
		subjectType: 'menu',
		subjectId: v.id,
		summary: { title, projects: v.projects, voters: v.voters, rule: v.rule, voteType: v.voteType }
	})
});
