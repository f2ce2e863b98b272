/**
 * The tally engine for project menus: pure functions of plain data, no database.
 *
 * Tie-breaks (so that every outcome is reproducible):
 * - greedy rules order projects by votes (or the given score) descending, then cost ascending, then project id
 *   ascending — numerically when both ids are digit strings, else by code-unit string order (or, with
 *   `ties: 'listed'`, equal votes keep the order in which the projects were given);
 * - the Method of Equal Shares picks the largest effective vote count (cost / p), then lower cost, then more
 *   votes, then project id as above.
 * The `projects` list of a result is always in the greedy order, and `rank` is the position in it.
 */
import { runEqualSharesAdd1 } from './equal-shares';
import { compareByVotesThenListed, compareByVoteOrder, runGreedy } from './greedy';
import { prepareElection, type PreparedElection, type PreparedProject } from './prepare';
import type { EqualSharesDetails, NotSelectedReason, ProjectOutcome, TallyInput, TallyResult } from './types';

export type * from './types';
export { RULE_NAMES } from './types';
export { compareProjectIds } from './order';
export * from './amount';
export * from './points';

interface RuleOutcome {
	selected: PreparedProject[];
	reasons: Map<PreparedProject, NotSelectedReason>;
	equalShares?: EqualSharesDetails;
}

function applyRule(input: TallyInput, election: PreparedElection, ordered: PreparedProject[]): RuleOutcome {
	const { budget } = election;
	switch (input.rule) {
		case 'greedy':
			return runGreedy(ordered, budget, { stopAtFirstMiss: false });
		case 'greedy-no-skip':
			return runGreedy(ordered, budget, { stopAtFirstMiss: true, minScore: input.minVotes });
		case 'greedy-threshold':
			return runGreedy(ordered, budget, { stopAtFirstMiss: false, minScore: input.minVotes ?? 0 });
		case 'equalshares/add1': {
			const { selected, details } = runEqualSharesAdd1(election);
			const chosen = new Set(selected);
			const reasons = new Map<PreparedProject, NotSelectedReason>();
			for (const project of election.projects) if (!chosen.has(project)) reasons.set(project, 'not_affordable');
			return { selected, reasons, equalShares: details };
		}
		default: {
			const unknown: never = input.rule;
			throw new RangeError(`unknown rule ${String(unknown)}`);
		}
	}
}

export function tally(input: TallyInput): TallyResult {
	const election = prepareElection(input);
	const ordered = [...election.projects].sort(input.ties === 'listed' ? compareByVotesThenListed : compareByVoteOrder);
	const outcome = applyRule(input, election, ordered);

	const projects: ProjectOutcome[] = ordered.map((project, position) => {
		const reason = outcome.reasons.get(project) ?? null;
		return {
			id: project.id,
			cost: project.cost,
			votes: project.votes,
			...(input.scores ? { score: project.score } : {}),
			selected: reason === null,
			reason,
			rank: position + 1,
		};
	});
	const result: TallyResult = {
		rule: input.rule,
		budget: election.budget,
		selected: outcome.selected.map((project) => project.id),
		cost: outcome.selected.reduce((sum, project) => sum + project.cost, 0),
		projects,
		voters: election.voters,
	};
	if (outcome.equalShares) result.equalShares = outcome.equalShares;
	return result;
}
