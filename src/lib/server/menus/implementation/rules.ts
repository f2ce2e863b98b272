// Pure rules of 實施 and 驗收: which projects take updates, how a project's state moves, what it cost.
import type { IMPLEMENTATION_STATES } from '../schema';

export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

type MenuFacts = { resultsPublishedAt: number | null; source: 'native' | 'pabulib' };
type ProjectFacts = { selected: boolean | null; implementationState: ImplementationState };

/**
 * Why a project cannot be worked on (updates, spending, acceptance), or null when it can:
 * only selected projects of a menu whose results are published, and never a replayed election.
 */
export function implementationBlocked(menu: MenuFacts, project: ProjectFacts): 'impl_read_only' | 'impl_not_selected' | null {
	if (menu.source !== 'native') return 'impl_read_only';
	if (menu.resultsPublishedAt === null || project.selected !== true) return 'impl_not_selected';
	return null;
}

/**
 * not_started → in_progress (first update) → completed (100 %) → accepted. An update below 100 %
 * after completion (rework found before acceptance) puts the project back in progress.
 */
export function stateAfterUpdate(current: ImplementationState, percent: number): ImplementationState | 'impl_already_accepted' {
	if (current === 'accepted') return 'impl_already_accepted';
	return percent >= 100 ? 'completed' : 'in_progress';
}

/** The committee accepts only a project whose works are reported complete, and only once. */
export function acceptanceBlocked(current: ImplementationState): 'impl_already_accepted' | 'impl_not_completed' | null {
	if (current === 'accepted') return 'impl_already_accepted';
	if (current !== 'completed') return 'impl_not_completed';
	return null;
}

/** An accepted project is what residents rate (效果共評); the ratings work reads this. */
export function readyForRating(project: Pick<ProjectFacts, 'implementationState'>): boolean {
	return project.implementationState === 'accepted';
}

export type SpendingLine = { planned: number; actual: number | null };
export type SpendingTotals = { planned: number; actual: number; linesWithoutActual: number; difference: number };

/** Planned and actual totals; `difference` is actual − planned over the lines whose actual is known. */
export function spendingTotals(lines: SpendingLine[]): SpendingTotals {
	let planned = 0;
	let actual = 0;
	let plannedPaid = 0;
	let linesWithoutActual = 0;
	for (const line of lines) {
		planned += line.planned;
		if (line.actual === null) linesWithoutActual++;
		else {
			actual += line.actual;
			plannedPaid += line.planned;
		}
	}
	return { planned, actual, linesWithoutActual, difference: actual - plannedPaid };
}
