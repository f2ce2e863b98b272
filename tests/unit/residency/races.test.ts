// Races on two database connections: a request has loaded, authorized and validated (prepare), another request
// commits the competing change, then the first one writes. One winner, one clean refusal, never two rows.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { appointCommunityStaff, reviewApplication, revokeMembership } from '../../../src/lib/server/residency/commands';
import { createDepartment } from '../../../src/lib/server/org/commands';
import { memberships } from '../../../src/lib/server/residency/schema';
import { departments } from '../../../src/lib/server/org/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

function race(test: (w: RaceWorld) => void) {
	return () => {
		const w = raceWorld();
		try {
			test(w);
		} finally {
			w.close();
		}
	};
}

/** Audit rows of `action` written by the test (the demo foundation wrote its own, earlier). */
const audited = (w: RaceWorld, action: string) => w.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.createdAt, w.now))).all();

describe('races between two connections', () => {
	it(
		'two committee members decide the same application at once: the first decision stands, the second is refused',
		race((w) => {
			// jinwei gets a second committee member
			const staff = { streetId: w.ids.streetId, communityId: w.ids.community.jinwei };
			expect(appointCommunityStaff(w.db, w.actor('street'), staff, { username: 'resident2', role: 'committee' }, w.now).ok).toBe(true);
			const application = w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.newcomer), eq(memberships.status, 'pending'))).get()!;
			const at = { communityId: w.ids.community.jinwei, id: application.id };

			const late = prepared(reviewApplication.prepare(w.db, w.actor('committee1'), at, { decision: 'verify' }, w.now));
			expect(reviewApplication(w.rival, w.actor('resident2'), at, { decision: 'reject', reason: '查無此房號，請到居委會核對' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'already_decided' });

			expect(w.db.select().from(memberships).where(eq(memberships.id, application.id)).get()).toMatchObject({ status: 'rejected', decidedBy: w.ids.user.resident2 });
			expect(audited(w, 'residency.review')).toEqual([expect.objectContaining({ subjectId: application.id, actorId: w.ids.user.resident2 })]);
			expect(w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.newcomer)).all().map((n) => n.kind)).toEqual(['residency_rejected']);
		})
	);

	it(
		'the same person appointed to the same role twice at once: one appointment and a clean refusal',
		race((w) => {
			const at = { streetId: w.ids.streetId, communityId: w.ids.community.jinwei };
			const input = { username: 'resident3', role: 'committee' };
			const late = prepared(appointCommunityStaff.prepare(w.db, w.actor('street'), at, input, w.now));
			expect(appointCommunityStaff(w.rival, w.actor('street'), at, input, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'already_member' });
			const rows = w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.resident3), eq(memberships.role, 'committee'))).all();
			expect(rows).toHaveLength(1);
			expect(audited(w, 'residency.appoint_community_staff')).toHaveLength(1);
		})
	);

	it(
		'an appointment revoked twice at once is ended once: the second revocation is refused',
		race((w) => {
			const m = w.db.select().from(memberships).where(eq(memberships.userId, w.ids.user.grid1)).get()!;
			const at = { streetId: w.ids.streetId, id: m.id };
			const late = prepared(revokeMembership.prepare(w.db, w.actor('street'), at, {}, w.now));
			expect(revokeMembership(w.rival, w.actor('street'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'already_revoked' });
			expect(w.db.select().from(memberships).where(eq(memberships.id, m.id)).get()).toMatchObject({ status: 'revoked' });
			expect(audited(w, 'residency.revoke')).toHaveLength(1);
		})
	);

	it(
		'two departments of one name added at once: one department, and the other form says the name is taken',
		race((w) => {
			const at = { streetId: w.ids.streetId };
			const late = prepared(createDepartment.prepare(w.db, w.actor('street'), at, { name: '水務所', contact: '0755-2601 5500' }, w.now));
			expect(createDepartment(w.rival, w.actor('street'), at, { name: '水務所' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'invalid', fields: { name: 'err_department_name_taken' } });
			expect(w.db.select().from(departments).where(eq(departments.name, '水務所')).all()).toHaveLength(1);
			expect(audited(w, 'department.create')).toHaveLength(1);
		})
	);
});
