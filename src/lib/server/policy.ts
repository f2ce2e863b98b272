// Who may do what, in one place. The command kernel authorizes every command with `permits()`; pages ask the
// same question through each domain's abilities(), so a button and its command can never disagree.

import { ROLES, type Role } from '../codes';

export { ROLES, type Role };

/** Where each role is held: in a community (with its street), a street, a department of a street, or the site. */
export const ROLE_SCOPE = {
	resident: 'community',
	grid_worker: 'community',
	committee: 'community',
	street_staff: 'street',
	department: 'department',
	admin: 'site'
} as const satisfies Record<Role, 'community' | 'street' | 'department' | 'site'>;
export type RoleScope = (typeof ROLE_SCOPE)[Role];
export const rolesHeldIn = (scope: RoleScope) => ROLES.filter((r) => ROLE_SCOPE[r] === scope);
/** What a registered person applies to be; the committee verifies it. */
export const APPLICANT_ROLE = 'resident' satisfies Role;
/** Who street staff appoint (the admin appoints street staff). */
export const APPOINTABLE_ROLES = ['committee', 'grid_worker', 'street_staff', 'department'] as const satisfies readonly Role[];
/** Staff of a community, listed on its desk and the street's. */
export const COMMUNITY_STAFF_ROLES = ['committee', 'grid_worker'] as const satisfies readonly Role[];
/** The street office's own staff: appointed and revoked by the admin. */
export const STREET_STAFF_ROLE = 'street_staff' satisfies Role;
/** A grid worker (網格員): the one role that may be posted to a single grid of its community. */
export const GRID_WORKER_ROLE = 'grid_worker' satisfies Role;
/** A department (職能部門) account: appointed by street staff to one department record of the street. */
export const DEPARTMENT_ROLE = 'department' satisfies Role;

export type ActorMembership = {
	role: Role;
	communityId: number | null;
	streetId: number | null;
	/** A grid worker's grid; null: the whole community. */
	gridId?: number | null;
	/** A department account's department. */
	departmentId?: number | null;
};
export type Actor = {
	userId: number;
	username: string;
	displayName: string;
	/** Verified memberships only: pending applications grant nothing. */
	memberships: ActorMembership[];
	/** Client address, for the audit log and rate limits. */
	ip: string | null;
};

/**
 * What an action touches: where it happens (community with its street, or a street), and, when the record
 * has them, its grid, the department it was dispatched to and its owner (author, reporter, claimant).
 */
export type Subject = {
	communityId?: number;
	streetId?: number;
	gridId?: number | null;
	departmentId?: number | null;
	ownerId?: number | null;
};

type Rule = {
	/** Roles that may act; community roles only in their community, street roles only in their street. */
	roles: readonly Role[];
	/** Any signed-in person, whatever their memberships (applying, own account). */
	anyUser?: true;
	/** Only the record's owner (its author or reporter), holding one of the roles. */
	owner?: true;
};

/**
 * Residents' powers (propose, second, comment, vote …) come from verified residency alone. A grid worker who
 * lives in the community holds both memberships; one who does not has a grid worker's powers only.
 */
const RESIDENT = ['resident'] as const;
const COMMITTEE = ['committee', 'street_staff'] as const;
const STREET = ['street_staff'] as const;
const ADMIN = ['admin'] as const;
/** Who triages and dispatches a community's reports: its committee, its grid workers (in their grid), the street. */
const DISPATCHERS = ['committee', 'grid_worker', 'street_staff'] as const;
/** Who files a report: a verified resident, or a grid worker (also on behalf of others). */
const REPORTERS = ['resident', 'grid_worker'] as const;
const DEPARTMENT = ['department'] as const;

