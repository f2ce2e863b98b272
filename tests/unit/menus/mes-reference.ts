/**
 * A deliberately naive Method of Equal Shares (cost utilities) with Add1 completion, written straight from the
 * rule text in /work/shared/pabulib/README.md: one reduced BigInt fraction per voter, every project evaluated
 * voter by voter every round. Each Add1 round gives every voter `unit` more (one currency unit in minor units). Tests compare the fast engine with it on many small random elections.
 */
import type { TallyInput } from '../../../src/lib/server/menus/tally';

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

class Fraction {
	readonly n: bigint;
	readonly d: bigint;
	constructor(n: bigint, d = 1n) {
		const g = gcd(n, d) || 1n;
		this.n = n / g;
		this.d = d / g;
	}
	add(o: Fraction): Fraction {
		return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d);
	}
	sub(o: Fraction): Fraction {
		return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d);
	}
	div(k: bigint): Fraction {
		return new Fraction(this.n, this.d * k);
	}
	cmp(o: Fraction): number {
		const x = this.n * o.d;
		const y = o.n * this.d;
		return x > y ? 1 : x < y ? -1 : 0;
	}
	static min(a: Fraction, b: Fraction): Fraction {
		return a.cmp(b) <= 0 ? a : b;
	}
}

function idOrder(a: string, b: string): number {
	if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}

function fixedBudgetRun(input: TallyInput, supporters: Map<string, number[]>, total: bigint): string[] {
	const n = input.ballots.length;
	let money = Array.from({ length: n }, () => new Fraction(total, BigInt(n)));
	const chosen: string[] = [];
	for (;;) {
		// Each candidate: [id, cost, votes, payment cap p]; p = 0 for a free project (infinitely many effective votes).
		let best: { id: string; cost: number; votes: number; p: Fraction } | null = null;
		for (const project of input.projects) {
			const backers = supporters.get(project.id) ?? [];
			if (chosen.includes(project.id) || backers.length === 0) continue;
			const cost = new Fraction(BigInt(project.cost));
			const held = backers.reduce((sum, v) => sum.add(money[v]), new Fraction(0n));
			if (held.cmp(cost) < 0) continue;
			const sorted = [...backers].sort((a, b) => money[a].cmp(money[b]));
			let paid = new Fraction(0n);
			let left = BigInt(sorted.length);
			let p = cost.div(left);
			for (const v of sorted) {
				p = cost.sub(paid).div(left);
				if (p.cmp(money[v]) <= 0) break;
				paid = paid.add(money[v]);
				left -= 1n;
			}
			const candidate = { id: project.id, cost: project.cost, votes: backers.length, p };
			if (!best) {
				best = candidate;
				continue;
			}
			// Larger cost / p first: compare cost_a * p_b with cost_b * p_a (p = 0 means infinite).
			const a = new Fraction(BigInt(candidate.cost) * candidate.p.d * best.p.n);
			const b = new Fraction(BigInt(best.cost) * best.p.d * candidate.p.n);
			const byEffectiveVotes = candidate.p.n === 0n || best.p.n === 0n ? best.p.cmp(candidate.p) : a.cmp(b);
			const better =
				byEffectiveVotes > 0 ||
				(byEffectiveVotes === 0 &&
					(candidate.cost < best.cost ||
						(candidate.cost === best.cost &&
							(candidate.votes > best.votes || (candidate.votes === best.votes && idOrder(candidate.id, best.id) < 0)))));
			if (better) best = candidate;
		}
		if (!best) return chosen;
		const pick = best;
		chosen.push(pick.id);
		money = money.map((m, v) => ((supporters.get(pick.id) ?? []).includes(v) ? m.sub(Fraction.min(m, pick.p)) : m));
	}
}

export function referenceEqualSharesAdd1(input: TallyInput): { selected: string[]; increments: number } {
	const supporters = new Map<string, number[]>();
	input.ballots.forEach((ballot, v) => {
		for (const id of new Set(ballot)) supporters.set(id, [...(supporters.get(id) ?? []), v]);
	});
	const costOf = (ids: string[]) => ids.reduce((s, id) => s + (input.projects.find((p) => p.id === id)?.cost ?? 0), 0);
	const exhaustive = (ids: string[]) =>
		input.projects.every(
			(p) => ids.includes(p.id) || !supporters.has(p.id) || p.cost > input.budget - costOf(ids),
		);
	const n = BigInt(input.ballots.length);
	if (n === 0n) return { selected: [], increments: 0 };
	const unit = BigInt(input.unit ?? 1);
	let selected = fixedBudgetRun(input, supporters, BigInt(input.budget));
	let increments = 0;
	for (let k = 1n; !exhaustive(selected); k++) {
		const next = fixedBudgetRun(input, supporters, BigInt(input.budget) + k * n * unit);
		if (costOf(next) > input.budget) break;
		selected = next;
		increments = Number(k);
	}
	return { selected, increments };
}
