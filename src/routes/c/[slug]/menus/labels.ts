// Words for the menus domain's stored codes (phases, rules, reasons), and money in a menu's currency.
import { m } from '$lib/paraglide/messages';
import { formatMoney } from '$lib/format';

const PHASE: Record<string, () => string> = {
	scheduled: m.menu_phase_scheduled,
	collect: m.menu_phase_collect,
	review: m.menu_phase_review,
	vote: m.menu_phase_vote,
	results: m.menu_phase_results,
	implementation: m.menu_phase_implementation,
	acceptance: m.menu_phase_acceptance
};
const TALLY: Record<string, () => string> = {
	greedy: m.menu_rule_greedy,
	'greedy-no-skip': m.menu_rule_greedy_no_skip,
	'greedy-threshold': m.menu_rule_greedy_threshold,
	'equalshares/add1': m.menu_rule_equalshares
};
const REASON: Record<string, () => string> = {
	did_not_fit: m.menu_reason_did_not_fit,
	below_threshold: m.menu_reason_below_threshold,
	stopped: m.menu_reason_stopped,
	not_affordable: m.menu_reason_not_affordable
};

export const PHASE_LIST = ['collect', 'review', 'vote', 'results', 'implementation', 'acceptance'] as const;
export const phaseLabel = (p: string) => (PHASE[p] ?? (() => p))();
export const tallyRuleLabel = (r: string) => (TALLY[r] ?? (() => r))();
export const reasonLabel = (r: string | null) => (r ? (REASON[r] ?? (() => r))() : '');

/** ¥12,345 for native menus; a replayed election keeps its own currency (€, zł…). */
export const money = formatMoney;
