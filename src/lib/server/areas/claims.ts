// Claims: a verified resident claims an area for themself, their household or their volunteer team; the committee
// approves (when the community asks it to), revokes; whoever made a claim releases or renews it. The area's capacity
// is held by the database (a trigger), one live claim per person, household and team by unique indexes, and the
// number of claims one person holds by a count inside the (IMMEDIATE, so serialised) transaction.
import { and, count, eq, inArray } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { ok, err, type Err } from '../result';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../policy';
import { committeeUserIds } from '../residency/queries';
import { LIVE_CLAIM_STATES } from '../../codes';
import { areaClaims, teamMembers, teams } from './schema';
import { claimSchema, decisionSchema, nothing, reasonSchema } from './validation';
import {
	areaLink,
	areaSubject,
	claimSubject,
	householdKeyOf,
	loadArea,
	loadClaim,
	participantsOf,
	residencyOf,
	settingsOf,
	type AreaRecord,
	type ClaimRecord
} from './records';
import { claimBlocked, renewalBlocked, termEnd } from './rules';

const live = (state: string) => (LIVE_CLAIM_STATES as readonly string[]).includes(state);
const audited = ({ claim, area }: ClaimRecord, summary: Record<string, unknown>) => ({ subjectType: 'area_claim', subjectId: claim.id, summary: { area: area.id, ...summary } });
const onClaim = { load: loadClaim, subject: claimSubject };

