// An audit row in the reader's language: every field of its summary named in words, codes turned into the
// words pages use, amounts and dates formatted, and what it is about linked. Nothing raw reaches the page.
import { hasMessage, t } from '../i18n';
import { categoryLabel, implementationStateLabel, proposalStateLabel, reportReasonLabel, roleLabel, stanceLabel, stageLabel, statusLabel, tallyRuleLabel, voteTypeLabel } from '$lib/labels';
import { CATEGORIES, IMPLEMENTATION_STATES, PROPOSAL_STATES, REPORT_REASONS, ROLES, STANCES, TALLY_RULES, VOTE_TYPES } from '$lib/codes';
import { formatDateTime, formatMoney } from '$lib/format';
import { areaKindLabel, careKindLabel, claimStateLabel, claimantLabel } from '$lib/area-labels';
import { AREA_KINDS, CARE_KINDS, CLAIM_STATES, CLAIMANT_KINDS } from '$lib/codes';

export type Detail = { label: string; value: string; href: string | null };

const is = <C extends string>(codes: readonly C[], v: unknown): v is C => typeof v === 'string' && (codes as readonly string[]).includes(v);

/** Words for a coded value, by the field it sits in (and, where one name means two things, the subject). */
function codeWords(key: string, value: unknown, subjectType: string): string | null {
	switch (key) {
		case 'stance':
			return is(STANCES, value) ? stanceLabel(value) : null;
		case 'reason':
			return is(REPORT_REASONS, value) ? reportReasonLabel(value) : null;
		case 'decision':
			return value === 'verify' ? statusLabel('verified') : value === 'reject' ? statusLabel('rejected') : null;
		case 'role':
			return is(ROLES, value) ? roleLabel(value) : null;
		case 'rule':
		case 'tallyRule':
			return is(TALLY_RULES, value) ? tallyRuleLabel(value) : null;
		case 'voteType':
			return is(VOTE_TYPES, value) ? voteTypeLabel(value) : null;
		case 'category':
			return is(CATEGORIES, value) ? categoryLabel(value) : null;
		case 'stage':
			return typeof value === 'number' && value >= 1 && value <= 4 ? stageLabel(value as 1 | 2 | 3 | 4) : null;
		case 'feasibility':
		case 'ballotRule':
			return typeof value === 'string' && hasMessage(`audit_value_${key}_${value}`) ? t(`audit_value_${key}_${value}`) : null;
		case 'kind':
			if (subjectType === 'area' && is(AREA_KINDS, value)) return areaKindLabel(value);
			if (subjectType === 'care_log' && is(CARE_KINDS, value)) return careKindLabel(value);
			return null;
		case 'for':
			return subjectType === 'area_claim' && is(CLAIMANT_KINDS, value) ? claimantLabel(value) : null;
		case 'from':
		case 'to':
		case 'claimState':
			return is(CLAIM_STATES, value) ? claimStateLabel(value) : null;
		case 'state':
			if (subjectType === 'area_claim' && is(CLAIM_STATES, value)) return claimStateLabel(value);
			if (subjectType === 'menu_project' && is(IMPLEMENTATION_STATES, value)) return implementationStateLabel(value);
			if (subjectType === 'proposal' && is(PROPOSAL_STATES, value)) return proposalStateLabel(value);
			return null;
	}
	return null;
}

/** Amounts of the portal's menus, in fen (¥95,000, or ¥84,500.50 when there are fen). */
const MONEY = new Set(['estimatedCost', 'finalCost', 'planned', 'actual', 'budget', 'cost']);
const MOMENTS = new Set(['dueAt', 'at', 'termEndsAt']);

/** Fields that name another record: where it is seen, from the community's slug. */
const REFERENCES: Record<string, (slug: string, id: number) => string> = {
	thread: (slug, id) => `/c/${slug}/consultations/${id}`,
	proposal: (slug, id) => `/c/${slug}/proposals/${id}`,
	into: (slug, id) => `/c/${slug}/proposals/${id}`,
	menu: (slug, id) => `/c/${slug}/menus/${id}`,
	area: (slug, id) => `/c/${slug}/areas/${id}`
};

/** Where the subject itself is seen, if it has a page. */
export function subjectHref(subjectType: string, id: number | null, slug: string | null, summary: Record<string, unknown>): string | null {
	if (id == null || !slug) return null;
	switch (subjectType) {
		case 'proposal':
			return `/c/${slug}/proposals/${id}`;
		case 'consultation':
			return `/c/${slug}/consultations/${id}`;
		case 'comment':
			return typeof summary.thread === 'number' ? `/c/${slug}/consultations/${summary.thread}#comment-${id}` : null;
		case 'menu':
			return `/c/${slug}/menus/${id}`;
		case 'report':
			return `/c/${slug}/reports/${id}`;
		case 'menu_project':
			return typeof summary.menu === 'number' ? `/c/${slug}/menus/${summary.menu}/projects/${id}` : null;
		case 'area':
			return `/c/${slug}/areas/${id}`;
		case 'area_claim':
		case 'care_log':
			return typeof summary.area === 'number' ? `/c/${slug}/areas/${summary.area}` : null;
		case 'team':
			return `/c/${slug}/areas/teams`;
	}
	return null;
}

export const subjectWords = (subjectType: string) => (hasMessage(`subject_${subjectType}`) ? t(`subject_${subjectType}`) : t('subject_other'));

export function parseSummary(json: string): Record<string, unknown> {
	try {
		const parsed: unknown = JSON.parse(json);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

const cut = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** The summary's fields as the reader's words, in the order they were written; empty ones left out. */
export function describeSummary(summary: Record<string, unknown>, subjectType: string, slug: string | null): Detail[] {
	return Object.entries(summary)
		.filter(([, v]) => v !== undefined && v !== null && v !== '')
		.map(([key, v]) => {
			const label = hasMessage(`audit_field_${key}`) ? t(`audit_field_${key}`) : key;
			const ref = REFERENCES[key];
			if (ref && typeof v === 'number') return { label, value: `#${v}`, href: slug ? ref(slug, v) : null };
			const words = codeWords(key, v, subjectType);
			if (words) return { label, value: words, href: null };
			if (MONEY.has(key) && typeof v === 'number') return { label, value: formatMoney(v), href: null };
			if (MOMENTS.has(key) && typeof v === 'number') return { label, value: formatDateTime(v), href: null };
			if (typeof v === 'boolean') return { label, value: v ? t('audit_yes') : t('audit_no'), href: null };
			if (typeof v === 'number' && ['parent', 'comment', 'update', 'record', 'item', 'line', 'claim', 'renewedAs', 'planId'].includes(key)) return { label, value: `#${v}`, href: null };
			return { label, value: cut(typeof v === 'string' ? v : Array.isArray(v) ? v.join('、') : JSON.stringify(v)), href: null };
		});
}
