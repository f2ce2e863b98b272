import { compareProjectIds } from './order';
import type { PreparedElection, PreparedProject } from './prepare';
import { compareRatios, INFINITE, type Ratio } from './ratio';
import type { EqualSharesDetails } from './types';
import { VoterBudgets } from './voter-budgets';

/** What it would take to fund one project now. */
interface Offer {
	project: PreparedProject;
	/** cost / p, where p is the smallest payment cap that lets the supporters cover the cost. */
	effectiveVotes: Ratio;
	/** What the uncapped payers share, in units of 1 / denominator of the budgets. */
	rest: bigint;
	/** How many supporters pay the full cap p (the others pay all they have). */
	payers: number;
}

/** Largest effective vote count, then lower cost, then more votes, then project id. */
function isBetterOffer(a: Offer, b: Offer): boolean {
	const byEffectiveVotes = compareRatios(a.effectiveVotes, b.effectiveVotes);
	if (byEffectiveVotes !== 0) return byEffectiveVotes > 0;
	if (a.project.cost !== b.project.cost) return a.project.cost < b.project.cost;
	if (a.project.votes !== b.project.votes) return a.project.votes > b.project.votes;
	return compareProjectIds(a.project.id, b.project.id) < 0;
}

/** The offer for a project, or null when its supporters together no longer hold its cost. */
function makeOffer(project: PreparedProject, budgets: VoterBudgets): Offer | null {
	if (project.cost === 0) return { project, effectiveVotes: INFINITE, rest: 0n, payers: project.votes };
	const { values, counts } = budgets.groupedMoney(project.supporters);
	const target = BigInt(project.cost) * budgets.denominator;

	let held = 0n;
	values.forEach((value, i) => (held += value * BigInt(counts[i])));
	if (held < target) return null;

	// Water-filling, poorest first: a group whose money is below the even split of what is left pays all it has.
	let rest = target;
	let payers = project.votes;
	for (let i = 0; i < values.length; i++) {
		if (rest <= values[i] * BigInt(payers)) break;
		rest -= values[i] * BigInt(counts[i]);
		payers -= counts[i];
	}
	// p = rest / (payers × denominator), so cost / p = cost × payers × denominator / rest.
	const effectiveVotes = { num: BigInt(project.cost) * BigInt(payers) * budgets.denominator, den: rest };
	return { project, effectiveVotes, rest, payers };
}

/** One run of the Method of Equal Shares (cost utilities) where the voters share `total` equally. */
export function runEqualShares(candidates: readonly PreparedProject[], voters: number, total: bigint): PreparedProject[] {
	const budgets = new VoterBudgets(voters, total);
	// Money only ever decreases, so a project's last effective vote count bounds all its later ones (and the
	// first is at most its number of supporters, since nobody pays more than p): projects whose bound is already
	// below the best offer of this round need not be looked at again.
	const bound = new Map<PreparedProject, Ratio>(candidates.map((p) => [p, p.cost === 0 ? INFINITE : { num: BigInt(p.votes), den: 1n }]));
	let open = [...candidates];
	const chosen: PreparedProject[] = [];

	for (;;) {
		open.sort((a, b) => compareRatios(bound.get(b) as Ratio, bound.get(a) as Ratio));
		let best: Offer | null = null;
		const stillAffordable: PreparedProject[] = [];
		for (const project of open) {
			if (best && compareRatios(bound.get(project) as Ratio, best.effectiveVotes) < 0) {
				stillAffordable.push(project);
				continue;
			}
			const offer = makeOffer(project, budgets);
			if (!offer) continue; // its supporters will never hold more than now
			bound.set(project, offer.effectiveVotes);
			stillAffordable.push(project);
			if (!best || isBetterOffer(offer, best)) best = offer;
		}
		if (!best) return chosen;
		chosen.push(best.project);
		if (best.project.cost > 0) budgets.charge(best.project.supporters, best.rest, best.payers);
		const picked = best.project;
		open = stillAffordable.filter((project) => project !== picked);
	}
}

function totalCost(projects: readonly PreparedProject[]): number {
	return projects.reduce((sum, project) => sum + project.cost, 0);
}

/**
 * Method of Equal Shares with Add1 completion, as equalshares.net computes it: while some unchosen project would
 * still fit in the real budget, rerun with every voter holding one more currency unit (`unit` minor units when
 * amounts are in fen or grosze), keep that outcome if it fits the real budget, and stop at the first that does
 * not. No greedy fill-up afterwards.
 *
 * Projects nobody approved, and withdrawn ones, can never be chosen, so they do not count against exhaustiveness
 * (otherwise a cheap unsupported project would make the completion loop forever).
 */
export function runEqualSharesAdd1(election: PreparedElection): { selected: PreparedProject[]; details: EqualSharesDetails } {
	const { budget, voters, unit } = election;
	const candidates = election.projects.filter((project) => project.votes > 0 && !project.withdrawn);
	const roundRaise = BigInt(voters) * BigInt(unit);

	const isExhaustive = (selected: readonly PreparedProject[]): boolean => {
		const left = budget - totalCost(selected);
		return candidates.every((project) => selected.includes(project) || project.cost > left);
	};

	let selected = runEqualShares(candidates, voters, BigInt(budget));
	let kept = 0;
	for (let tried = 1; voters > 0 && !isExhaustive(selected); tried++) {
		const next = runEqualShares(candidates, voters, BigInt(budget) + BigInt(tried) * roundRaise);
		if (totalCost(next) > budget) break;
		selected = next;
		kept = tried;
	}
	const virtualBudget = budget + kept * voters * unit;
	return {
		selected,
		details: { virtualBudget, perVoterShare: voters > 0 ? virtualBudget / voters : 0, increments: kept },
	};
}
