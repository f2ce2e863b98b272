// Walks actions × people × places through the commands: who the policy lets act does, everyone else is refused
// (unauthenticated or forbidden) and the database is left exactly as it was.
import { describe, expect, it } from 'vitest';
import { POLICY, permits, type Action, type Actor, type ActorMembership } from '../../../src/lib/server/policy';
import { CASES, PEOPLE, type MatrixWorld, type Place } from './cases';
import { everything, matrixWorld } from './fixture';

/**
 * Who should be allowed, worked out from the memberships each person holds and the roles the policy lists:
 * community roles act in their community (a grid worker posted to a grid, in that grid), street roles in their
 * street, a department on what was dispatched to it, the admin anywhere; `owner` rules only for the owner.
 */
export function shouldAllow(action: Action, actor: Actor | null, place: Place): boolean {
	if (!actor) return false;
	const rule = POLICY[action] as { roles: readonly string[]; anyUser?: true; owner?: true };
	if (rule.anyUser) return true;
	if (rule.owner && place.ownerId !== actor.userId) return false;
	const covers = (m: ActorMembership) => {
		if (m.role === 'admin') return true;
		if (m.role === 'street_staff') return place.streetId !== undefined && m.streetId === place.streetId;
		if (m.role === 'department') return place.streetId !== undefined && m.streetId === place.streetId && m.departmentId != null && m.departmentId === place.departmentId;
		if (place.communityId === undefined || m.communityId !== place.communityId) return false;
		return m.role !== 'grid_worker' || m.gridId == null || place.gridId == null || m.gridId === place.gridId;
	};
	return actor.memberships.some((m) => rule.roles.includes(m.role) && covers(m));
}

/** What an allowed person gets from this case: success, or the record's own refusal. */
const EXPECTED_FOR: Partial<Record<Action, Record<string, string>>> = {
	'proposal.second': { resident2: 'own_proposal' },
	'consultation.report_comment': { resident2: 'own_comment' },
	'area.log_care': { resident2: 'not_claimant', grid1: 'not_claimant' },
	'area.thank': { resident1: 'own_log' },
	'area.nudge': { resident1: 'own_claim' },
	'team.join': { resident1: 'already_in_team' },
	'team.leave': { resident1: 'ok' },
	'report.follow': { resident1: 'report_own' },
	'residency.apply': { resident1: 'already_applied', resident2: 'already_applied', newcomer: 'already_applied', grid1: 'already_applied', resident9: 'ok' }
};

export function runMatrix(prefixes: string[]) {
	const actions = (Object.keys(CASES) as Action[]).filter((a) => prefixes.some((p) => a.startsWith(p)));
	for (const action of actions) {
		const c = CASES[action];
		describe(action, () => {
			for (const who of PEOPLE) {
				it(`${who ?? 'a visitor'}`, async () => {
					const w: MatrixWorld & { close(): void } = matrixWorld();
					try {
						const actor = who ? w.actor(who) : null;
						const may = shouldAllow(action, actor, c.place(w));
						if (!c.run) {
							// a view: the page asks the policy with the record's place
							expect(permits(actor, action, c.place(w))).toBe(may);
							return;
						}
						const before = everything(w.db);
						const result = await c.run(w, actor);
						if (!may) {
							expect(result).toEqual({ ok: false, error: actor ? 'forbidden' : 'unauthenticated' });
							expect(everything(w.db)).toBe(before);
							return;
						}
						const expected = EXPECTED_FOR[action]?.[who ?? ''] ?? c.whenAllowed ?? 'ok';
						if (expected === 'ok') expect(result).toMatchObject({ ok: true });
						else expect(result).toMatchObject({ ok: false, error: expected });
					} finally {
						w.close();
					}
				});
			}
		});
	}
}
