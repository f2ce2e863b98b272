import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createProposal } from '../../../src/lib/server/proposals/commands';
import { demoWorld, type World } from '../world';
import { memberships } from '../../../src/lib/server/residency/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { applyForResidency, appointCommunityStaff, appointDepartment, appointStreetStaff, reviewApplication, revokeMembership, revokeStreetStaff } from '../../../src/lib/server/residency/commands';
import { pendingApplications } from '../../../src/lib/server/residency/queries';
import { can } from '../../../src/lib/server/policy';

const home = { compound: '金韋花園', building: '3', unit: '2-101' };

function newcomerApplication(w: World) {
	return w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.newcomer), eq(memberships.status, 'pending'))).get()!;
}
/** The application as the committee's desk names it: in jinwei, by id. */
const applicationAt = (w: World, id = newcomerApplication(w).id) => ({ communityId: w.ids.community.jinwei, id });
const jinwei = (w: World) => ({ communityId: w.ids.community.jinwei });
const inStreet = (w: World, communityId = w.ids.community.jinwei) => ({ streetId: w.ids.streetId, communityId });

describe('applying', () => {
	it('a registered person applies once; a second application is a conflict', () => {
		const w = demoWorld();
		const r = applyForResidency(w.db, w.actor('resident9'), jinwei(w), home, w.now);
		expect(r.ok).toBe(true);
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), home, w.now)).toEqual({ ok: false, error: 'already_applied' });
		expect(applyForResidency(w.db, w.actor('resident1'), jinwei(w), home, w.now)).toEqual({ ok: false, error: 'already_applied' });
	});

	it('needs the address, and a grid of that community', () => {
		const w = demoWorld();
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), { compound: '', building: '', unit: 'x'.repeat(30) }, w.now)).toMatchObject({
			fields: { compound: 'err_required', building: 'err_required', unit: 'err_too_long' }
		});
		const otherGrid = w.ids.grids.fenghuangshan[0];
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), { ...home, gridId: String(otherGrid) }, w.now)).toMatchObject({ fields: { gridId: 'err_invalid' } });
	});

	it('a room is optional, kept as typed and shown to the committee; too long or invisible text is refused beside it', () => {
		const w = demoWorld();
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), { ...home, room: 'x'.repeat(21) }, w.now)).toMatchObject({ fields: { room: 'err_too_long' } });
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), { ...home, room: '\u200b\u200b' }, w.now)).toMatchObject({ ok: false, error: 'invalid' });
		expect(applyForResidency(w.db, w.actor('resident9'), jinwei(w), { ...home, room: ' 1203 室 ' }, w.now).ok).toBe(true);
		expect(pendingApplications(w.db, w.ids.community.jinwei).find((a) => a.room !== null)).toMatchObject({ building: '3', unit: '2-101', room: '1203 室' });
		// Left empty, it is stored as nothing.
		const w2 = demoWorld();
		expect(applyForResidency(w2.db, w2.actor('resident9'), jinwei(w2), { ...home, room: '' }, w2.now).ok).toBe(true);
		expect(w2.db.select().from(memberships).where(and(eq(memberships.userId, w2.ids.user.resident9), eq(memberships.status, 'pending'))).get()!.room).toBeNull();
	});

	it('visitors cannot apply', () => {
		const w = demoWorld();
		expect(applyForResidency(w.db, null, jinwei(w), home, w.now)).toEqual({ ok: false, error: 'unauthenticated' });
	});
});

