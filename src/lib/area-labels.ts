// Words for the stored codes of 建設共管 (areas, claims, care logs, teams), from the message catalogue; each table
// is typed by its codes, so a code added without its words does not compile. Kept beside labels.ts, in the
// same form, so that the domain's codes and their words travel together.
import { m } from '$lib/paraglide/messages';
import type { AreaKind, AreaState, CareKind, CareLogState, ClaimantKind, ClaimState, TeamState } from '$lib/codes';

type Words<C extends string> = Record<C, () => string>;

const AREA_KIND: Words<AreaKind> = {
	green: m.area_kind_green,
	stairwell: m.area_kind_stairwell,
	pocket_park: m.area_kind_pocket_park,
	bike_shed: m.area_kind_bike_shed,
	notice_board: m.area_kind_notice_board,
	other_area: m.area_kind_other_area,
	sorting_watch: m.area_kind_sorting_watch,
	elder_visits: m.area_kind_elder_visits,
	building_captain: m.area_kind_building_captain,
	other_duty: m.area_kind_other_duty
};
const AREA_STATE: Words<AreaState> = {
	claimed: m.area_state_claimed,
	pending: m.area_state_pending,
	at_risk: m.area_state_at_risk,
	lapsed: m.area_state_lapsed,
	priority: m.area_state_priority,
	open: m.area_state_open,
	not_adoptable: m.area_state_not_adoptable
};
const CLAIM_STATE: Words<ClaimState> = {
	pending: m.claim_state_pending,
	active: m.claim_state_active,
	at_risk: m.claim_state_at_risk,
	lapsed: m.claim_state_lapsed,
	released: m.claim_state_released,
	revoked: m.claim_state_revoked,
	expired: m.claim_state_expired,
	renewed: m.claim_state_renewed,
	declined: m.claim_state_declined
};
const CLAIMANT: Words<ClaimantKind> = { person: m.claimant_person, household: m.claimant_household, team: m.claimant_team };
const CARE_KIND: Words<CareKind> = {
	cleaning: m.care_kind_cleaning,
	weeding: m.care_kind_weeding,
	watering: m.care_kind_watering,
	repair: m.care_kind_repair,
	sorting: m.care_kind_sorting,
	visit: m.care_kind_visit,
	patrol: m.care_kind_patrol,
	other: m.care_kind_other
};
const LOG_STATE: Words<CareLogState> = { submitted: m.care_log_state_submitted, checked: m.care_log_state_checked, rejected: m.care_log_state_rejected };
const TEAM_STATE: Words<TeamState> = { pending: m.team_state_pending, approved: m.team_state_approved, rejected: m.team_state_rejected };

const words =
	<C extends string>(table: Words<C>) =>
	(code: C | string) =>
		(table[code as C] ?? (() => String(code)))();

export const areaKindLabel = words(AREA_KIND);
export const areaStateLabel = words(AREA_STATE);
export const claimStateLabel = words(CLAIM_STATE);
export const claimantLabel = words(CLAIMANT);
export const careKindLabel = words(CARE_KIND);
export const careLogStateLabel = words(LOG_STATE);
export const teamStateLabel = words(TEAM_STATE);

/**
 * How each state looks on the plan and in the list: a shape and a tone, so that the legend never relies on colour
 * alone (the shape differs, and the words are always beside it).
 */
export const AREA_STATE_MARK: Record<AreaState, { symbol: string; tone: string }> = {
	claimed: { symbol: '●', tone: 'claimed' },
	pending: { symbol: '◐', tone: 'pending' },
	at_risk: { symbol: '▲', tone: 'at-risk' },
	lapsed: { symbol: '✕', tone: 'lapsed' },
	priority: { symbol: '★', tone: 'priority' },
	open: { symbol: '○', tone: 'open' },
	not_adoptable: { symbol: '■', tone: 'closed' }
};
