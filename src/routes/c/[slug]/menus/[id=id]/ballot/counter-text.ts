// The ballot counter's words, the same on the page the server makes and in its script (counter.ts).
import { m } from '$lib/paraglide/messages';
import { formatMoney, type MoneyStyle } from '$lib/format';

/** What the page writes on the counter element for its script. */
export type CounterData = { budget: number; k: number | null; money: MoneyStyle };

/** The counter's words for these costs chosen, and whether they go past the rule (more than k, or the budget). */
export function counterText(costs: number[], { budget, k, money }: CounterData): { text: string; over: boolean } {
	if (k !== null) return { text: m.menu_counter_k({ count: costs.length, k }), over: costs.length > k };
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	const remaining = budget - total;
	if (remaining >= 0) return { text: m.menu_counter_left({ chosen: formatMoney(total, money), left: formatMoney(remaining, money) }), over: false };
	return { text: m.menu_counter_over({ over: formatMoney(-remaining, money) }), over: true };
}