/** Live claims a person has made in a community. */
function heldBy(db: DbOrTx, communityId: number, userId: number): number {
	return db
		.select({ n: count() })
		.from(areaClaims)
		.where(and(eq(areaClaims.communityId, communityId), eq(areaClaims.userId, userId), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.get()?.n ?? 0;
}

type Claimant = { claimantKind: 'person' | 'household' | 'team'; teamId: number | null; householdKey: string | null };

/** Who the claim is for, checked: the person's verified household, or an approved team of the community they are in. */
function claimantFor(db: DbOrTx, actor: Actor, { community, live: claims }: AreaRecord, input: { for: Claimant['claimantKind']; teamId: number | null }): Claimant | Err {
	const address = residencyOf(db, community.id, actor.userId);
	const household = address && householdKeyOf(address);
	// already sharing a claim on this area through one's household or team is holding it
	if (household && claims.some((c) => c.householdKey === household)) return err('already_claimed');
	const teamsOfActor = db
		.select({ id: teamMembers.teamId })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(and(eq(teamMembers.userId, actor.userId), eq(teams.communityId, community.id)))
		.all()
		.map((t) => t.id);
	if (claims.some((c) => c.teamId !== null && teamsOfActor.includes(c.teamId))) return err('already_claimed');
	if (input.for === 'household') {
		if (!household) return err('invalid', { fields: { for: 'err_claim_no_household' } });
		return { claimantKind: 'household', teamId: null, householdKey: household };
	}
	if (input.for === 'team') {
		const team = input.teamId === null ? undefined : db.select().from(teams).where(and(eq(teams.id, input.teamId), eq(teams.communityId, community.id))).get();
		if (!team || team.state !== 'approved' || !teamsOfActor.includes(team.id)) return err('invalid', { fields: { teamId: 'err_claim_team' } });
		return { claimantKind: 'team', teamId: team.id, householdKey: null };
	}
	return { claimantKind: 'person', teamId: null, householdKey: null };
}

const isErr = (v: Claimant | Err): v is Err => 'ok' in v;

/**
 * A verified resident claims an area for a term. Refused when it is full (the page's check; the database's
 * trigger when twenty people press at once), when they already hold it, or when they hold the most claims allowed.
 */
export const claimArea = defineCommand({
	action: 'area.claim',
	load: loadArea,
	subject: areaSubject,
	rule: (actor, record) => claimBlocked(record.area, record.live.length) ?? (record.live.some((c) => c.userId === actor.userId) ? 'already_claimed' : null),
	input: claimSchema,
	check: (db, { actor, record, input }) => {
		const { maxActiveClaims } = settingsOf(db, record.community.id);
		if (heldBy(db, record.community.id, actor.userId) >= maxActiveClaims) return err('claim_limit', { params: { max: maxActiveClaims } });
		const claimant = claimantFor(db, actor, record, input);
		return isErr(claimant) ? claimant : null;
	},
	// the capacity trigger, or a unique index (the same person, household or team twice): someone was first
	conflict: 'claim_taken',
	run: ({ tx, actor, record, input, now, notify }) => {
		const { area, community } = record;
		const settings = settingsOf(tx, community.id);
		// the count again, inside the transaction: two claims elsewhere at the same moment cannot both slip under it
		if (heldBy(tx, community.id, actor.userId) >= settings.maxActiveClaims) return err('claim_limit', { params: { max: settings.maxActiveClaims } });
		const claimant = claimantFor(tx, actor, record, input);
		if (isErr(claimant)) return claimant;
		const started = settings.approveClaims ? {} : { startedAt: now, termEndsAt: termEnd(now, area.termMonths) };
		const claim = tx
			.insert(areaClaims)
			.values({ areaId: area.id, communityId: community.id, userId: actor.userId, ...claimant, state: settings.approveClaims ? 'pending' : 'active', claimedAt: now, ...started, updatedAt: now })
			.returning()
			.get();
		const link = areaLink(community, area.id);
		const others = participantsOf(tx, claim).filter((id) => id !== actor.userId);
		notify(others, 'area_claimed_with_you', { area: area.name, name: actor.displayName }, link);
		if (claim.state === 'pending') notify(committeeUserIds(tx, community.id), 'area_claim_pending', { area: area.name, name: actor.displayName }, link);
		return ok({ claimId: claim.id, state: claim.state });
	},
	audit: ({ record, input }, v) => ({ subjectType: 'area_claim', subjectId: v.claimId, summary: { area: record.area.id, for: input.for, team: input.teamId, state: v.state } })
});

/** The committee approves a waiting claim (its term starts now) or declines it with a reason. */
export const reviewClaim = defineCommand({
	action: 'area.review_claim',
	...onClaim,
	rule: (_actor, { claim }) => (claim.state === 'pending' ? null : 'claim_not_pending'),
	input: decisionSchema,
	run: ({ tx, actor, record: { area, community, claim, participants }, input, now, notify }) => {
		const patch =
			input.decision === 'approve'
				? { state: 'active' as const, startedAt: now, termEndsAt: termEnd(now, area.termMonths) }
				: { state: 'declined' as const, endedAt: now, endReason: input.reason };
		const moved = tx
			.update(areaClaims)
			.set({ ...patch, decidedBy: actor.userId, updatedAt: now })
			.where(and(eq(areaClaims.id, claim.id), eq(areaClaims.state, 'pending')))
			.run();
		if (moved.changes === 0) return err('claim_not_pending');
		notify(participants, input.decision === 'approve' ? 'area_claim_approved' : 'area_claim_declined', { area: area.name }, areaLink(community, area.id));
		return ok({ state: patch.state });
	},
	audit: ({ record, input }, v) => audited(record, { decision: input.decision, state: v.state, reason: input.reason.slice(0, 200) })
});

/** Whoever made a claim gives it up; the area is open again. */
export const releaseClaim = defineCommand({
	action: 'area.release_own',
	...onClaim,
	rule: (_actor, { claim }) => (live(claim.state) ? null : 'claim_not_held'),
	input: nothing,
	run: ({ tx, actor, record: { area, community, claim, participants }, now, notify }) => {
		const moved = tx
			.update(areaClaims)
			.set({ state: 'released', endedAt: now, updatedAt: now })
			.where(and(eq(areaClaims.id, claim.id), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
			.run();
		if (moved.changes === 0) return err('claim_not_held');
		notify(
			participants.filter((id) => id !== actor.userId),
			'area_claim_released',
			{ area: area.name, name: actor.displayName },
			areaLink(community, area.id)
		);
		return ok(null);
	},
	audit: ({ record }) => audited(record, { stateBefore: record.claim.state })
});

/**
 * Another term for the same claimants, in the last month of a term or the month after it expired, and only if care
 * was given at least every minimum period. The old claim ends as `renewed`; the new one starts now and runs a full
 * term from the old term's end (or from now, once expired).
 */
export const renewClaim = defineCommand({
	action: 'area.renew_own',
	...onClaim,
	rule: (_actor, { area, claim, careDays }, now) => claimBlocked(area, 0) ?? renewalBlocked(claim, careDays, area.minCareDays, now),
	input: nothing,
	conflict: 'claim_taken',
	run: ({ tx, record: { area, community, claim }, now }) => {
		const ended = tx
			.update(areaClaims)
			.set({ state: 'renewed', endedAt: now, updatedAt: now })
			.where(and(eq(areaClaims.id, claim.id), eq(areaClaims.state, claim.state)))
			.run();
		if (ended.changes === 0) return err('claim_not_renewable');
		const from = claim.state === 'expired' || claim.termEndsAt === null ? now : claim.termEndsAt;
		const next = tx
			.insert(areaClaims)
			.values({
				areaId: area.id,
				communityId: community.id,
				userId: claim.userId,
				claimantKind: claim.claimantKind,
				teamId: claim.teamId,
				householdKey: claim.householdKey,
				state: 'active',
				claimedAt: now,
				startedAt: now,
				termEndsAt: termEnd(from, area.termMonths),
				renewedFromId: claim.id,
				updatedAt: now
			})
			.returning({ id: areaClaims.id, termEndsAt: areaClaims.termEndsAt })
			.get();
		return ok({ claimId: next.id, termEndsAt: next.termEndsAt });
	},
	audit: ({ record }, v) => audited(record, { renewedAs: v.claimId, termEndsAt: v.termEndsAt })
});

/** The committee ends a claim, with the reason its claimants will read. */
export const revokeClaim = defineCommand({
	action: 'area.revoke_claim',
	...onClaim,
	rule: (_actor, { claim }) => (live(claim.state) ? null : 'claim_not_held'),
	input: reasonSchema,
	run: ({ tx, actor, record: { area, community, claim, participants }, input, now, notify }) => {
		const moved = tx
			.update(areaClaims)
			.set({ state: 'revoked', endedAt: now, endReason: input.reason, decidedBy: actor.userId, updatedAt: now })
			.where(and(eq(areaClaims.id, claim.id), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
			.run();
		if (moved.changes === 0) return err('claim_not_held');
		notify(participants, 'area_claim_revoked', { area: area.name }, areaLink(community, area.id));
		return ok(null);
	},
	audit: ({ record, input }) => audited(record, { stateBefore: record.claim.state, reason: input.reason.slice(0, 200) })
});
