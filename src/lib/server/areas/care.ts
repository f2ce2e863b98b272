// Care logs: a claimant reports the care they gave (date, minutes, people, what was done, up to four photos); a
// log brings an at-risk claim back. Neighbours thank a log and nudge an at-risk claim (提醒一下, once a week); the
// committee marks a log as checked or rejects it with a reason (then it does not count, and the claim may be at
// risk again).
import { and, eq, ne } from 'drizzle-orm';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { ok, err, type Result } from '../result';
import { acceptPhotos, type CheckedPhoto } from '../media/photos';
import { removePhotos, storePhotos } from '../media/storage';
import { HELD_CLAIM_STATES } from '../../codes';
import { areaClaims, careLogs, carePhotos, careThanks, claimNudges } from './schema';
import { CARE_PHOTOS, careSchema, nothing, reasonSchema, type CareInput } from './validation';
import { areaLink, claimSubject, loadClaim, loadLog, logSubject, type ClaimRecord, type LogRecord } from './records';
import { chinaWeek, claimStatus, dayOf } from './rules';
import { settleClaim } from './lifecycle';

const heldNow = ({ claim, area, careDays }: ClaimRecord, now: number) => {
	if (claim.state !== 'active' && claim.state !== 'at_risk') return false;
	if (claim.startedAt === null || claim.termEndsAt === null) return false;
	// time may have ended it before the job wrote so: a lapsed or expired claim takes no more logs
	const status = claimStatus({ startedAt: claim.startedAt, termEndsAt: claim.termEndsAt, careDays }, area.minCareDays, now);
	return status.state === 'active' || status.state === 'at_risk';
};

type Care = Omit<CareInput, 'photos'> & { photos: CheckedPhoto[] };
type Logged = { logId: number; photos: number; recovered: boolean };

function writeLog({ tx, actor, record: { area, community, claim }, input: v, now, cleanup }: Context<ClaimRecord, Care>): Result<Logged> {
	const current = tx.select({ state: areaClaims.state }).from(areaClaims).where(eq(areaClaims.id, claim.id)).get();
	if (!current || !(HELD_CLAIM_STATES as readonly string[]).includes(current.state)) return err('claim_not_held');
	const log = tx
		.insert(careLogs)
		.values({ claimId: claim.id, areaId: area.id, communityId: community.id, authorId: actor.userId, caredOn: v.caredOn, minutes: v.minutes, people: v.people, kind: v.kind, note: v.note, createdAt: now })
		.returning({ id: careLogs.id })
		.get();
	const files = storePhotos('care', v.photos);
	cleanup(() => removePhotos('care', files));
	if (files.length) {
		tx.insert(carePhotos)
			.values(files.map((fileName, position) => ({ logId: log.id, fileName, contentType: v.photos[position].type, size: v.photos[position].bytes.length, position, createdAt: now })))
			.run();
	}
	const settled = settleClaim(tx, claim.id, now);
	return ok({ logId: log.id, photos: files.length, recovered: settled?.to === 'active' });
}

/**
 * A claimant — whoever made the claim, or a member of its household or team — logs care given on a day from the
 * claim's start to today; one log per person, area and day (a unique index). Photos are decoded and re-encoded
 * before the transaction (upright, without EXIF/GPS) and written only once everything else holds.
 */
export const logCare = defineAsyncCommand({
	action: 'area.log_care',
	load: loadClaim,
	subject: claimSubject,
	rule: (actor, record, now) => (!record.participants.includes(actor.userId) ? 'not_claimant' : heldNow(record, now) ? null : 'claim_not_held'),
	input: careSchema,
	check: (_db, { record: { claim }, input, now }) => {
		if (input.caredOn > dayOf(now)) return err('invalid', { fields: { caredOn: 'err_care_date_future' } });
		if (claim.startedAt !== null && input.caredOn < dayOf(claim.startedAt)) return err('invalid', { fields: { caredOn: 'err_care_date_before_claim' } });
		return null;
	},
	before: async (_db, { input }): Promise<Result<Care>> => {
		const accepted = await acceptPhotos(input.photos, CARE_PHOTOS);
		return accepted.ok ? ok({ ...input, photos: accepted.photos }) : err('invalid', { fields: { photos: accepted.field } });
	},
	conflict: 'care_already_logged',
	run: writeLog,
	audit: ({ record, input }, v) => ({
		subjectType: 'care_log',
		subjectId: v.logId,
		summary: { area: record.area.id, claim: record.claim.id, minutes: input.minutes, people: input.people, kind: input.kind, photos: v.photos, recovered: v.recovered }
	})
});

