// Words for the stored codes of `$lib/codes.ts`, from the message catalogue. Each table is typed by its codes:
// a code added without its words does not compile.
import { m } from '$lib/paraglide/messages';
import type {
	Category,
	ImplementationState,
	MembershipStatus,
	MenuPhase,
	NotSelectedReason,
	ProposalState,
	ReportReason,
	Role,
	StageNumber,
	Stance,
	TallyRule
} from '$lib/codes';

type Words<C extends string | number> = Record<C, () => string>;

const CATEGORY: Words<Category> = {
	environment: m.proposal_category_environment,
	facilities: m.proposal_category_facilities,
	parking: m.proposal_category_parking,
	safety: m.proposal_category_safety,
	care: m.proposal_category_care,
	culture: m.proposal_category_culture,
	property: m.proposal_category_property,
	other: m.proposal_category_other
};
const PROPOSAL_STATE: Words<ProposalState> = {
	open: m.proposal_state_open,
	qualified: m.proposal_state_qualified,
	consultation: m.proposal_state_consultation,
	menu: m.proposal_state_menu,
	answered: m.proposal_state_answered,
	merged: m.proposal_state_merged,
	withdrawn: m.proposal_state_withdrawn
};
const STANCE: Words<Stance> = { support: m.stance_support, oppose: m.stance_oppose, neutral: m.stance_neutral, question: m.stance_question };
const REPORT_REASON: Words<ReportReason> = {
	spam: m.comment_report_reason_spam,
	offensive: m.comment_report_reason_offensive,
	off_topic: m.comment_report_reason_off_topic,
	other: m.comment_report_reason_other
};
const STAGE: Words<StageNumber> = { 1: m.stage_1, 2: m.stage_2, 3: m.stage_3, 4: m.stage_4 };
const PHASE: Words<MenuPhase> = {
	scheduled: m.menu_phase_scheduled,
	collect: m.menu_phase_collect,
	review: m.menu_phase_review,
	vote: m.menu_phase_vote,
	results: m.menu_phase_results,
	implementation: m.menu_phase_implementation,
	acceptance: m.menu_phase_acceptance
};
const TALLY_RULE: Words<TallyRule> = {
	greedy: m.menu_rule_greedy,
	'greedy-no-skip': m.menu_rule_greedy_no_skip,
	'greedy-threshold': m.menu_rule_greedy_threshold,
	'equalshares/add1': m.menu_rule_equalshares
};
const NOT_SELECTED: Words<NotSelectedReason> = {
	did_not_fit: m.menu_reason_did_not_fit,
	below_threshold: m.menu_reason_below_threshold,
	stopped: m.menu_reason_stopped,
	not_affordable: m.menu_reason_not_affordable
};
const IMPLEMENTATION_STATE: Words<ImplementationState> = {
	not_started: m.impl_state_not_started,
	in_progress: m.impl_state_in_progress,
	completed: m.impl_state_completed,
	accepted: m.impl_state_accepted
};

const ROLE: Words<Role> = {
	resident: m.role_resident,
	grid_worker: m.role_grid_worker,
	committee: m.role_committee,
	street_staff: m.role_street_staff,
	department: m.role_department,
	admin: m.role_admin
};
const MEMBERSHIP_STATUS: Words<MembershipStatus> = { pending: m.status_pending, verified: m.status_verified, rejected: m.status_rejected, revoked: m.status_revoked };

/** A label function for a table; a value that is not a known code (old data) shows as itself. */
const words =
	<C extends string | number>(table: Words<C>) =>
	(code: C | string | number) =>
		(table[code as C] ?? (() => String(code)))();

export const roleLabel = words(ROLE);
export const statusLabel = words(MEMBERSHIP_STATUS);
export const categoryLabel = words(CATEGORY);
export const proposalStateLabel = words(PROPOSAL_STATE);
export const stanceLabel = words(STANCE);
export const reportReasonLabel = words(REPORT_REASON);
export const stageLabel = words(STAGE);
export const phaseLabel = words(PHASE);
export const tallyRuleLabel = words(TALLY_RULE);
export const notSelectedLabel = (reason: NotSelectedReason | string | null) => (reason ? words(NOT_SELECTED)(reason) : '');
export const implementationStateLabel = words(IMPLEMENTATION_STATE);

/** Badge colour per proposal state: waiting on the committee is a warning, closed states are plain. */
export function proposalStateTone(state: string): string {
	if (state === 'qualified') return 'warn';
	if (state === 'open') return 'accent';
	if (state === 'consultation' || state === 'menu' || state === 'answered') return 'ok';
	return '';
}

const IMPLEMENTATION_TONE: Record<ImplementationState, string> = { not_started: '', in_progress: 'warn', completed: 'accent', accepted: 'ok' };
export const implementationStateTone = (state: ImplementationState) => IMPLEMENTATION_TONE[state];