describe('reviewing', () => {
	it("jinwei's committee verifies; the applicant is told and the audit log has it", () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor('committee1'), applicationAt(w, app.id), { decision: 'verify' }, w.now)).toEqual({ ok: true, value: { status: 'verified' } });
		expect(w.actor('newcomer').memberships).toContainEqual(expect.objectContaining({ role: 'resident', communityId: w.ids.community.jinwei, streetId: w.ids.streetId }));
		expect(w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.newcomer)).get()?.kind).toBe('residency_verified');
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'residency.review')).all().at(-1)).toMatchObject({ actorId: w.ids.user.committee1, communityId: w.ids.community.jinwei });
		expect(pendingApplications(w.db, w.ids.community.jinwei)).toHaveLength(0);
	});

	it('a rejection needs a reason, which the applicant sees', () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor('committee1'), applicationAt(w, app.id), { decision: 'reject', reason: '' }, w.now)).toMatchObject({ fields: { reason: 'err_reject_reason_required' } });
		expect(reviewApplication(w.db, w.actor('committee1'), applicationAt(w, app.id), { decision: 'reject', reason: '地址與登記不符，請到居委會核對' }, w.now).ok).toBe(true);
		const note = w.db.select().from(notifications).where(eq(notifications.userId, w.ids.user.newcomer)).get()!;
		expect(JSON.parse(note.params).reason).toBe('地址與登記不符，請到居委會核對');
	});

	it('deciding twice is a conflict', () => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		reviewApplication(w.db, w.actor('committee1'), applicationAt(w, app.id), { decision: 'verify' }, w.now);
		expect(reviewApplication(w.db, w.actor('committee1'), applicationAt(w, app.id), { decision: 'reject', reason: '重複' }, w.now)).toEqual({ ok: false, error: 'already_decided' });
	});

	it.each(['committee2', 'resident1', 'grid1', 'dept1', 'admin', 'newcomer'])('%s may not review a jinwei application, and nothing changes', (who) => {
		const w = demoWorld();
		const app = newcomerApplication(w);
		expect(reviewApplication(w.db, w.actor(who), applicationAt(w, app.id), { decision: 'verify' }, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(newcomerApplication(w).status).toBe('pending');
	});

	it('street staff may review in every community of their street', () => {
		const w = demoWorld();
		expect(reviewApplication(w.db, w.actor('street'), applicationAt(w), { decision: 'verify' }, w.now).ok).toBe(true);
	});
});