const onLog = { load: loadLog, subject: logSubject };
const auditedLog = ({ log, area }: LogRecord, summary: Record<string, unknown>) => ({ subjectType: 'care_log', subjectId: log.id, summary: { area: area.id, ...summary } });

/** A neighbour thanks a care log, once (the primary key says so); never their own. */
export const thankLog = defineCommand({
	action: 'area.thank',
	...onLog,
	rule: (actor, { log }) => (log.authorId === actor.userId ? 'own_log' : log.state === 'rejected' ? 'log_rejected' : null),
	input: nothing,
	conflict: 'already_thanked',
	run: ({ tx, actor, record: { log, area, community }, now, notify }) => {
		tx.insert(careThanks).values({ logId: log.id, userId: actor.userId, createdAt: now }).run();
		notify([log.authorId], 'care_log_thanked', { area: area.name, name: actor.displayName }, areaLink(community, area.id));
		return ok(null);
	},
	audit: ({ record }) => auditedLog(record, {})
});

/** 提醒一下: a neighbour nudges an at-risk claim's people; once per claim per week, whoever nudges. */
export const nudgeClaim = defineCommand({
	action: 'area.nudge',
	load: loadClaim,
	subject: claimSubject,
	rule: (actor, { claim, participants }) => (participants.includes(actor.userId) ? 'own_claim' : claim.state === 'at_risk' ? null : 'claim_not_at_risk'),
	input: nothing,
	conflict: 'already_nudged',
	run: ({ tx, actor, record: { claim, area, community, participants }, now, notify }) => {
		tx.insert(claimNudges).values({ claimId: claim.id, userId: actor.userId, week: chinaWeek(now), createdAt: now }).run();
		notify(participants, 'area_nudged', { area: area.name }, areaLink(community, area.id));
		return ok(null);
	},
	audit: ({ record }) => ({ subjectType: 'area_claim', subjectId: record.claim.id, summary: { area: record.area.id } })
});

/** The committee has looked at a log and agrees with it. */
export const checkLog = defineCommand({
	action: 'area.check_log',
	...onLog,
	rule: (_actor, { log }) => (log.state === 'submitted' ? null : 'log_already_decided'),
	input: nothing,
	run: ({ tx, actor, record: { log }, now }) => {
		const moved = tx
			.update(careLogs)
			.set({ state: 'checked', decidedBy: actor.userId, decidedAt: now })
			.where(and(eq(careLogs.id, log.id), eq(careLogs.state, 'submitted')))
			.run();
		return moved.changes === 1 ? ok(null) : err('log_already_decided');
	},
	audit: ({ record }) => auditedLog(record, {})
});

/** The committee rejects a log with a reason: it no longer counts, and its claim is settled again at once. */
export const rejectLog = defineCommand({
	action: 'area.reject_log',
	...onLog,
	rule: (_actor, { log }) => (log.state === 'rejected' ? 'log_already_decided' : null),
	input: reasonSchema,
	run: ({ tx, actor, record: { log, area, community }, input, now, notify }) => {
		const moved = tx
			.update(careLogs)
			.set({ state: 'rejected', rejectReason: input.reason, decidedBy: actor.userId, decidedAt: now })
			.where(and(eq(careLogs.id, log.id), ne(careLogs.state, 'rejected')))
			.run();
		if (moved.changes === 0) return err('log_already_decided');
		const settled = settleClaim(tx, log.claimId, now);
		notify([log.authorId], 'care_log_rejected', { area: area.name }, areaLink(community, area.id));
		return ok({ claimState: settled?.to ?? null });
	},
	audit: ({ record, input }, v) => auditedLog(record, { reason: input.reason.slice(0, 200), claimState: v.claimState })
});

