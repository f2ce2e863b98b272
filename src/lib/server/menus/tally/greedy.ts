import { compareProjectIds } from './order';
import type { PreparedProject } from './prepare';
import type { NotSelectedReason } from './types';

/** Votes (or score) descending, then cheaper first, then project id ascending. */
export function compareByVoteOrder(a: PreparedProject, b: PreparedProject): number {
	return b.score - a.score || a.cost - b.cost || compareProjectIds(a.id, b.id);
}

/** Votes (or score) descending, then in the order the projects were listed. */
export function compareByVotesThenListed(a: PreparedProject, b: PreparedProject): number {
	return b.score - a.score || a.index - b.index;
}

export interface GreedyOptions {
	/** Stop at the first project that does not fit (greedy-no-skip) instead of skipping it. */
	stopAtFirstMiss: boolean;
	/** Projects scoring below this are not considered (greedy-threshold, and greedy-no-skip when given). */
	minScore?: number;
}

export interface GreedyOutcome {
	selected: PreparedProject[];
	reasons: Map<PreparedProject, NotSelectedReason>;
}

/**
 * The greedy rules: walk the projects in vote order and fund each that still fits the remaining budget. A
 * withdrawn project is passed over (it never stops greedy-no-skip).
 */
export function runGreedy(ordered: readonly PreparedProject[], budget: number, options: GreedyOptions): GreedyOutcome {
	const selected: PreparedProject[] = [];
	const reasons = new Map<PreparedProject, NotSelectedReason>();
	let remaining = budget;
	let stopped = false;
	for (const project of ordered) {
		if (options.minScore !== undefined && project.score < options.minScore) {
			reasons.set(project, 'below_threshold');
		} else if (project.withdrawn) {
			reasons.set(project, 'did_not_fit');
		} else if (stopped) {
			reasons.set(project, 'stopped');
		} else if (project.cost <= remaining) {
			selected.push(project);
			remaining -= project.cost;
		} else {
			reasons.set(project, 'did_not_fit');
			stopped = options.stopAtFirstMiss;
		}
	}
	return { selected, reasons };
}
