// Words for the stored codes of `$lib/codes.ts`, from the message catalogue. Each table is typed by its codes:
// a code added without its words does not compile.
import { m } from '$lib/paraglide/messages';
import type {
	AttributeType,
	Category,
	EvaluationIndicator,
	IndicatorDrop,
	PeriodKind,
	RatingDimension,
	RatingKind,
	CloseReason,
	DeadlineClass,
	HandlingRating,
	ReportEventKind,
	ReportState,
	ServiceGroup,
	ImplementationState,
	MembershipStatus,
	MenuPhase,
	NotSelectedReason,
	ProposalState,
	ReportReason,
	Role,
	StageNumber,
	Stance,
	TallyRule,
	VoteType
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
const VOTE_TYPE: Words<VoteType> = {
	approval: m.menu_vote_type_approval,
	'choose-1': m.menu_vote_type_choose1,
	cumulative: m.menu_vote_type_cumulative,
	ordinal: m.menu_vote_type_ordinal
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
export const voteTypeLabel = words(VOTE_TYPE);
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

// ── 效果共評 and 社區評價 ──────────────────────────────────────────────────────────────────────────────────────

const RATING_KIND: Words<RatingKind> = { project: m.rating_kind_project, report: m.rating_kind_report, property: m.rating_kind_property, area: m.rating_kind_area };
const RATING_DIMENSION: Words<RatingDimension> = {
	quality: m.rating_dimension_quality,
	timeliness: m.rating_dimension_timeliness,
	usefulness: m.rating_dimension_usefulness,
	speed: m.rating_dimension_speed,
	attitude: m.rating_dimension_attitude,
	cleanliness: m.rating_dimension_cleanliness,
	security: m.rating_dimension_security,
	repairs: m.rating_dimension_repairs,
	greenery: m.rating_dimension_greenery
};
const MARK5: Words<1 | 2 | 3 | 4 | 5> = { 1: m.rating_mark5_1, 2: m.rating_mark5_2, 3: m.rating_mark5_3, 4: m.rating_mark5_4, 5: m.rating_mark5_5 };
const MARK3: Words<1 | 2 | 3> = { 1: m.rating_mark3_1, 2: m.rating_mark3_2, 3: m.rating_mark3_3 };
const INDICATOR: Words<EvaluationIndicator> = {
	satisfaction: m.evaluation_indicator_satisfaction,
	dispatch_resolution: m.evaluation_indicator_dispatch_resolution,
	proposals_on_time: m.evaluation_indicator_proposals_on_time,
	vote_participation: m.evaluation_indicator_vote_participation,
	coverage: m.evaluation_indicator_coverage
};
const PERIOD_KIND: Words<PeriodKind> = { quarter: m.evaluation_period_kind_quarter, half: m.evaluation_period_kind_half, year: m.evaluation_period_kind_year };

export const ratingKindLabel = words(RATING_KIND);
export const ratingDimensionLabel = words(RATING_DIMENSION);
/** The words for a mark on a scale of 5 (非常不滿意 … 非常滿意) or of 3 (不滿意, 基本滿意, 滿意). */
export const ratingMarkLabel = (scale: 3 | 5, mark: number) => (scale === 3 ? words(MARK3) : words(MARK5))(mark);
export const indicatorLabel = words(INDICATOR);
export const periodKindLabel = words(PERIOD_KIND);

/** Why an indicator was not scored, in a sentence (with the n it had and the minimum it needed). */
export function indicatorDropLabel(drop: IndicatorDrop, n: number | null, min: number): string {
	if (drop === 'below_min_n') return m.evaluation_drop_below_min_n({ n: n ?? 0, min });
	return drop === 'no_source' ? m.evaluation_drop_no_source() : m.evaluation_drop_no_data();
}

/** "2026Q3" → 2026 年第 3 季 · Q3 2026; "2026H1" → 2026 年上半年; "2026" → 2026 年度. Anything else as itself. */
export function periodLabel(key: string): string {
	const found = /^(\d{4})(?:([QH])([1-4]))?$/.exec(key);
	if (!found) return key;
	const [, year, kind, n] = found;
	if (kind === 'Q') return m.evaluation_period_quarter({ year, n });
	if (kind === 'H') return n === '1' ? m.evaluation_period_half_1({ year }) : m.evaluation_period_half_2({ year });
	return m.evaluation_period_year({ year });
}
// ── 吹哨派單 ──────────────────────────────────────────────────────────────────────────────────────────────────

const REPORT_STATE: Words<ReportState> = {
	reported: m.report_state_reported,
	dispatched: m.report_state_dispatched,
	returned: m.report_state_returned,
	escalated: m.report_state_escalated,
	in_progress: m.report_state_in_progress,
	replied: m.report_state_replied,
	closed: m.report_state_closed
};
const CLOSE_REASON: Words<CloseReason> = {
	fixed: m.report_close_fixed,
	unverified: m.report_close_unverified,
	duplicate: m.report_close_duplicate,
	not_our_matter: m.report_close_not_our_matter,
	no_action: m.report_close_no_action
};
const DEADLINE_CLASS: Words<DeadlineClass> = { urgent: m.deadline_class_urgent, help: m.deadline_class_help, complaint: m.deadline_class_complaint };
const SERVICE_GROUP: Words<ServiceGroup> = {
	roads: m.service_group_roads,
	sanitation: m.service_group_sanitation,
	building: m.service_group_building,
	greenery: m.service_group_greenery,
	safety: m.service_group_safety,
	utilities: m.service_group_utilities,
	order: m.service_group_order,
	other: m.service_group_other
};
const ATTRIBUTE_TYPE: Words<AttributeType> = {
	string: m.attribute_type_string,
	text: m.attribute_type_text,
	number: m.attribute_type_number,
	datetime: m.attribute_type_datetime,
	singlevaluelist: m.attribute_type_singlevaluelist,
	multivaluelist: m.attribute_type_multivaluelist
};
const HANDLING_RATING: Words<HandlingRating> = { satisfied: m.rating_satisfied, basic: m.rating_basic, unsatisfied: m.rating_unsatisfied };

const REPORT_EVENT: Words<ReportEventKind> = {
	filed: m.report_event_filed,
	reclassified: m.report_event_reclassified,
	dispatched: m.report_event_dispatched,
	accepted: m.report_event_accepted,
	returned: m.report_event_returned,
	escalated: m.report_event_escalated,
	lead: m.report_event_lead,
	progress: m.report_event_progress,
	replied: m.report_event_replied,
	on_spot: m.report_event_on_spot,
	fixed: m.report_event_fixed,
	reopened: m.report_event_reopened,
	closed: m.report_event_closed,
	unverified: m.report_event_unverified,
	rated: m.report_event_rated,
	overdue: m.report_event_overdue
};

export const reportStateLabel = words(REPORT_STATE);
export const reportEventLabel = words(REPORT_EVENT);
export const closeReasonLabel = words(CLOSE_REASON);
export const deadlineClassLabel = words(DEADLINE_CLASS);
export const serviceGroupLabel = words(SERVICE_GROUP);
export const attributeTypeLabel = words(ATTRIBUTE_TYPE);
export const handlingRatingLabel = words(HANDLING_RATING);

/** Badge colour per report state: waiting on someone is a warning, escalation is danger, closed is plain. */
const REPORT_TONE: Record<ReportState, string> = { reported: 'accent', dispatched: 'warn', returned: 'warn', escalated: 'danger', in_progress: 'warn', replied: 'accent', closed: '' };
export const reportStateTone = (state: ReportState) => REPORT_TONE[state];
