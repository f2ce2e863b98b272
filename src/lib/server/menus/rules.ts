// Pure rules of project menus: which phase a menu is in, what comes next, what a ballot may hold. No database.
import { PHASES, type Phase } from './schema';
import { DAY, HOUR } from '../db/time';

/** Before its collect date a menu is only announced. */
export type MenuPhase = 'scheduled' | Phase;

export type PhaseDates = {
	collectStartsAt: number;
	reviewStartsAt: number;
	voteStartsAt: number;
	resultsStartsAt: number;
	implementationStartsAt: number;
	acceptanceStartsAt: number;
};

export type PhasedMenu = PhaseDates & { advancedTo: Phase | null; source: 'native' | 'pabulib' };

export const PHASE_START: Record<Phase, keyof PhaseDates> = {
	collect: 'collectStartsAt',
	review: 'reviewStartsAt',
	vote: 'voteStartsAt',
	results: 'resultsStartsAt',
	implementation: 'implementationStartsAt',
	acceptance: 'acceptanceStartsAt'
};

const order = (p: MenuPhase) => (p === 'scheduled' ? -1 : PHASES.indexOf(p));

/**
 * The phase by the dates (the latest phase whose date has come), or the phase street staff advanced it to when
 * that is further along. A replayed Pabulib election is always showing its results.
 */
export function currentPhase(menu: PhasedMenu, now: number): MenuPhase {
	if (menu.source === 'pabulib') return 'results';
	let byDate: MenuPhase = 'scheduled';
	for (const p of PHASES) if (menu[PHASE_START[p]] <= now) byDate = p;
	if (menu.advancedTo && order(menu.advancedTo) > order(byDate)) return menu.advancedTo;
	return byDate;
}

/** The phase after the current one and when it starts by the dates (null after acceptance or for replays). */
export function nextPhase(menu: PhasedMenu, now: number): { phase: Phase; startsAt: number } | null {
	const current = currentPhase(menu, now);
	if (menu.source === 'pabulib') return null;
	const next = PHASES[order(current) + 1];
	return next ? { phase: next, startsAt: menu[PHASE_START[next]] } : null;
}

export function phaseAtLeast(phase: MenuPhase, than: Phase): boolean {
	return order(phase) >= order(than);
}

/**
 * Why a menu may not be moved on to `next` now, or null: its vote never opens with nothing to vote for, that is
 * before at least one candidate has been reviewed as feasible. The command refuses it and the page says so first.
 */
export function advanceRefusal(next: Phase, feasibleCount: number): 'menu_no_feasible_projects' | null {
	return next === 'vote' && feasibleCount < 1 ? 'menu_no_feasible_projects' : null;
}

/** When voting ends: the results date, or now if street staff already closed it. */
export function voteClosesAt(menu: PhasedMenu, now: number): number {
	return phaseAtLeast(currentPhase(menu, now), 'results') ? Math.min(now, menu.resultsStartsAt) : menu.resultsStartsAt;
}

/** The "closes within 24 hours" reminder is due. */
export const CLOSING_NOTICE = 24 * HOUR;
export function closingReminderDue(menu: PhasedMenu, now: number): boolean {
	return currentPhase(menu, now) === 'vote' && menu.resultsStartsAt - now <= CLOSING_NOTICE;
}

export { DAY };

export type BallotRules = {
	budget: number;
	ballotRule: 'approval_budget' | 'choose_k';
	maxChoices: number | null;
	minChoices: number | null;
};

export type BallotProblem =
	| { error: 'menu_ballot_empty' }
	| { error: 'menu_ballot_too_few'; params: { min: number; count: number } }
	| { error: 'menu_ballot_too_many'; params: { max: number; count: number } }
	| { error: 'menu_ballot_over_budget'; params: { budget: number; total: number; over: number } };

/** Whether the chosen costs make a valid ballot under the menu's rule; null when they do. */
export function checkBallot(rules: BallotRules, costs: number[]): BallotProblem | null {
	const count = costs.length;
	if (count === 0) return { error: 'menu_ballot_empty' };
	if (rules.minChoices && count < rules.minChoices) return { error: 'menu_ballot_too_few', params: { min: rules.minChoices, count } };
	if (rules.ballotRule === 'choose_k') {
		const max = rules.maxChoices ?? 1;
		if (count > max) return { error: 'menu_ballot_too_many', params: { max, count } };
	} else {
		const total = costs.reduce((a, b) => a + b, 0);
		if (total > rules.budget) return { error: 'menu_ballot_over_budget', params: { budget: rules.budget, total, over: total - rules.budget } };
	}
	return null;
}
