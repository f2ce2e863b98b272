import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { memberships, scopeKeyOf } from './schema';
import { users } from '../auth/schema';
import { communities, grids, streets } from '../org/schema';
import { applySchema, appointSchema, reviewSchema, revokeSchema } from './validation';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';

/** A registered person asks to be a verified resident of a community. */
export function applyForResidency(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	const denied = authorize(actor, 'residency.apply');
	if (denied) return denied;
	const parsed = parseInput(applySchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const community = db.select().from(communities).where(eq(communities.id, v.communityId)).get();
	if (!community) return err('not_found');
	if (v.gridId !== null) {
		const grid = db.select().from(grids).where(and(eq(grids.id, v.gridId), eq(grids.communityId, community.id))).get();
		if (!grid) return err('invalid', { fields: { gridId: 'err_invalid' } });
	}
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(memberships)
				.values({
					userId: actor!.userId,
					role: 'resident',
					status: 'pending',
					communityId: community.id,
					streetId: community.streetId,
					scopeKey: scopeKeyOf({ communityId: community.id }),
					gridId: v.gridId,
					compound: v.compound,
					building: v.building,
					unit: v.unit,
					createdAt: now
				})
				.returning({ id: memberships.id })
				.get();
			writeAudit(tx, actor, {
				action: 'residency.apply',
				subjectType: 'membership',
				subjectId: row.id,
				communityId: community.id,
				streetId: community.streetId,
				summary: { compound: v.compound, building: v.building, unit: v.unit }
			}, now);
			return ok({ id: row.id });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('already_applied');
		throw e;
	}
}

/** The committee verifies or rejects (with a reason) a pending application. */
export function reviewApplication(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ status: string }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(reviewSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const application = db.select().from(memberships).where(eq(memberships.id, v.membershipId)).get();
	if (!application || application.role !== 'resident' || application.communityId === null) return err('not_found');
	const denied = authorize(actor, 'residency.review', { communityId: application.communityId, streetId: application.streetId ?? undefined });
	if (denied) return denied;
	if (application.status !== 'pending') return err('already_decided');
	const community = db.select().from(communities).where(eq(communities.id, application.communityId)).get()!;
	const status = v.decision === 'verify' ? 'verified' : 'rejected';
	return db.transaction((tx) => {
		const changed = tx
			.update(memberships)
			.set({ status, decisionReason: v.reason || null, decidedBy: actor.userId, decidedAt: now })
			.where(and(eq(memberships.id, application.id), eq(memberships.status, 'pending')))
			.run();
		if (changed.changes === 0) return err('already_decided');
		writeAudit(tx, actor, {
			action: `residency.${v.decision}`,
			subjectType: 'membership',
			subjectId: application.id,
			communityId: application.communityId,
			streetId: application.streetId,
			summary: { applicant: application.userId, reason: v.reason || undefined }
		}, now);
		notify(tx, [application.userId], status === 'verified' ? 'residency_verified' : 'residency_rejected', { community: community.name, reason: v.reason }, `/c/${community.slug}`, now);
		return ok({ status });
	});
}

/** Street staff appoint committee members, grid workers and departments; the admin appoints street staff. */
export function appoint(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(appointSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	let communityId: number | null = null;
	let streetId: number;
	if (v.role === 'committee' || v.role === 'grid_worker') {
		const community = v.communityId ? db.select().from(communities).where(eq(communities.id, v.communityId)).get() : undefined;
		if (!community) return err('invalid', { fields: { communityId: 'err_invalid' } });
		communityId = community.id;
		streetId = community.streetId;
		const denied = authorize(actor, 'residency.appoint_community_staff', { communityId, streetId });
		if (denied) return denied;
		if (v.role === 'grid_worker' && v.gridId !== null) {
			const grid = db.select().from(grids).where(and(eq(grids.id, v.gridId), eq(grids.communityId, community.id))).get();
			if (!grid) return err('invalid', { fields: { gridId: 'err_grid_not_in_community' } });
		}
	} else {
		const street = v.streetId ? db.select().from(streets).where(eq(streets.id, v.streetId)).get() : undefined;
		if (!street) return err('invalid', { fields: { streetId: 'err_invalid' } });
		streetId = street.id;
		const action = v.role === 'department' ? 'residency.appoint_department' : 'residency.appoint_street_staff';
		const denied = authorize(actor, action, { streetId });
		if (denied) return denied;
	}
	const user = db.select({ id: users.id }).from(users).where(eq(users.username, v.username)).get();
	if (!user) return err('invalid', { fields: { username: 'err_user_not_found' } });
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(memberships)
				.values({
					userId: user.id,
					role: v.role,
					status: 'verified',
					communityId,
					streetId,
					scopeKey: scopeKeyOf({ communityId, streetId }),
					department: v.role === 'department' ? v.department : null,
					gridId: v.role === 'grid_worker' ? v.gridId : null,
					decidedBy: actor.userId,
					decidedAt: now,
					createdAt: now
				})
				.returning({ id: memberships.id })
				.get();
			writeAudit(tx, actor, {
				action: 'residency.appoint',
				subjectType: 'membership',
				subjectId: row.id,
				communityId,
				streetId,
				summary: { user: v.username, role: v.role, department: v.department || undefined }
			}, now);
			return ok({ id: row.id });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('already_member');
		throw e;
	}
}

/** End an appointment (or a residency): the row stays, marked revoked, for the record. */
export function revokeMembership(db: Db, actor: Actor | null, input: unknown, now: number): Result<null> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(revokeSchema, input);
	if (!parsed.ok) return parsed;
	const m = db.select().from(memberships).where(eq(memberships.id, parsed.value.membershipId)).get();
	if (!m || m.status !== 'verified') return err('not_found');
	const action = m.role === 'street_staff' || m.role === 'admin' ? 'residency.appoint_street_staff' : 'residency.revoke';
	const denied = authorize(actor, action, { communityId: m.communityId ?? undefined, streetId: m.streetId ?? undefined });
	if (denied) return denied;
	return db.transaction((tx) => {
		tx.update(memberships).set({ status: 'revoked', decidedBy: actor.userId, decidedAt: now }).where(eq(memberships.id, m.id)).run();
		writeAudit(tx, actor, { action: 'residency.revoke', subjectType: 'membership', subjectId: m.id, communityId: m.communityId, streetId: m.streetId, summary: { user: m.userId, role: m.role } }, now);
		return ok(null);
	});
}