export const POLICY = {
	// accounts and residency
	'account.update_profile': { roles: [], anyUser: true },
	'account.change_password': { roles: [], anyUser: true },
	'residency.apply': { roles: [], anyUser: true },
	'residency.review': { roles: COMMITTEE },
	'residency.appoint_community_staff': { roles: STREET },
	'residency.appoint_department': { roles: STREET },
	'residency.appoint_street_staff': { roles: ADMIN },
	'residency.revoke': { roles: STREET },
	'residency.revoke_street_staff': { roles: ADMIN },
	// the organisation
	'org.create_street': { roles: ADMIN },
	'org.update_street': { roles: ADMIN },
	'org.create_community': { roles: ADMIN },
	'org.update_community': { roles: ADMIN },
	'org.create_grid': { roles: ADMIN },
	'org.rename_grid': { roles: ADMIN },
	'department.create': { roles: STREET },
	'department.update': { roles: STREET },
	'community.settings': { roles: COMMITTEE },
	// what staff may open and read
	'community.manage_view': { roles: [...COMMITTEE, 'grid_worker'] },
	'street.manage_view': { roles: STREET },
	'site.admin_view': { roles: ADMIN },
	'audit.view': { roles: [...COMMITTEE, ...ADMIN] },
	'jobs.retry_effect': { roles: ADMIN },
	// 決策共謀: proposals and seconds
	'proposal.create': { roles: RESIDENT },
	'proposal.edit_own': { roles: RESIDENT, owner: true },
	'proposal.withdraw_own': { roles: RESIDENT, owner: true },
	'proposal.second': { roles: RESIDENT },
	'proposal.answer': { roles: COMMITTEE },
	'proposal.mark_menu': { roles: COMMITTEE },
	'proposal.merge': { roles: COMMITTEE },
	// 協商議事: consultations and moderation
	'consultation.open': { roles: COMMITTEE },
	'consultation.comment': { roles: RESIDENT },
	/** The committee answers residents' comments (questions above all) in the thread, without taking a side. */
	'consultation.reply_official': { roles: COMMITTEE },
	'consultation.report_comment': { roles: RESIDENT },
	'consultation.hide': { roles: COMMITTEE },
	'consultation.restore': { roles: COMMITTEE },
	'consultation.lock': { roles: COMMITTEE },
	'consultation.unlock': { roles: COMMITTEE },
	'consultation.pin': { roles: COMMITTEE },
	'consultation.close': { roles: COMMITTEE },
	/** 決議公開: closing a 重大事項 after its four stages. */
	'consultation.publish_resolution': { roles: COMMITTEE },
	'consultation.record_stage': { roles: COMMITTEE },
	'consultation.publish_implementation': { roles: COMMITTEE },
	// 群眾點菜: menus, ballots, implementation
	'menu.create': { roles: STREET },
	'menu.edit': { roles: STREET },
	'menu.advance_phase': { roles: STREET },
	'menu.import_pabulib': { roles: STREET },
	'menu.submit_candidate': { roles: [...RESIDENT, ...COMMITTEE] },
	'menu.review_candidate': { roles: COMMITTEE },
	'menu.vote': { roles: RESIDENT },
	'menu.publish_results': { roles: STREET },
	'menu.post_progress': { roles: STREET },
	'menu.add_spending': { roles: STREET },
	'menu.edit_spending': { roles: STREET },
	'menu.accept_project': { roles: COMMITTEE },
	// 效果共評: ratings
	'rating.rate': { roles: RESIDENT },
	/** A handled report is rated by its reporter alone (a resident, or a grid worker who reported it). */
	'rating.rate_report': { roles: [...RESIDENT, 'grid_worker'], owner: true },
	'rating.hide_comment': { roles: COMMITTEE },
	'rating.restore_comment': { roles: COMMITTEE },
	/** 物業: the committee opens a period in which residents rate the property-management service, and may close it early. */
	'rating.open_period': { roles: COMMITTEE },
	'rating.close_period': { roles: COMMITTEE },
	// 社區評價 and 以獎代補
	'evaluation.create_scheme': { roles: STREET },
	'evaluation.edit_scheme': { roles: STREET },
	'evaluation.snapshot': { roles: STREET },
	'evaluation.publish': { roles: STREET },
	'evaluation.set_awards': { roles: STREET },
	// 建設共管: areas and duties, claims, care logs, volunteer teams
	/** The committee keeps the catalogue: adds an area or duty, edits it, retires it (never deletes). */
	'area.create': { roles: COMMITTEE },
	'area.update': { roles: COMMITTEE },
	'area.retire': { roles: COMMITTEE },
	/** The community plan (網格圖) and the pins on it. */
	'area.upload_plan': { roles: COMMITTEE },
	'area.place_pin': { roles: COMMITTEE },
	/** How many claims one person may hold; whether claims wait for approval. */
	'area.configure': { roles: COMMITTEE },
	/** A verified resident claims for themself, their household or their team. */
	'area.claim': { roles: RESIDENT },
	/** Approve or decline a claim waiting for the committee. */
	'area.review_claim': { roles: COMMITTEE },
	/** Whoever made a claim releases it, or renews it for another term. */
	'area.release_own': { roles: RESIDENT, owner: true },
	'area.renew_own': { roles: RESIDENT, owner: true },
	/** The committee ends a claim, with a reason. */
	'area.revoke_claim': { roles: COMMITTEE },
	/** A claimant reports care given (the rule: they hold the claim, or share it as household or team). */
	'area.log_care': { roles: RESIDENT },
	/** Neighbours thank a care log, and nudge an at-risk claim (提醒一下). */
	'area.thank': { roles: RESIDENT },
	'area.nudge': { roles: RESIDENT },
	/** The committee marks a care log as checked, or rejects it with a reason (it then does not count). */
	'area.check_log': { roles: COMMITTEE },
	'area.reject_log': { roles: COMMITTEE },
	/** The committee asks the area's neighbours to rate the upkeep of one term of care (once per claim). */
	'area.open_rating': { roles: COMMITTEE },
	/** Residents form a volunteer team (志願隊); the committee approves it; residents join and leave it. */
	'team.create': { roles: RESIDENT },
	'team.review': { roles: COMMITTEE },
	'team.join': { roles: RESIDENT },
	'team.leave': { roles: RESIDENT },
	// 吹哨派單: reports, their dispatch and verification, the service catalogue, the Open311 API
	'report.file': { roles: REPORTERS },
	'report.follow': { roles: RESIDENT },
	/** 就地解決: a grid worker fixes a small problem at once, with evidence; the reporter verifies it. */
	'report.handle_on_spot': { roles: ['grid_worker'] },
	'report.triage': { roles: DISPATCHERS },
	'report.dispatch': { roles: DISPATCHERS },
	'report.close_triage': { roles: DISPATCHERS },
	'report.accept': { roles: DEPARTMENT },
	'report.return': { roles: DEPARTMENT },
	'report.progress': { roles: DEPARTMENT },
	'report.reply': { roles: DEPARTMENT },
	/** 吹哨: the street names a lead department that cannot return the report (報到). */
	'report.escalate_lead': { roles: STREET },
	/** 誰上報、誰核查: whoever reported it says whether it is fixed. */
	'report.verify': { roles: REPORTERS, owner: true },
	'service.create': { roles: STREET },
	'service.update': { roles: STREET },
	/** The street's holidays, which deadlines skip besides weekends. */
	'service.calendar': { roles: STREET },
	/** Where a department's own system hears of dispatches. */
	'department.webhook': { roles: STREET },
	'department.queue_view': { roles: [...DEPARTMENT, ...STREET] },
	'open311.key_create': { roles: STREET },
	'open311.key_revoke': { roles: STREET }
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];
/** Permissions to open a page or read something: asked by pages and queries, never run as commands. */
export const VIEW_ACTIONS = ['community.manage_view', 'street.manage_view', 'site.admin_view', 'audit.view', 'department.queue_view'] as const satisfies readonly Action[];
export type ViewAction = (typeof VIEW_ACTIONS)[number];
/** What a command does: each one names its audit row. */
export type CommandAction = Exclude<Action, ViewAction>;
export const COMMAND_ACTIONS = ACTIONS.filter((a): a is CommandAction => !(VIEW_ACTIONS as readonly string[]).includes(a));

