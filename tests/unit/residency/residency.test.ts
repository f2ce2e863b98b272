import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { memberships } from '../../../src/lib/server/residency/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { applyForResidency, appoint, reviewApplication, revokeMembership } from '../../../src/lib/server/residency/commands';
import { pendingApplications } from '../../../src/lib/server/residency/queries';

const home = { compound: '金韋花園', building: '3', unit: '2-101' };

function newcomerApplication(w: ReturnType<typeof demoWorld>) {
	return w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.newcomer), eq(memberships.status, 'pending'))).get()!;
}

describe('applying', () => {
	it('a registered person applies once; a second application is a conflict', () => {
		const w = demoWorld();
		const r = applyForResidency(w.db, w.actor('resident9'), { ...home, communityId: w.ids.community.jinwei }, w.now);
		expect(r.ok).toBe(true);
		expect(applyForResidency(w.db, w.actor('resident9'), { ...home, communityId: w.ids.community.jinwei }, w.now)).toEqual({ ok: false, error: 'already_applied' });
		expect(applyForResidency(w.db, w.actor('resident1'), { ...home, communityId: w.ids.community.jinwei }, w.now)).toEqual({ ok: false, error: 'already_applied' });
	});

	it('needs the address, and a grid of that community', () => {
		const w = demoWorld();
		expect(applyForResidency(w.db, w.actor('resident9'), { communityId: w.ids.community.jinwei, compound: '', building: '', unit: 'x'.repeat(30) }, w.now)).toMatchObject({
			fields: { compound: 'err_required', building: 'err_required', unit: 'err_too_long' }
		});
		const otherGrid = w.ids.grids.fenghuangshan[0];
		expect(applyForResidency(w.db, w.actor('resident9'), { ...home, communityId: w.ids.community.jinwei, gridId: String(otherGrid) }, w.now)).toMatchObject({ fields: { gridId: 'err_invalid' } });
	});

	it('visitors cannot apply', () => {
		const w = demoWorld();
		expect(applyForResidency(w.db, null, { ...home, communityId: w.ids.community.jinwei }, w.now)).toEqual({ ok: false, error: 'unauthenticated' });
	});
});

describe('reviewing', () => {
	it("jinwei's committee verifies; the applicant is told and the audit log has it", () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor('committee1'), { membershipId: app.id, decision: 'verify' }, w.now)).toEqual({ ok: true, value: { status: 'verified' } });
		expect(w.actor('newcomer').memberships).toContainEqual({ role: 'resident', communityId: w.ids.community.jinwei, streetId: w.ids.streetId });
		expect(w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.newcomer)).get()?.kind).toBe('residency_verified');
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'residency.verify')).get()?.actorId).toBe(w.ids.user.committee1);
		expect(pendingApplications(w.db, w.ids.community.jinwei)).toHaveLength(0);
	});

	it('a rejection needs a reason, which the applicant sees', () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor('committee1'), { membershipId: app.id, decision: 'reject', reason: '' }, w.now)).toMatchObject({ fields: { reason: 'err_reject_reason_required' } });
		expect(reviewApplication(w.db, w.actor('committee1'), { membershipId: app.id, decision: 'reject', reason: '地址與登記不符，請到居委會核對' }, w.now).ok).toBe(true);
		const note = w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.newcomer)).get()!;
		expect(JSON.parse(note.params).reason).toBe('地址與登記不符，請到居委會核對');
	});

	it('deciding twice is a conflict', () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		reviewApplication(w.db, w.actor('committee1'), { membershipId: app.id, decision: 'verify' }, w.now);
		expect(reviewApplication(w.db, w.actor('committee1'), { membershipId: app.id, decision: 'reject', reason: '重複' }, w.now)).toEqual({ ok: false, error: 'already_decided' });
	});

	it.each(['committee2', 'resident1', 'grid1', 'dept1', 'admin', 'newcomer'])('%s may not review a jinwei application, and nothing changes', (who) => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor(who), { membershipId: app.id, decision: 'verify' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(newcomerApplication(w).status).toBe('pending');
	});

	it('street staff may review in every community of their street', () => {
		const w = demoWorld();
		expect(reviewApplication(w.db, w.actor('street'), { membershipId: newcomerApplication(w).id, decision: 'verify' }, w.now).ok).toBe(true);
	});
});

describe('appointing', () => {
	it('street staff appoint a committee member; the admin appoints street staff', () => {
		const w = demoWorld();
		expect(appoint(w.db, w.actor('street'), { username: 'resident2', role: 'committee', communityId: w.ids.community.jinwei }, w.now).ok).toBe(true);
		expect(w.actor('resident2').memberships.map((m) => m.role).sort()).toEqual(['committee', 'resident']);
		expect(appoint(w.db, w.actor('admin'), { username: 'resident3', role: 'street_staff', streetId: w.ids.streetId }, w.now).ok).toBe(true);
	});

	it.each([
		['committee1', { role: 'committee' }],
		['resident1', { role: 'grid_worker' }],
		['street', { role: 'street_staff' }],
		['dept1', { role: 'department', department: '水務所' }]
	])('%s may not appoint %o', (who, extra) => {
		const w = demoWorld();
		const r = appoint(w.db, w.actor(who), { username: 'resident4', communityId: w.ids.community.jinwei, streetId: w.ids.streetId, ...extra }, w.now);
		expect(r).toEqual({ ok: false, error: 'forbidden' });
	});

	it('appointing the same person twice is a conflict; an unknown name is explained', () => {
		const w = demoWorld();
		expect(appoint(w.db, w.actor('street'), { username: 'committee1', role: 'committee', communityId: w.ids.community.jinwei }, w.now)).toEqual({ ok: false, error: 'already_member' });
		expect(appoint(w.db, w.actor('street'), { username: 'nobody', role: 'committee', communityId: w.ids.community.jinwei }, w.now)).toMatchObject({ fields: { username: 'err_user_not_found' } });
		expect(appoint(w.db, w.actor('street'), { username: 'resident1', role: 'department', streetId: w.ids.streetId }, w.now)).toMatchObject({ fields: { department: 'err_department_required' } });
	});

	it('revoking keeps the row, marked revoked, and removes the power', () => {
		const w = demoWorld();
		const m = w.db.select().from(memberships).where(eq(memberships.userId, w.ids.user.grid1)).get()!;
		expect(revokeMembership(w.db, w.actor('committee1'), { membershipId: m.id }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(revokeMembership(w.db, w.actor('street'), { membershipId: m.id }, w.now).ok).toBe(true);
		expect(w.actor('grid1').memberships).toHaveLength(0);
		expect(w.db.select().from(memberships).where(eq(memberships.id, m.id)).get()?.status).toBe('revoked');
	});
});

describe('grid workers', () => {
	it('are appointed to a grid of their community, and only of it', () => {
		const w = demoWorld();
		const jinweiGrid = w.ids.grids.jinwei[2];
		const otherGrid = w.ids.grids.fenghuangshan[0];
		expect(appoint(w.db, w.actor('street'), { username: 'resident6', role: 'grid_worker', communityId: w.ids.community.jinwei, gridId: String(otherGrid) }, w.now)).toMatchObject({
			fields: { gridId: 'err_grid_not_in_community' }
		});
		expect(appoint(w.db, w.actor('street'), { username: 'resident6', role: 'grid_worker', communityId: w.ids.community.jinwei, gridId: String(jinweiGrid) }, w.now).ok).toBe(true);
		const row = w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.resident6), eq(memberships.role, 'grid_worker'))).get();
		expect(row?.gridId).toBe(jinweiGrid);
	});
});
