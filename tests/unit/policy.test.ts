import { describe, expect, it } from 'vitest';
import { ACTIONS, can, authorize, type Action, type Actor, type ActorMembership } from '../../src/lib/server/policy';
import type { Role } from '../../src/lib/server/residency/schema';

// The expected answer for every action, written out by hand: which roles may act where.
// 'own' = in their own community (or its street); nobody may act in another community unless listed in 'anywhere'.
type Expect = { own: Role[]; any?: boolean };
const R: Role[] = ['resident', 'grid_worker'];
// The site admin builds the organisation and appoints street staff; it takes no part in a community's work.
const C: Role[] = ['committee', 'street_staff'];
const S: Role[] = ['street_staff'];
const EXPECTED: Record<Action, Expect> = {
	'account.edit': { own: [], any: true },
	'residency.apply': { own: [], any: true },
	'residency.review': { own: C },
	'residency.appoint_community_staff': { own: S },
	'residency.appoint_department': { own: S },
	'residency.appoint_street_staff': { own: ['admin'] },
	'residency.revoke': { own: S },
	'org.manage': { own: ['admin'] },
	'community.settings': { own: C },
	'community.manage_view': { own: [...C, 'grid_worker'] },
	'audit.view': { own: [...C, 'admin'] },
	'proposal.create': { own: R },
	'proposal.edit_own': { own: R },
	'proposal.withdraw_own': { own: R },
	'proposal.second': { own: R },
	'proposal.respond': { own: C },
	'consultation.open': { own: C },
	'consultation.comment': { own: R },
	'consultation.reply_official': { own: C },
	'consultation.report_comment': { own: R },
	'consultation.moderate': { own: C },
	'consultation.close': { own: C },
	'consultation.record_stage': { own: C },
	'menu.create': { own: S },
	'menu.edit': { own: S },
	'menu.advance_phase': { own: S },
	'menu.import_pabulib': { own: S },
	'menu.submit_candidate': { own: [...R, ...C] },
	'menu.review_candidate': { own: C },
	'menu.vote': { own: R },
	'menu.publish_results': { own: S },
	'menu.post_progress': { own: S },
	'menu.record_spending': { own: S },
	'menu.accept_project': { own: C }
};

const OWN = { communityId: 1, streetId: 1 };
const OTHER_IN_STREET = { communityId: 2, streetId: 1 };
const OTHER_STREET = { communityId: 3, streetId: 2 };

function actorWith(role: Role): Actor {
	const m: ActorMembership =
		role === 'admin'
			? { role, communityId: null, streetId: null }
			: role === 'street_staff' || role === 'department'
				? { role, communityId: null, streetId: 1 }
				: { role, communityId: 1, streetId: 1 };
	return { userId: 1, username: 'x', displayName: 'x', memberships: [m], ip: null };
}
const ROLES: Role[] = ['resident', 'grid_worker', 'committee', 'street_staff', 'department', 'admin'];
const STREET_WIDE: Role[] = ['street_staff', 'department', 'admin'];

describe('policy', () => {
	it('has an expected answer for every declared action, and no extra ones', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
	});

	for (const action of ACTIONS) {
		describe(action, () => {
			const expected = EXPECTED[action];
			for (const role of ROLES) {
				const mayOwn = expected.any === true || expected.own.includes(role);
				it(`${role} in own community: ${mayOwn ? 'allowed' : 'refused'}`, () => {
					expect(can(actorWith(role), action, OWN)).toBe(mayOwn);
				});
				// Community roles stop at their community; street roles reach their street's other communities.
				const mayOtherInStreet = expected.any === true || (expected.own.includes(role) && STREET_WIDE.includes(role));
				it(`${role} in another community of the street: ${mayOtherInStreet ? 'allowed' : 'refused'}`, () => {
					expect(can(actorWith(role), action, OTHER_IN_STREET)).toBe(mayOtherInStreet);
				});
				const mayOtherStreet = expected.any === true || (expected.own.includes(role) && role === 'admin');
				it(`${role} in another street: ${mayOtherStreet ? 'allowed' : 'refused'}`, () => {
					expect(can(actorWith(role), action, OTHER_STREET)).toBe(mayOtherStreet);
				});
			}
			it('a signed-in person with no membership', () => {
				const nobody: Actor = { userId: 9, username: 'n', displayName: 'n', memberships: [], ip: null };
				expect(can(nobody, action, OWN)).toBe(expected.any === true);
			});
			it('a visitor is refused as unauthenticated', () => {
				expect(authorize(null, action, OWN)).toEqual({ ok: false, error: 'unauthenticated' });
			});
		});
	}
});
