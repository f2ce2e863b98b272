/** Vote-counting rules for 民生微實事 project menus, named as Pabulib names them. */
export type RuleName = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares/add1';

export const RULE_NAMES: readonly RuleName[] = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares/add1'];

export interface TallyProject {
	id: string;
	/** Non-negative integer currency units. */
	cost: number;
	name?: string;
}

export interface TallyInput {
	/** Non-negative integer currency units. */
	budget: number;
	projects: TallyProject[];
	/** Approved project ids per voter. Unknown ids are a caller bug; duplicates within one ballot are ignored. */
	ballots: string[][];
	rule: RuleName;
	/** greedy-threshold: a project needs at least this many votes (or this score) to be considered. */
	minVotes?: number;
	/**
	 * Optional precomputed score per project (cumulative ballots). When given, the greedy rules order by it
	 * instead of approval counts. Projects missing from the map score 0.
	 */
	scores?: Map<string, number>;
}

export type NotSelectedReason =
	| 'did_not_fit'
	| 'below_threshold'
	/** greedy-no-skip: ranked after the first project that did not fit. */
	| 'stopped'
	/** Method of Equal Shares: its supporters could not afford it. */
	| 'not_affordable';

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
	/** The total T = budget + increments × voters of the run whose outcome was kept. */
	virtualBudget: number;
	/** virtualBudget / voters, for display only (never used to decide anything). */
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