describe('appointing', () => {
	it('street staff appoint a committee member; the admin appoints street staff', () => {
		const w = demoWorld();
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'resident2', role: 'committee' }, w.now).ok).toBe(true);
		expect(w.actor('resident2').memberships.map((m) => m.role).sort()).toEqual(['committee', 'resident']);
		expect(appointStreetStaff(w.db, w.actor('admin'), { streetId: w.ids.streetId }, { username: 'resident3' }, w.now).ok).toBe(true);
		const rows = w.db.select().from(auditLog).where(eq(auditLog.action, 'residency.appoint_community_staff')).all();
		expect(rows.at(-1)).toMatchObject({ actorId: w.ids.user.street, communityId: w.ids.community.jinwei, streetId: w.ids.streetId });
	});

	it.each([
		['committee1', 'community staff'],
		['resident1', 'community staff'],
		['street', 'street staff'],
		['dept1', 'a department account'],
		['admin', 'community staff']
	])('%s may not appoint %s', (who, what) => {
		const w = demoWorld();
		const department = { streetId: w.ids.streetId, id: w.ids.department['住建局'] };
		const r =
			what === 'street staff'
				? appointStreetStaff(w.db, w.actor(who), { streetId: w.ids.streetId }, { username: 'resident4' }, w.now)
				: what === 'a department account'
					? appointDepartment(w.db, w.actor(who), department, { username: 'resident4' }, w.now)
					: appointCommunityStaff(w.db, w.actor(who), inStreet(w), { username: 'resident4', role: 'grid_worker' }, w.now);
		expect(r).toEqual({ ok: false, error: 'forbidden' });
		expect(w.actor('resident4').memberships).toHaveLength(1);
	});

	it('appointing the same person twice is a conflict; an unknown name is explained', () => {
		const w = demoWorld();
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'committee1', role: 'committee' }, w.now)).toEqual({ ok: false, error: 'already_member' });
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'nobody', role: 'committee' }, w.now)).toMatchObject({ fields: { username: 'err_user_not_found' } });
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'resident1', role: 'street_staff' }, w.now)).toMatchObject({ fields: { role: 'err_invalid' } });
	});

	it('a community of another street is not found', () => {
		const w = demoWorld();
		expect(appointCommunityStaff(w.db, w.actor('street'), { streetId: w.ids.streetId + 1, communityId: w.ids.community.jinwei }, { username: 'resident2', role: 'committee' }, w.now)).toEqual({ ok: false, error: 'not_found' });
	});

	it('revoking keeps the row, marked revoked, and removes the power', () => {
		const w = demoWorld();
		const m = w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.grid1), eq(memberships.role, 'grid_worker'))).get()!;
		const at = { streetId: w.ids.streetId, id: m.id };
		expect(revokeMembership(w.db, w.actor('committee1'), at, {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(revokeMembership(w.db, w.actor('street'), at, {}, w.now).ok).toBe(true);
		// the appointment ends; the residency of the grid worker, who lives there, stays
		expect(w.actor('grid1').memberships.map((x) => x.role)).toEqual(['resident']);
		expect(w.db.select().from(memberships).where(eq(memberships.id, m.id)).get()?.status).toBe('revoked');
		expect(revokeMembership(w.db, w.actor('street'), at, {}, w.now)).toEqual({ ok: false, error: 'already_revoked' });
	});

	it('street staff are the admin\'s to revoke, not their colleagues\'', () => {
		const w = demoWorld();
		const m = w.db.select().from(memberships).where(eq(memberships.userId, w.ids.user.street)).get()!;
		expect(revokeMembership(w.db, w.actor('street'), { streetId: w.ids.streetId, id: m.id }, {}, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(revokeStreetStaff(w.db, w.actor('street'), { id: m.id }, {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(revokeStreetStaff(w.db, w.actor('admin'), { id: m.id }, {}, w.now).ok).toBe(true);
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'residency.revoke_street_staff')).get()?.actorId).toBe(w.ids.user.admin);
	});
});

describe('departments', () => {
	it('an account is appointed to a department record of the street and acts for it', () => {
		const w = demoWorld();
		const id = w.ids.department['市政維護中心'];
		expect(appointDepartment(w.db, w.actor('street'), { streetId: w.ids.streetId, id }, { username: 'resident5' }, w.now).ok).toBe(true);
		expect(w.actor('resident5').memberships).toContainEqual(expect.objectContaining({ role: 'department', streetId: w.ids.streetId, departmentId: id }));
		expect(appointDepartment(w.db, w.actor('street'), { streetId: w.ids.streetId, id: 999_999 }, { username: 'resident6' }, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(appointDepartment(w.db, w.actor('street'), { streetId: w.ids.streetId, id }, { username: 'nobody' }, w.now)).toMatchObject({ fields: { username: 'err_user_not_found' } });
	});

	it('the demo department account belongs to 城管執法隊', () => {
		const w = demoWorld();
		expect(w.actor('dept1').memberships).toEqual([expect.objectContaining({ role: 'department', departmentId: w.ids.department['城管執法隊'] })]);
	});
});

describe('grid workers', () => {
	it('are held to their grid; a resident\'s grid (where they live) limits nothing', () => {
		const w = demoWorld();
		const elsewhere = { communityId: w.ids.community.jinwei, streetId: w.ids.streetId, gridId: w.ids.grids.jinwei[2] };
		expect(w.actor('resident1').memberships[0].gridId).toBeNull();
		expect(can(w.actor('resident1'), 'proposal.second', elsewhere)).toBe(true);
		// grid1 acts as a grid worker in the first grid only …
		expect(can(w.actor('grid1'), 'community.manage_view', elsewhere)).toBe(false);
		expect(can(w.actor('grid1'), 'community.manage_view', { ...elsewhere, gridId: w.ids.grids.jinwei[0] })).toBe(true);
		// … and as the resident he also is, anywhere in his community
		expect(can(w.actor('grid1'), 'proposal.second', elsewhere)).toBe(true);
	});

	it('act as residents (propose, second, vote) only where they hold a verified residency', () => {
		const w = demoWorld();
		// 鄭玉珍 lives in 鳳凰山 and is appointed grid worker of 金韋: a grid worker there, not a resident
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'resident9', role: 'grid_worker', gridId: String(w.ids.grids.jinwei[0]) }, w.now).ok).toBe(true);
		const jinwei = { communityId: w.ids.community.jinwei };
		const proposal = { title: '網格員想提的議題', body: '這是一段足夠長的議題內容。', category: 'other' };
		expect(createProposal(w.db, w.actor('resident9'), jinwei, proposal, w.now)).toEqual({ ok: false, error: 'forbidden' });
		// 陳志明 is grid worker and resident of 金韋: he proposes as the resident he is
		expect(createProposal(w.db, w.actor('grid1'), jinwei, proposal, w.now).ok).toBe(true);
	});

	it('are appointed to a grid of their community, and only of it', () => {
		const w = demoWorld();
		const jinweiGrid = w.ids.grids.jinwei[2];
		const otherGrid = w.ids.grids.fenghuangshan[0];
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'resident6', role: 'grid_worker', gridId: String(otherGrid) }, w.now)).toMatchObject({
			fields: { gridId: 'err_grid_not_in_community' }
		});
		expect(appointCommunityStaff(w.db, w.actor('street'), inStreet(w), { username: 'resident6', role: 'grid_worker', gridId: String(jinweiGrid) }, w.now).ok).toBe(true);
		const row = w.db.select().from(memberships).where(and(eq(memberships.userId, w.ids.user.resident6), eq(memberships.role, 'grid_worker'))).get();
		expect(row?.gridId).toBe(jinweiGrid);
	});
});
