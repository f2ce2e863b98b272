// Who may do what, in one place. Every command calls authorize(); pages call can() to hide buttons.
import type { Role } from './residency/schema';

export type ActorMembership = { role: Role; communityId: number | null; streetId: number | null };
export type Actor = {
	userId: number;
	username: string;
	displayName: string;
	/** Verified memberships only: pending applications grant nothing. */
	memberships: ActorMembership[];
	/** Client address, for the audit log and rate limits. */
	ip: string | null;
};
/** Where an action happens: a community (with its street), a street, or the site as a whole. */
export type Subject = { communityId?: number; streetId?: number };

type Rule = {
	/** Roles that may act; community roles only in their community, street roles only in their street. */
	roles: readonly Role[];
	/** Any signed-in person, whatever their memberships (applying, own account). */
	anyUser?: boolean;
};

const RESIDENT = ['resident', 'grid_worker'] as const;
const COMMITTEE = ['committee', 'street_staff'] as const;
const STREET = ['street_staff'] as const;

export const POLICY = {
	// accounts and residency
	'account.edit': { roles: [], anyUser: true },
	'residency.apply': { roles: [], anyUser: true },
	'residency.review': { roles: COMMITTEE },
	'residency.appoint_community_staff': { roles: STREET },
	'residency.appoint_department': { roles: STREET },
	'residency.appoint_street_staff': { roles: ['admin'] },
	'residency.revoke': { roles: STREET },
	'org.manage': { roles: ['admin'] },
	'community.settings': { roles: COMMITTEE },
	'community.manage_view': { roles: [...COMMITTEE, 'grid_worker'] },
	'audit.view': { roles: [...COMMITTEE, 'admin'] },
	// 決策共謀: proposals and seconds
	'proposal.create': { roles: RESIDENT },
	'proposal.edit_own': { roles: RESIDENT },
	'proposal.withdraw_own': { roles: RESIDENT },
	'proposal.second': { roles: RESIDENT },
	'proposal.respond': { roles: COMMITTEE },
	// 協商議事: consultations and moderation
	'consultation.open': { roles: COMMITTEE },
	'consultation.comment': { roles: RESIDENT },
	/** The committee answers residents' comments (questions above all) in the thread, without taking a side. */
	'consultation.reply_official': { roles: COMMITTEE },
	'consultation.report_comment': { roles: RESIDENT },
	'consultation.moderate': { roles: COMMITTEE },
	'consultation.close': { roles: COMMITTEE },
	'consultation.record_stage': { roles: COMMITTEE },
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
	'menu.record_spending': { roles: STREET },
	'menu.accept_project': { roles: COMMITTEE }
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

const COMMUNITY_SCOPED: readonly Role[] = ['resident', 'grid_worker', 'committee'];

function membershipCovers(m: ActorMembership, subject: Subject): boolean {
	if (m.role === 'admin') return true;
	if (COMMUNITY_SCOPED.includes(m.role)) {
		return subject.communityId !== undefined && m.communityId === subject.communityId;
	}
	// street roles reach every community of their street
	return subject.streetId !== undefined && m.streetId === subject.streetId;
}

export function can(actor: Actor | null | undefined, action: Action, subject: Subject = {}): boolean {
	if (!actor) return false;
	const rule: Rule = POLICY[action];
	if (rule.anyUser) return true;
	return actor.memberships.some((m) => rule.roles.includes(m.role) && membershipCovers(m, subject));
}

export type Denied = { ok: false; error: 'unauthenticated' | 'forbidden' };

/** For commands: null when allowed, otherwise the error result to return. */
export function authorize(actor: Actor | null | undefined, action: Action, subject: Subject = {}): Denied | null {
	if (!actor) return { ok: false, error: 'unauthenticated' };
	return can(actor, action, subject) ? null : { ok: false, error: 'forbidden' };
}

/** Staff accounts get short sessions. */
export function isStaff(memberships: readonly ActorMembership[]): boolean {
	return memberships.some((m) => m.role !== 'resident');
}
