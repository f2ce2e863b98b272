// Pure rules of the desk: where a person lands after signing in, what a menu needs next, when a project is stale.
import { APPLICANT_ROLE, ROLE_SCOPE, type ActorMembership } from '../policy';
import { currentPhase, type PhasedMenu } from '../menus/rules';
import { DAY } from '../db/time';
import type { MenuStep } from '$lib/desk';

const isResidency = (m: ActorMembership) => m.role === APPLICANT_ROLE;
/** Staff have a desk: every role held in a community, street or department, but a residency. */
const hasDesk = (m: ActorMembership) => ROLE_SCOPE[m.role] !== 'site' && !isResidency(m);

export function holdsDesk(memberships: ActorMembership[]): boolean {
	return memberships.some(hasDesk);
}

/**
 * Where signing in without a destination lands: staff on their desk; the site's administrator on the admin page;
 * a resident on their community (the first they live in); anyone else on the home page.
 */
export function landingFor(memberships: ActorMembership[], slugOf: (communityId: number) => string | undefined, isAdmin: boolean): string {
	if (holdsDesk(memberships)) return '/desk';
	if (isAdmin) return '/admin';
	const home = memberships.find((m) => isResidency(m) && m.communityId != null);
	const slug = home?.communityId != null ? slugOf(home.communityId) : undefined;
	return slug ? `/c/${slug}` : '/';
}

/** A project with no progress update for this long is flagged to street staff. */
export const STALE_AFTER = 30 * DAY;


export type MenuFacts = PhasedMenu & { resultsPublishedAt: number | null; pendingCandidates: number; worksOpen: number; worksToAccept: number };

/** What a menu needs next from the street and its committees, by its phase and what is still open in it. */
export function menuNextStep(menu: MenuFacts, now: number): MenuStep {
	switch (currentPhase(menu, now)) {
		case 'scheduled':
			return 'announce';
		case 'collect':
			// the committee reviews candidates as they come in
			return menu.pendingCandidates > 0 ? 'review_candidates' : 'gather_candidates';
		case 'review':
			return menu.pendingCandidates > 0 ? 'review_candidates' : 'open_vote';
		case 'vote':
			return 'voting';
		case 'results':
			return menu.resultsPublishedAt == null ? 'publish_results' : 'follow_works';
		case 'implementation':
		case 'acceptance':
			if (menu.resultsPublishedAt == null) return 'publish_results';
			if (menu.worksToAccept > 0) return 'accept_works';
			return menu.worksOpen > 0 ? 'follow_works' : 'done';
	}
}

/** A selected project still being built whose last word (update, or the start of works) is older than STALE_AFTER. */
export function isStale(project: { lastUpdateAt: number | null; worksStartedAt: number }, now: number): boolean {
	return now - (project.lastUpdateAt ?? project.worksStartedAt) > STALE_AFTER;
}

/** Whole days since a moment, for "no update for 41 days". */
export const daysSince = (at: number, now: number) => Math.floor((now - at) / DAY);