/** Who is told about the work a community's committee must do (not street staff: they have their own desk). */
export const COMMITTEE_ROLE = 'committee' satisfies Role;
/** Who takes part as a resident: the people a community's residents-only notices go to. */
export const RESIDENT_ROLES: readonly Role[] = RESIDENT;
function membershipCovers(m: ActorMembership, subject: Subject): boolean {
	switch (ROLE_SCOPE[m.role]) {
		case 'site':
			return true;
		case 'community':
			if (subject.communityId === undefined || m.communityId !== subject.communityId) return false;
			// someone posted to a grid (a grid worker) acts in that grid only, wherever the record has one
			return m.gridId == null || subject.gridId == null || m.gridId === subject.gridId;
		case 'street':
			return subject.streetId !== undefined && m.streetId === subject.streetId;
		case 'department':
			// a department acts on what was dispatched to it, nothing else
			return subject.streetId !== undefined && m.streetId === subject.streetId && m.departmentId != null && subject.departmentId === m.departmentId;
	}
}

/** Whether this person may do `action` to `subject`; narrows a possibly missing actor to a signed-in one. */
export function permits(actor: Actor | null | undefined, action: Action, subject: Subject = {}): actor is Actor {
	if (!actor) return false;
	const rule: Rule = POLICY[action];
	if (rule.anyUser) return true;
	if (rule.owner && subject.ownerId !== actor.userId) return false;
	return actor.memberships.some((m) => rule.roles.includes(m.role) && membershipCovers(m, subject));
}

/** The same question for pages. */
export const can = permits;

export type Denied = { ok: false; error: 'unauthenticated' | 'forbidden' };

/** Why `permits` said no, as the result a command returns; null when it said yes. */
export function denial(actor: Actor | null | undefined, action: Action, subject: Subject = {}): Denied | null {
	if (!actor) return { ok: false, error: 'unauthenticated' };
	return permits(actor, action, subject) ? null : { ok: false, error: 'forbidden' };
}

/**
 * Where this person may do `action` at all: everywhere (admin), or a list of streets and communities.
 * For pages that list what someone may read (the audit log) and for the header's links.
 */
export function reach(actor: Actor | null | undefined, action: Action): { everywhere: boolean; streetIds: number[]; communityIds: number[] } {
	const out = { everywhere: false, streetIds: [] as number[], communityIds: [] as number[] };
	if (!actor) return out;
	const rule: Rule = POLICY[action];
	for (const m of actor.memberships) {
		if (!rule.roles.includes(m.role)) continue;
		const scope = ROLE_SCOPE[m.role];
		if (scope === 'site') out.everywhere = true;
		else if (scope === 'community' && m.communityId !== null) out.communityIds.push(m.communityId);
		else if (m.streetId !== null) out.streetIds.push(m.streetId);
	}
	return out;
}

/** Whether this person may do `action` somewhere. */
export function canSomewhere(actor: Actor | null | undefined, action: Action): boolean {
	const r = reach(actor, action);
	return r.everywhere || r.streetIds.length > 0 || r.communityIds.length > 0;
}

/** Staff accounts get short sessions: anyone who holds more than a residency. */
export function isStaff(memberships: readonly ActorMembership[]): boolean {
	return memberships.some((m) => m.role !== APPLICANT_ROLE);
}
