// Labels for deliberation's stored codes, from the message catalogue.
import { m } from '$lib/paraglide/messages';

const CATEGORY: Record<string, () => string> = {
	environment: m.proposal_category_environment,
	facilities: m.proposal_category_facilities,
	parking: m.proposal_category_parking,
	safety: m.proposal_category_safety,
	care: m.proposal_category_care,
	culture: m.proposal_category_culture,
	property: m.proposal_category_property,
	other: m.proposal_category_other
};
const STATE: Record<string, () => string> = {
	open: m.proposal_state_open,
	qualified: m.proposal_state_qualified,
	consultation: m.proposal_state_consultation,
	menu: m.proposal_state_menu,
	answered: m.proposal_state_answered,
	merged: m.proposal_state_merged,
	withdrawn: m.proposal_state_withdrawn
};
const STANCE: Record<string, () => string> = {
	support: m.stance_support,
	oppose: m.stance_oppose,
	neutral: m.stance_neutral,
	question: m.stance_question
};
const REASON: Record<string, () => string> = {
	spam: m.comment_report_reason_spam,
	offensive: m.comment_report_reason_offensive,
	off_topic: m.comment_report_reason_off_topic,
	other: m.comment_report_reason_other
};
const STAGE: Record<number, () => string> = {
	1: m.stage_1,
	2: m.stage_2,
	3: m.stage_3,
	4: m.stage_4
};

const label = (table: Record<string | number, () => string>) => (code: string | number) => (table[code] ?? (() => String(code)))();
export const categoryLabel = label(CATEGORY);
export const stateLabel = label(STATE);
export const stanceLabel = label(STANCE);
export const reasonLabel = label(REASON);
export const stageLabel = label(STAGE);

export const CATEGORY_CODES = Object.keys(CATEGORY);
export const STANCE_CODES = Object.keys(STANCE);
export const REASON_CODES = Object.keys(REASON);

/** Badge colour per state: waiting on the committee is a warning, closed states are plain. */
export function stateTone(state: string): string {
	if (state === 'qualified') return 'warn';
	if (state === 'open') return 'accent';
	if (state === 'consultation' || state === 'menu' || state === 'answered') return 'ok';
	return '';
}
