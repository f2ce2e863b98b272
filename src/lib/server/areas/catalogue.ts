// The committee's catalogue of areas and duties, the community plan (網格圖) and the pins on it, and the community's
// rules for claims. Areas are retired, never deleted: their ids, claims and logs stay.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { loadCommunity, communitySubject, type CommunityRecord } from '../org/records';
import { grids } from '../org/schema';
import { ok, err, type Result } from '../result';
import { acceptPhotos, checkPhotos, type CheckedPhoto } from '../media/photos';
import { reencodePicture } from '../media/images';
import { removePhotos, storePhotos } from '../media/storage';
import type { DbOrTx } from '../db/client';
import { LIVE_CLAIM_STATES } from '../../codes';
import { areaClaims, areaPhotos, areaPlans, areas, areaSettings } from './schema';
import { AREA_PHOTO, PLAN_IMAGE, areaSchema, pinSchema, planSchema, reasonSchema, settingsSchema, type AreaInput } from './validation';
import { areaLink, areaSubject, loadArea, participantsOf, type AreaRecord } from './records';
import { pinFromClick } from './plan';

const onCommunity = { load: loadCommunity, subject: communitySubject };
const onArea = { load: loadArea, subject: areaSubject };
const inUse = (_actor: unknown, { area }: AreaRecord) => (area.retiredAt !== null ? 'area_retired' : null);
const audited = (areaId: number, summary: Record<string, unknown>) => ({ subjectType: 'area', subjectId: areaId, summary });

type Described = Omit<AreaInput, 'photo'> & { photo: CheckedPhoto[] };

/** A grid named in the form must be one of this community's. */
function gridProblem(db: DbOrTx, communityId: number, gridId: number | null) {
	if (gridId === null) return null;
	const grid = db.select({ id: grids.id }).from(grids).where(and(eq(grids.id, gridId), eq(grids.communityId, communityId))).get();
	return grid ? null : err('invalid', { fields: { gridId: 'err_area_grid' } });
}

async function decodePhoto<I extends { photo: { name: string; bytes: Uint8Array }[] }>(input: I): Promise<Result<Omit<I, 'photo'> & { photo: CheckedPhoto[] }>> {
	const accepted = await acceptPhotos(input.photo, AREA_PHOTO);
	return accepted.ok ? ok({ ...input, photo: accepted.photos }) : err('invalid', { fields: { photo: accepted.field } });
}

/** The columns a form sets. */
const described = (v: Described) => ({
	name: v.name,
	kind: v.kind,
	gridId: v.gridId,
	place: v.place,
	duties: v.duties,
	capacity: v.capacity,
	termMonths: v.termMonths,
	minCareDays: v.minCareDays,
	priority: v.priority,
	adoptable: !v.notAdoptable,
	notAdoptableReason: v.notAdoptable ? v.notAdoptableReason : null,
	latitude: v.latitude,
	longitude: v.longitude
});

/** Stores a new photo of an area and makes it the current one; the file goes if the transaction does not commit. */
function attachPhoto({ tx, now, cleanup }: Pick<Context<unknown, unknown>, 'tx' | 'now' | 'cleanup'>, areaId: number, photo: CheckedPhoto | undefined): number | null {
	if (!photo) return null;
	const [fileName] = storePhotos('areas', [photo]);
	cleanup(() => removePhotos('areas', [fileName]));
	const row = tx.insert(areaPhotos).values({ areaId, fileName, contentType: photo.type, size: photo.bytes.length, createdAt: now }).returning({ id: areaPhotos.id }).get();
	tx.update(areas).set({ photoId: row.id }).where(eq(areas.id, areaId)).run();
	return row.id;
}

const summaryOf = (v: Described) => ({ name: v.name, kind: v.kind, capacity: v.capacity, termMonths: v.termMonths, minCareDays: v.minCareDays, priority: v.priority, adoptable: !v.notAdoptable });

/** The committee adds an area or a duty to the catalogue, with an optional photo. */
export const createArea = defineAsyncCommand({
	action: 'area.create',
	...onCommunity,
	input: areaSchema,
	check: (db, { record, input }) => gridProblem(db, record.id, input.gridId),
	before: (_db, { input }) => decodePhoto(input),
	run: (c: Context<CommunityRecord, Described>) => {
		const { tx, actor, record: community, input: v, now } = c;
		const row = tx
			.insert(areas)
			.values({ communityId: community.id, ...described(v), createdBy: actor.userId, createdAt: now, updatedAt: now })
			.returning({ id: areas.id })
			.get();
		attachPhoto(c, row.id, v.photo[0]);
		return ok(row);
	},
	audit: ({ input }, row) => audited(row.id, summaryOf(input))
});

function liveCount(db: DbOrTx, areaId: number): number {
	return db.select({ n: count() }).from(areaClaims).where(and(eq(areaClaims.areaId, areaId), inArray(areaClaims.state, LIVE_CLAIM_STATES))).get()?.n ?? 0;
}

