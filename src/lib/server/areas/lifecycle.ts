// Time moves claims on by itself: a month without care puts a claim at risk, two months lapse it, the end of its term
// expires it. `settleClaim` brings one claim's stored state in line with `claimStatus` (rules.ts) inside the
// caller's transaction — a care log or a rejected log calls it at once — and the `areas.lapse` job calls it for every
// claim whose state the data says has changed. Updates are guarded by the state that was read, so a second run
// changes nothing; the moments written are the ones the rules compute, so a run that comes late (a missed run, a
// server that was down) records the lapse when it happened, not when it was noticed.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { communities } from '../org/schema';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { committeeUserIds } from '../residency/queries';
import { chinaDate } from '../db/time';
import { HELD_CLAIM_STATES } from '../../codes';
import { areaClaims, areas, careLogs } from './schema';
import { areaLink, careDaysOf, participantsOf } from './records';
import { claimStatus, minimumMet, type ClaimStatus } from './rules';

export type Settled = { claimId: number; from: string; to: ClaimStatus['state'] };

/** Applies the state the rules give a held claim now; null when it already has it (or is not held). */
export function settleClaim(tx: DbOrTx, claimId: number, now: number): Settled | null {
	const row = tx
		.select({ claim: areaClaims, area: areas, community: communities })
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.innerJoin(communities, eq(communities.id, areas.communityId))
		.where(eq(areaClaims.id, claimId))
		.get();
	if (!row) return null;
	const { claim, area, community } = row;
	if (claim.state !== 'active' && claim.state !== 'at_risk') return null;
	if (claim.startedAt === null || claim.termEndsAt === null) return null;
	const timeline = { startedAt: claim.startedAt, termEndsAt: claim.termEndsAt, careDays: careDaysOf(tx, claim.id) };
	const status = claimStatus(timeline, area.minCareDays, now);
	if (status.state === claim.state) return null;

	const patch =
		status.state === 'active'
			? { state: status.state, atRiskAt: null }
			: status.state === 'at_risk'
				? { state: status.state, atRiskAt: status.atRiskAt }
				: { state: status.state, endedAt: status.at };
	// guarded by the state read: a run that repeats, or a rival that moved it first, changes nothing
	const moved = tx
		.update(areaClaims)
		.set({ ...patch, updatedAt: now })
		.where(and(eq(areaClaims.id, claim.id), eq(areaClaims.state, claim.state)))
		.run();
	if (moved.changes === 0) return null;

	const link = areaLink(community, area.id);
	const people = participantsOf(tx, claim);
	const params = { area: area.name, community: community.name };
	if (status.state === 'at_risk') notify(tx, people, 'area_claim_at_risk', { ...params, date: chinaDate(status.lapseAt - 1) }, link, now);
	if (status.state === 'lapsed') {
		notify(tx, people, 'area_claim_lapsed', params, link, now);
		notify(tx, committeeUserIds(tx, community.id), 'area_lapsed_committee', params, link, now);
	}
	if (status.state === 'expired') {
		const renewable = minimumMet(timeline, area.minCareDays, claim.termEndsAt);
		notify(tx, people, renewable ? 'area_claim_expired_renewable' : 'area_claim_expired', params, link, now);
	}
	const action = status.state === 'active' ? 'area.claim_recover' : status.state === 'at_risk' ? 'area.claim_at_risk' : status.state === 'lapsed' ? 'area.claim_lapse' : 'area.claim_expire';
	const at = status.state === 'lapsed' || status.state === 'expired' ? status.at : now;
	writeAudit(tx, null, { action, subjectType: 'area_claim', subjectId: claim.id, communityId: community.id, streetId: community.streetId, summary: { area: area.id, stateBefore: claim.state, stateAfter: status.state, at } }, now);
	return { claimId: claim.id, from: claim.state, to: status.state };
}

/**
 * The `areas.lapse` job: reads every held claim with its counted care days (two statements), works out which ones
 * the rules move on, and settles each of those in a transaction of its own. Safe to run twice or late.
 */
export function runAreaLapses(db: Db, now: number): Settled[] {
	const held = db
		.select({ id: areaClaims.id, state: areaClaims.state, startedAt: areaClaims.startedAt, termEndsAt: areaClaims.termEndsAt, minCareDays: areas.minCareDays })
		.from(areaClaims)
		.innerJoin(areas, eq(areas.id, areaClaims.areaId))
		.where(inArray(areaClaims.state, HELD_CLAIM_STATES))
		.all();
	if (!held.length) return [];
	const days = new Map<number, number[]>();
	const logs = db
		.select({ claimId: careLogs.claimId, day: careLogs.caredOn })
		.from(careLogs)
		.innerJoin(areaClaims, eq(areaClaims.id, careLogs.claimId))
		.where(and(inArray(areaClaims.state, HELD_CLAIM_STATES), ne(careLogs.state, 'rejected')))
		.all();
	for (const l of logs) {
		const list = days.get(l.claimId);
		if (list) list.push(l.day);
		else days.set(l.claimId, [l.day]);
	}
	const settled: Settled[] = [];
	for (const c of held) {
		if (c.startedAt === null || c.termEndsAt === null) continue;
		const status = claimStatus({ startedAt: c.startedAt, termEndsAt: c.termEndsAt, careDays: days.get(c.id) ?? [] }, c.minCareDays, now);
		if (status.state === c.state) continue;
		const done = db.transaction((tx) => settleClaim(tx, c.id, now), { behavior: 'immediate' });
		if (done) settled.push(done);
	}
	return settled;
}
