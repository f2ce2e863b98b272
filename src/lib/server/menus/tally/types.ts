/** Vote-counting rules for 民生微實事 project menus, named as Pabulib names them. */
export type RuleName = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares/add1';

export const RULE_NAMES: readonly RuleName[] = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares/add1'];

export interface TallyProject {
	id: string;
	/** Non-negative integer amount, in the same unit as the budget. */
	cost: number;
	name?: string;
}

export interface TallyInput {
	/**
	 * Non-negative integer amount: whole currency units, or minor units (fen, grosze) when amounts have decimals —
	 * then `unit` says how many of them make one currency unit.
	 */
	budget: number;
	/**
	 * How many of the budget's units make one currency unit (1 by default; 100 when amounts are in fen). The
	 * Add1 completion of Equal Shares gives every voter one currency unit more per round.
	 */
	unit?: number;
	projects: TallyProject[];
	/** Approved project ids per voter. Unknown ids are a caller bug; duplicates within one ballot are ignored. */
	ballots: string[][];
	rule: RuleName;
	/**
	 * greedy-threshold: a project needs at least this many votes (or this score) to be considered. greedy-no-skip
	 * applies it too when given (Gdynia's files: below the threshold is passed over, without stopping).
	 */
	minVotes?: number;
	/**
	 * Projects withdrawn after the vote (a Pabulib file gives them the cost 999999999): never funded, and
	 * greedy-no-skip passes over them instead of stopping there. Their reason is did_not_fit.
	 */
	withdrawn?: readonly string[];
	/**
	 * How the greedy rules order projects with equal votes (or score): 'cheaper-first' (the default: lower cost,
	 * then project id) or 'listed' (the order of `projects`, as a city's published file lists them).
	 */
	ties?: 'cheaper-first' | 'listed';
	/**
	 * Optional precomputed score per project (points of cumulative or ranked ballots). When given, the greedy
	 * rules order by it (and greedy-threshold compares it with minVotes) instead of approval counts. Projects
	 * missing from the map score 0.
	 */
	scores?: Map<string, number>;
}

/** did_not_fit; below_threshold; stopped (greedy-no-skip: after the first that did not fit); not_affordable (Equal Shares). */
export type { NotSelectedReason } from '../../../codes';
import type { NotSelectedReason } from '../../../codes';

export interface ProjectOutcome {
	id: string;
	cost: number;
	/** Number of ballots approving the project. */
	votes: number;
	/** The score the greedy rules ordered by, present only when TallyInput.scores was given. */
	score?: number;
	selected: boolean;
	reason: NotSelectedReason | null;
	/** 1-based position in vote (or score) order. */
	rank: number;
}

/** How the Add1 completion of the Method of Equal Shares ended. */
export interface EqualSharesDetails {
	/** The total T = budget + increments × voters × unit of the run whose outcome was kept, in the budget's units. */
	virtualBudget: number;
	/** virtualBudget / voters, in the budget's units, for display only (never used to decide anything). */
	perVoterShare: number;
	/** How many times every voter was given one more currency unit. */
	increments: number;
}

export interface TallyResult {
	rule: RuleName;
	budget: number;
	/** Selected project ids, in selection order. */
	selected: string[];
	/** Total cost of the selected projects. */
	cost: number;
	/** Every project, sorted by votes (or score) descending with the greedy tie-break. */
	projects: ProjectOutcome[];
	voters: number;
	equalShares?: EqualSharesDetails;
}
