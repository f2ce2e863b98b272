// The codes the portal stores (states, categories, kinds), in one module the server and the browser share.
// Tables and validation take their lists from here; `$lib/labels.ts` names each one in the reader's language,
// typed by these codes, so a new code without its words does not compile.

/** PRODUCT.md's categories of proposals. */
export const CATEGORIES = ['environment', 'facilities', 'parking', 'safety', 'care', 'culture', 'property', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** open → qualified → consultation / menu / answered / merged; withdrawn by the author before it qualifies. */
export const PROPOSAL_STATES = ['open', 'qualified', 'consultation', 'menu', 'answered', 'merged', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_EVENTS = ['created', 'edited', 'withdrawn', 'qualified', 'consultation', 'menu', 'answered', 'merged', 'merged_in'] as const;
export type ProposalEventKind = (typeof PROPOSAL_EVENTS)[number];

export const THREAD_STATES = ['open', 'closed'] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

export const STANCES = ['support', 'oppose', 'neutral', 'question'] as const;
export type Stance = (typeof STANCES)[number];

/** visible; hidden by the community's report threshold pending review; hidden by the committee with a reason. */
export const COMMENT_STATUSES = ['visible', 'hidden_reports', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** 四議: 提議 → 商議 → 審議 → 決議. */
export const STAGES = [1, 2, 3, 4] as const;
export type StageNumber = (typeof STAGES)[number];

export const BALLOT_RULES = ['approval_budget', 'choose_k'] as const;
export type BallotRule = (typeof BALLOT_RULES)[number];

export const TALLY_RULES = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares/add1'] as const;
export type TallyRule = (typeof TALLY_RULES)[number];

/**
 * The form of a menu's ballots, as Pabulib names it: ticks (approval), one tick (choose-1), points a voter shares
 * out (cumulative), or a ranking (ordinal). Menus made in the portal take approval ballots; replays keep their file's.
 */
export const VOTE_TYPES = ['approval', 'choose-1', 'cumulative', 'ordinal'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

/** A menu's dated phases, in order (a menu before its first date is `scheduled`). */
export const PHASES = ['collect', 'review', 'vote', 'results', 'implementation', 'acceptance'] as const;
export type Phase = (typeof PHASES)[number];
export type MenuPhase = 'scheduled' | Phase;

export const FEASIBILITY = ['pending', 'feasible', 'infeasible'] as const;
export type Feasibility = (typeof FEASIBILITY)[number];

/** Why a counted project was not chosen. */
export const NOT_SELECTED_REASONS = ['did_not_fit', 'below_threshold', 'stopped', 'not_affordable'] as const;
export type NotSelectedReason = (typeof NOT_SELECTED_REASONS)[number];

export const IMPLEMENTATION_STATES = ['not_started', 'in_progress', 'completed', 'accepted'] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

/** What a membership makes someone; what each may do is decided in `server/policy.ts` alone. */
export const ROLES = ['resident', 'grid_worker', 'committee', 'street_staff', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const MEMBERSHIP_STATUSES = ['pending', 'verified', 'rejected', 'revoked'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

// ── 效果共評 and 社區評價 ─────────────────────────────────────────────────────────────────────────────────────

/** What residents rate: accepted menu projects, handled reports (their reporter), the 物業 service for a period, co-managed areas' upkeep. */
export const RATING_KINDS = ['project', 'report', 'property', 'area'] as const;
export type RatingKind = (typeof RATING_KINDS)[number];

/** The parts of a rating besides its overall mark. */
export const RATING_DIMENSIONS = ['quality', 'timeliness', 'usefulness', 'speed', 'attitude', 'cleanliness', 'security', 'repairs', 'greenery'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

/**
 * How each kind is rated: a scale of 5 (1 very dissatisfied … 5 very satisfied) or of 3 (不滿意 1, 基本滿意 2,
 * 滿意 3), and the dimensions asked besides the overall mark.
 */
export const RATING_SHAPES = {
	project: { scale: 5, dimensions: ['quality', 'timeliness', 'usefulness'] },
	report: { scale: 3, dimensions: ['speed', 'attitude'] },
	property: { scale: 5, dimensions: ['cleanliness', 'security', 'repairs', 'greenery'] },
	area: { scale: 5, dimensions: [] }
} as const satisfies Record<RatingKind, { scale: 3 | 5; dimensions: readonly RatingDimension[] }>;

/** The indicators an evaluation scheme may weigh. */
export const EVALUATION_INDICATORS = ['satisfaction', 'dispatch_resolution', 'proposals_on_time', 'vote_participation', 'coverage'] as const;
export type EvaluationIndicator = (typeof EVALUATION_INDICATORS)[number];

/** How long an evaluation period lasts (quarter by default). */
export const PERIOD_KINDS = ['quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const SNAPSHOT_STATES = ['draft', 'published'] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

/** Why an indicator counted for nothing in a community: no data source yet, too few cases, nothing to count. */
export const INDICATOR_DROPS = ['no_source', 'below_min_n', 'no_data'] as const;
export type IndicatorDrop = (typeof INDICATOR_DROPS)[number];
// ── 建設共管: co-management areas and duties ─────────────────────────────────────────────────────────────

/** Places residents look after (an area) and jobs they take on (a duty); the catalogue lists both. */
export const AREA_KINDS = ['green', 'stairwell', 'pocket_park', 'bike_shed', 'notice_board', 'other_area', 'sorting_watch', 'elder_visits', 'building_captain', 'other_duty'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const DUTY_KINDS = ['sorting_watch', 'elder_visits', 'building_captain', 'other_duty'] as const satisfies readonly AreaKind[];
export const isDuty = (kind: string) => (DUTY_KINDS as readonly string[]).includes(kind);

/**
 * A claim's life: pending (when the community approves claims) → active → at risk (a minimum period without
 * care) → active again on a new log, or lapsed (a second period missed); active → released by its claimants,
 * revoked by the committee, expired at the end of its term, renewed into a new term; a pending claim may be declined.
 */
export const CLAIM_STATES = ['pending', 'active', 'at_risk', 'lapsed', 'released', 'revoked', 'expired', 'renewed', 'declined'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
/** The states in which a claim holds a place on its area (the capacity counts these). */
export const LIVE_CLAIM_STATES = ['pending', 'active', 'at_risk'] as const satisfies readonly ClaimState[];
/** The states in which an area counts as looked after (coverage). */
export const HELD_CLAIM_STATES = ['active', 'at_risk'] as const satisfies readonly ClaimState[];

/** Who a claim is for: the person alone, their household (same address), or a volunteer team. */
export const CLAIMANT_KINDS = ['person', 'household', 'team'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** An area as the plan and the list show it; `pending`: only claims waiting for the committee. */
export const AREA_STATES = ['claimed', 'pending', 'at_risk', 'lapsed', 'priority', 'open', 'not_adoptable'] as const;
export type AreaState = (typeof AREA_STATES)[number];

export const CARE_KINDS = ['cleaning', 'weeding', 'watering', 'repair', 'sorting', 'visit', 'patrol', 'other'] as const;
export type CareKind = (typeof CARE_KINDS)[number];

/** A care log counts unless the committee rejects it; `checked`: the committee looked and agrees. */
export const CARE_LOG_STATES = ['submitted', 'checked', 'rejected'] as const;
export type CareLogState = (typeof CARE_LOG_STATES)[number];

/** A volunteer team (志願隊) is created by residents and approved by the committee before it can claim. */
export const TEAM_STATES = ['pending', 'approved', 'rejected'] as const;
export type TeamState = (typeof TEAM_STATES)[number];
// ── 吹哨派單: reports dispatched to departments ─────────────────────────────────────────────────────────────

/**
 * reported → dispatched → in_progress → replied → closed; a department may return a dispatch (returned, back to
 * triage) and the third return or the second redo escalates it to the street (escalated), which names a lead.
 */
export const REPORT_STATES = ['reported', 'dispatched', 'returned', 'escalated', 'in_progress', 'replied', 'closed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Why a report was closed: verified fixed, never verified (14 days), or closed at triage with a public reason. */
export const CLOSE_REASONS = ['fixed', 'unverified', 'duplicate', 'not_our_matter', 'no_action'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const TRIAGE_CLOSE_REASONS = ['duplicate', 'not_our_matter', 'no_action'] as const satisfies readonly CloseReason[];
export type TriageCloseReason = (typeof TRIAGE_CLOSE_REASONS)[number];

/** A report's public timeline (report_events.kind). */
export const REPORT_EVENTS = [
	'filed',
	'reclassified',
	'dispatched',
	'accepted',
	'returned',
	'escalated',
	'lead',
	'progress',
	'replied',
	'on_spot',
	'fixed',
	'reopened',
	'closed',
	'unverified',
	'rated',
	'overdue'
] as const;
export type ReportEventKind = (typeof REPORT_EVENTS)[number];

/** The 12345 practice: 緊急 the same day, 求助 3 working days, 投訴/建議 13 working days. */
export const DEADLINE_CLASSES = ['urgent', 'help', 'complaint'] as const;
export type DeadlineClass = (typeof DEADLINE_CLASSES)[number];

/** Open311's datatypes of a service's extra questions. */
export const ATTRIBUTE_TYPES = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** Groups of the service catalogue (Open311 `group`). */
export const SERVICE_GROUPS = ['roads', 'sanitation', 'building', 'greenery', 'safety', 'utilities', 'order', 'other'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

/** How the reporter rates the handling: 滿意 / 基本滿意 / 不滿意. */
export const HANDLING_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type HandlingRating = (typeof HANDLING_RATINGS)[number];

/** Where a report came from. */
export const REPORT_SOURCES = ['portal', 'open311'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
