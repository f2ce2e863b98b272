import { gcd } from './ratio';

/**
 * The money each voter still holds in a Method of Equal Shares run, exactly.
 *
 * Every amount is an integer numerator over one common denominator, so comparing and adding money is plain
 * BigInt integer arithmetic with no gcd per operation. Voters holding the same amount share a class, and classes
 * are numbered in ascending order of money, so "supporters sorted by money" is a sort of small integers.
 */
export class VoterBudgets {
	/** Money of voter v is classValue[classOf[v]] / denominator. */
	denominator: bigint;
	private classValue: bigint[];
	private classOf: Int32Array;
	private scratchCount = new Int32Array(1);
	private supporterMark: Uint8Array;

	constructor(voters: number, total: bigint) {
		// Each of n voters holds total / n.
		this.denominator = BigInt(Math.max(voters, 1));
		this.classValue = [total];
		this.classOf = new Int32Array(voters);
		this.supporterMark = new Uint8Array(voters);
	}

	/** The supporters' money as (amount numerator, number of voters) groups, poorest first. */
	groupedMoney(supporters: readonly number[]): { values: bigint[]; counts: number[] } {
		if (this.scratchCount.length < this.classValue.length) this.scratchCount = new Int32Array(this.classValue.length);
		const count = this.scratchCount;
		const touched: number[] = [];
		for (const voter of supporters) {
			const cls = this.classOf[voter];
			if (count[cls]++ === 0) touched.push(cls);
		}
		touched.sort((a, b) => a - b);
		const values = touched.map((cls) => this.classValue[cls]);
		const counts = touched.map((cls) => count[cls]);
		for (const cls of touched) count[cls] = 0;
		return { values, counts };
	}

	/**
	 * Charges a project: every supporter pays min(own money, rest / payers) where rest is in units of
	 * 1/denominator. To stay integral the common denominator is multiplied by `payers`, then reduced.
	 */
	charge(supporters: readonly number[], rest: bigint, payers: number): void {
		const k = BigInt(payers);
		for (const voter of supporters) this.supporterMark[voter] = 1;

		const keptValue = this.classValue.map((value) => value * k);
		const paidValue = keptValue.map((value) => (value > rest ? value - rest : 0n));
		const distinct = [...new Set([...keptValue, ...paidValue])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const idOf = new Map(distinct.map((value, id) => [value, id] as const));
		const keptId = keptValue.map((value) => idOf.get(value) as number);
		const paidId = paidValue.map((value) => idOf.get(value) as number);

		const used = new Uint8Array(distinct.length);
		for (let voter = 0; voter < this.classOf.length; voter++) {
			const old = this.classOf[voter];
			const next = this.supporterMark[voter] ? paidId[old] : keptId[old];
			this.classOf[voter] = next;
			used[next] = 1;
		}
		for (const voter of supporters) this.supporterMark[voter] = 0;

		this.denominator *= k;
		this.compact(distinct, used);
	}

	/** Drops classes nobody holds any more, and divides out the common factor of all amounts. */
	private compact(values: bigint[], used: Uint8Array): void {
		const renumber = new Int32Array(values.length).fill(-1);
		const live: bigint[] = [];
		values.forEach((value, id) => {
			if (used[id]) {
				renumber[id] = live.length;
				live.push(value);
			}
		});
		for (let voter = 0; voter < this.classOf.length; voter++) this.classOf[voter] = renumber[this.classOf[voter]];

		let common = this.denominator;
		for (const value of live) {
			if (common === 1n) break;
			common = gcd(common, value);
		}
		this.classValue = common > 1n ? live.map((value) => value / common) : live;
		if (common > 1n) this.denominator /= common;
	}
}