/** The committee edits an area (a new photo replaces the shown one). It cannot be made not adoptable while claimed. */
export const updateArea = defineAsyncCommand({
	action: 'area.update',
	...onArea,
	rule: inUse,
	input: areaSchema,
	check: (db, { record, input }) =>
		gridProblem(db, record.community.id, input.gridId) ?? (input.notAdoptable && record.live.length ? err('invalid', { fields: { notAdoptable: 'err_area_has_claims' } }) : null),
	before: (_db, { input }) => decodePhoto(input),
	run: (c: Context<AreaRecord, Described>) => {
		const { tx, record: { area }, input: v, now } = c;
		// a claim taken since the page was read keeps the area adoptable
		if (v.notAdoptable && liveCount(tx, area.id) > 0) return err('invalid', { fields: { notAdoptable: 'err_area_has_claims' } });
		const changed = tx
			.update(areas)
			.set({ ...described(v), updatedAt: now })
			.where(and(eq(areas.id, area.id), isNull(areas.retiredAt)))
			.run();
		if (changed.changes === 0) return err('area_retired');
		attachPhoto(c, area.id, v.photo[0]);
		return ok(null);
	},
	audit: ({ record, input }) => audited(record.area.id, { ...summaryOf(input), before: { name: record.area.name, capacity: record.area.capacity, adoptable: record.area.adoptable } })
});

/** The committee retires an area, with a reason; its live claims end (revoked, with that reason), their people told. */
export const retireArea = defineCommand({
	action: 'area.retire',
	...onArea,
	rule: inUse,
	input: reasonSchema,
	run: ({ tx, actor, record: { area, community }, input, now, notify }) => {
		const retired = tx
			.update(areas)
			.set({ retiredAt: now, retiredReason: input.reason, updatedAt: now })
			.where(and(eq(areas.id, area.id), isNull(areas.retiredAt)))
			.run();
		if (retired.changes === 0) return err('area_retired');
		const ended = tx
			.update(areaClaims)
			.set({ state: 'revoked', endedAt: now, endReason: input.reason, decidedBy: actor.userId, updatedAt: now })
			.where(and(eq(areaClaims.areaId, area.id), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
			.returning()
			.all();
		for (const claim of ended) notify(participantsOf(tx, claim), 'area_retired', { area: area.name, community: community.name }, areaLink(community, area.id));
		return ok({ endedClaims: ended.length });
	},
	audit: ({ record, input }, v) => audited(record.area.id, { reason: input.reason.slice(0, 200), endedClaims: v.endedClaims })
});

// ── The plan ─────────────────────────────────────────────────────────────────────────────────────────────

type PlanUpload = { picture: { bytes: Buffer; type: CheckedPhoto['type']; width: number; height: number } };

/** The committee uploads the community plan: PNG, JPEG or WebP, judged by decoding it; pins keep their places. */
export const uploadPlan = defineAsyncCommand({
	action: 'area.upload_plan',
	...onCommunity,
	input: planSchema,
	before: async (_db, { input }): Promise<Result<PlanUpload>> => {
		const checked = checkPhotos(input.plan, PLAN_IMAGE);
		if (!checked.ok) return err('invalid', { fields: { plan: checked.field } });
		const [file] = checked.photos;
		if (!file) return err('invalid', { fields: { plan: 'err_area_plan_required' } });
		const decoded = await reencodePicture(file.bytes, file.type);
		if (!decoded.ok) return err('invalid', { fields: { plan: decoded.error === 'too_many_pixels' ? 'err_photo_too_many_pixels' : 'err_photo_not_picture' } });
		return ok({ picture: decoded.picture });
	},
	run: ({ tx, actor, record: community, input: { picture }, now, cleanup }) => {
		const [fileName] = storePhotos('plans', [{ bytes: picture.bytes, type: picture.type }]);
		cleanup(() => removePhotos('plans', [fileName]));
		const row = tx
			.insert(areaPlans)
			.values({ communityId: community.id, fileName, contentType: picture.type, width: picture.width, height: picture.height, size: picture.bytes.length, uploadedBy: actor.userId, createdAt: now })
			.returning({ id: areaPlans.id })
			.get();
		return ok({ planId: row.id, width: picture.width, height: picture.height });
	},
	audit: ({ record }, v) => ({ subjectType: 'community', subjectId: record.id, summary: v })
});

export function currentPlan(db: DbOrTx, communityId: number) {
	return db.select().from(areaPlans).where(eq(areaPlans.communityId, communityId)).orderBy(desc(areaPlans.id)).limit(1).get();
}

/** The committee clicks on the plan where an area is: the pin is kept as thousandths of the width and height. */
export const placePin = defineCommand({
	action: 'area.place_pin',
	...onArea,
	rule: inUse,
	input: pinSchema,
	check: (db, { record }) => (currentPlan(db, record.community.id) ? null : err('area_no_plan')),
	run: ({ tx, record: { area, community }, input, now }) => {
		const plan = currentPlan(tx, community.id);
		if (!plan) return err('area_no_plan');
		const pin = pinFromClick(input['pin.x'], input['pin.y'], plan);
		tx.update(areas).set({ pinX: pin.x, pinY: pin.y, updatedAt: now }).where(eq(areas.id, area.id)).run();
		return ok(pin);
	},
	audit: ({ record }, pin) => audited(record.area.id, { pinX: pin.x, pinY: pin.y, before: { pinX: record.area.pinX, pinY: record.area.pinY } })
});

/** The committee sets how many claims one person may hold and whether claims wait for its approval. */
export const configureAreas = defineCommand({
	action: 'area.configure',
	...onCommunity,
	input: settingsSchema,
	run: ({ tx, record: community, input, now }) => {
		tx.insert(areaSettings)
			.values({ communityId: community.id, ...input, updatedAt: now })
			.onConflictDoUpdate({ target: areaSettings.communityId, set: { ...input, updatedAt: now } })
			.run();
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'community', subjectId: record.id, summary: input })
});
