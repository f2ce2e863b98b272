// Who belongs where: a registered person applies to be a resident and the committee decides; street staff appoint
// committees, grid workers and department accounts; the admin appoints street staff; appointments end by revocation
// (the row stays, marked revoked). Declarations the kernel runs: load in scope → authorize → rule → validate →
// one transaction with its audit row.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client';
import { defineCommand } from '../kernel/command';
import { APPLICANT_ROLE, DEPARTMENT_ROLE, GRID_WORKER_ROLE, STREET_STAFF_ROLE, type Actor, type Role } from '../policy';
import { err, ok, type Err, type Result } from '../result';
import { grids } from '../org/schema';
import { communitySubject, departmentSubject, loadCommunity, loadCommunityOfStreet, loadDepartment, loadStreet, streetSubject } from '../org/records';
import { memberships, scopeKeyOf, type MembershipStatus } from './schema';
import { applySchema, appointCommunityStaffSchema, appointSchema, reviewSchema } from './validation';
import {
	accountNamed,
	applicationSubject,
	loadApplication,
	loadStreetMembership,
	loadStreetStaffMembership,
	membershipSubject,
	type Membership
} from './records';

/** A grid of the community, or a message beside the grid field. */
function gridOf(db: DbOrTx, communityId: number, gridId: number | null, key: string): Err | null {
	if (gridId === null) return null;
	const grid = db.select({ id: grids.id }).from(grids).where(and(eq(grids.id, gridId), eq(grids.communityId, communityId))).get();
	return grid ? null : err('invalid', { fields: { gridId: key } });
}

const NO_ACCOUNT = err('invalid', { fields: { username: 'err_user_not_found' } });
const knownAccount = (db: DbOrTx, username: string) => (accountNamed(db, username) ? null : NO_ACCOUNT);

type Appointment = { role: Role; communityId?: number | null; streetId: number; gridId?: number | null; departmentId?: number | null };

/** A verified appointment of the account named `username`; a unique index refuses a second live one. */
function appointIn(tx: DbOrTx, actor: Actor, username: string, a: Appointment, now: number): Result<{ id: number; userId: number }> {
	const account = accountNamed(tx, username);
	if (!account) return NO_ACCOUNT;
	const row = tx
		.insert(memberships)
		.values({
			userId: account.id,
			role: a.role,
			status: 'verified',
			communityId: a.communityId ?? null,
			streetId: a.streetId,
			scopeKey: scopeKeyOf({ communityId: a.communityId, streetId: a.streetId }),
			gridId: a.gridId ?? null,
			departmentId: a.departmentId ?? null,
			decidedBy: actor.userId,
			decidedAt: now,
			createdAt: now
		})
		.returning({ id: memberships.id })
		.get();
	return ok({ id: row.id, userId: account.id });
}

// ── Residency ─────────────────────────────────────────────────────────────────────────────────────────────

/** A registered person asks to be a verified resident of the community the URL names. */
export const applyForResidency = defineCommand({
	action: 'residency.apply',
	load: loadCommunity,
	subject: communitySubject,
	input: applySchema,
	check: (db, { record: community, input }) => gridOf(db, community.id, input.gridId, 'err_invalid'),
	conflict: 'already_applied',
	run: ({ tx, actor, record: community, input: v, now }) => {
		const row = tx
			.insert(memberships)
			.values({
				userId: actor.userId,
				role: APPLICANT_ROLE,
				status: 'pending',
				communityId: community.id,
				streetId: community.streetId,
				scopeKey: scopeKeyOf({ communityId: community.id }),
				gridId: v.gridId,
				compound: v.compound,
				building: v.building,
				unit: v.unit,
				room: v.room,
				createdAt: now
			})
			.returning({ id: memberships.id })
			.get();
		return ok(row);
	},
	audit: ({ input: v }, row) => ({ subjectType: 'membership', subjectId: row.id, summary: { compound: v.compound, building: v.building, unit: v.unit, room: v.room } })
});

/** The committee verifies, or rejects with a reason, a pending application: once, whoever is first. */
export const reviewApplication = defineCommand({
	action: 'residency.review',
	load: loadApplication,
	subject: applicationSubject,
	rule: (_actor, { application }) => (application.status === 'pending' ? null : 'already_decided'),
	input: reviewSchema,
	run: ({ tx, actor, record: { application, community }, input: v, now, notify }) => {
		const status: MembershipStatus = v.decision === 'verify' ? 'verified' : 'rejected';
		const changed = tx
			.update(memberships)
			.set({ status, decisionReason: v.reason || null, decidedBy: actor.userId, decidedAt: now })
			.where(and(eq(memberships.id, application.id), eq(memberships.status, 'pending')))
			.run();
		if (changed.changes === 0) return err('already_decided');
		notify([application.userId], status === 'verified' ? 'residency_verified' : 'residency_rejected', { community: community.name, reason: v.reason }, `/c/${community.slug}`);
		return ok({ status });
	},
	audit: ({ record: { application }, input: v }) => ({
		subjectType: 'membership',
		subjectId: application.id,
		summary: { applicant: application.userId, decision: v.decision, reason: v.reason || undefined }
	})
});

// ── Appointments ──────────────────────────────────────────────────────────────────────────────────────────

/** Street staff appoint a committee member or a grid worker (of one grid of it, or all) of a community of their street. */
export const appointCommunityStaff = defineCommand({
	action: 'residency.appoint_community_staff',
	load: loadCommunityOfStreet,
	subject: communitySubject,
	input: appointCommunityStaffSchema,
	check: (db, { record: community, input: v }) => knownAccount(db, v.username) ?? (v.role === GRID_WORKER_ROLE ? gridOf(db, community.id, v.gridId, 'err_grid_not_in_community') : null),
	conflict: 'already_member',
	run: ({ tx, actor, record: community, input: v, now }) =>
		appointIn(tx, actor, v.username, { role: v.role, communityId: community.id, streetId: community.streetId, gridId: v.role === GRID_WORKER_ROLE ? v.gridId : null }, now),
	audit: ({ input: v }, row) => ({ subjectType: 'membership', subjectId: row.id, summary: { user: v.username, role: v.role, grid: v.role === GRID_WORKER_ROLE ? (v.gridId ?? undefined) : undefined } })
});

/** Street staff appoint an account to one of their street's departments: it then receives what is dispatched there. */
export const appointDepartment = defineCommand({
	action: 'residency.appoint_department',
	load: loadDepartment,
	subject: departmentSubject,
	input: appointSchema,
	check: (db, { input }) => knownAccount(db, input.username),
	conflict: 'already_member',
	run: ({ tx, actor, record: department, input, now }) => appointIn(tx, actor, input.username, { role: DEPARTMENT_ROLE, streetId: department.streetId, departmentId: department.id }, now),
	audit: ({ record: department, input }, row) => ({ subjectType: 'membership', subjectId: row.id, summary: { user: input.username, department: department.name } })
});

/** The admin appoints the staff of a street. */
export const appointStreetStaff = defineCommand({
	action: 'residency.appoint_street_staff',
	load: loadStreet,
	subject: streetSubject,
	input: appointSchema,
	check: (db, { input }) => knownAccount(db, input.username),
	conflict: 'already_member',
	run: ({ tx, actor, record: street, input, now }) => appointIn(tx, actor, input.username, { role: STREET_STAFF_ROLE, streetId: street.id }, now),
	audit: ({ input }, row) => ({ subjectType: 'membership', subjectId: row.id, summary: { user: input.username, role: STREET_STAFF_ROLE } })
});

// ── Revocation ────────────────────────────────────────────────────────────────────────────────────────────

const NOTHING = z.object({});
const revocable = (_actor: Actor, m: Membership) => (m.status === 'verified' ? null : m.status === 'revoked' ? 'already_revoked' : 'not_found');

/** Ends a verified membership, guarded: of two revocations at once, the second finds nothing to end. */
function revoke(tx: DbOrTx, actor: Actor, m: Membership, now: number): Result<null> {
	const changed = tx
		.update(memberships)
		.set({ status: 'revoked', decidedBy: actor.userId, decidedAt: now })
		.where(and(eq(memberships.id, m.id), eq(memberships.status, 'verified')))
		.run();
	return changed.changes === 1 ? ok(null) : err('already_revoked');
}
const revoked = (m: Membership) => ({ subjectType: 'membership', subjectId: m.id, summary: { user: m.userId, role: m.role } });

/** Street staff end a residency, a committee or grid worker appointment, or a department account of their street. */
export const revokeMembership = defineCommand({
	action: 'residency.revoke',
	load: loadStreetMembership,
	subject: membershipSubject,
	rule: revocable,
	input: NOTHING,
	run: ({ tx, actor, record, now }) => revoke(tx, actor, record, now),
	audit: ({ record }) => revoked(record)
});

/** The admin ends a street staff appointment. */
export const revokeStreetStaff = defineCommand({
	action: 'residency.revoke_street_staff',
	load: loadStreetStaffMembership,
	subject: membershipSubject,
	rule: revocable,
	input: NOTHING,
	run: ({ tx, actor, record, now }) => revoke(tx, actor, record, now),
	audit: ({ record }) => revoked(record)
});
