import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { communities, grids, streets } from './schema';
import { communitySchema, communitySettingsSchema, gridSchema, renameGridSchema, streetSchema, updateCommunitySchema, updateStreetSchema } from './validation';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';

function adminOnly(actor: Actor | null) {
	return authorize(actor, 'org.manage');
}

/** Runs an insert/update that may hit a unique slug or name; maps the clash to a field message. */
function uniquely<T>(field: string, key: string, run: () => Result<T>): Result<T> {
	try {
		return run();
	} catch (e) {
		if (isUniqueViolation(e)) return err('invalid', { fields: { [field]: key } });
		throw e;
	}
}

export function createStreet(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(streetSchema, input);
	if (!parsed.ok) return parsed;
	return uniquely('slug', 'err_slug_taken', () =>
		db.transaction((tx) => {
			const row = tx.insert(streets).values({ ...parsed.value, createdAt: now }).returning({ id: streets.id }).get();
			writeAudit(tx, actor, { action: 'org.create_street', subjectType: 'street', subjectId: row.id, streetId: row.id, summary: parsed.value }, now);
			return ok(row);
		})
	);
}

export function updateStreet(db: Db, actor: Actor | null, input: unknown, now: number): Result<null> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(updateStreetSchema, input);
	if (!parsed.ok) return parsed;
	const { id, name } = parsed.value;
	return db.transaction((tx) => {
		if (!tx.update(streets).set({ name }).where(eq(streets.id, id)).run().changes) return err('not_found');
		writeAudit(tx, actor, { action: 'org.update_street', subjectType: 'street', subjectId: id, streetId: id, summary: { name } }, now);
		return ok(null);
	});
}

export function createCommunity(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(communitySchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	if (!db.select().from(streets).where(eq(streets.id, v.streetId)).get()) return err('invalid', { fields: { streetId: 'err_invalid' } });
	return uniquely('slug', 'err_slug_taken', () =>
		db.transaction((tx) => {
			const row = tx.insert(communities).values({ ...v, createdAt: now }).returning({ id: communities.id }).get();
			writeAudit(tx, actor, { action: 'org.create_community', subjectType: 'community', subjectId: row.id, communityId: row.id, streetId: v.streetId, summary: { slug: v.slug, name: v.name } }, now);
			return ok(row);
		})
	);
}

export function updateCommunity(db: Db, actor: Actor | null, input: unknown, now: number): Result<null> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(updateCommunitySchema, input);
	if (!parsed.ok) return parsed;
	const { id, ...patch } = parsed.value;
	return db.transaction((tx) => {
		const row = tx.update(communities).set(patch).where(eq(communities.id, id)).returning().get();
		if (!row) return err('not_found');
		writeAudit(tx, actor, { action: 'org.update_community', subjectType: 'community', subjectId: id, communityId: id, streetId: row.streetId, summary: patch }, now);
		return ok(null);
	});
}

export function createGrid(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ id: number }> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(gridSchema, input);
	if (!parsed.ok) return parsed;
	const community = db.select().from(communities).where(eq(communities.id, parsed.value.communityId)).get();
	if (!community) return err('invalid', { fields: { communityId: 'err_invalid' } });
	return uniquely('name', 'err_grid_name_taken', () =>
		db.transaction((tx) => {
			const row = tx.insert(grids).values({ ...parsed.value, createdAt: now }).returning({ id: grids.id }).get();
			writeAudit(tx, actor, { action: 'org.create_grid', subjectType: 'grid', subjectId: row.id, communityId: community.id, streetId: community.streetId, summary: { name: parsed.value.name } }, now);
			return ok(row);
		})
	);
}

export function renameGrid(db: Db, actor: Actor | null, input: unknown, now: number): Result<null> {
	const denied = adminOnly(actor);
	if (denied) return denied;
	const parsed = parseInput(renameGridSchema, input);
	if (!parsed.ok) return parsed;
	const { id, name } = parsed.value;
	return uniquely('name', 'err_grid_name_taken', () =>
		db.transaction((tx) => {
			const row = tx.update(grids).set({ name }).where(eq(grids.id, id)).returning().get();
			if (!row) return err('not_found');
			writeAudit(tx, actor, { action: 'org.rename_grid', subjectType: 'grid', subjectId: id, communityId: row.communityId, summary: { name } }, now);
			return ok(null);
		})
	);
}

/** The committee tunes its community: second threshold, response days, report threshold. */
export function updateCommunitySettings(db: Db, actor: Actor | null, communityId: number, input: unknown, now: number): Result<null> {
	const community = db.select().from(communities).where(eq(communities.id, communityId)).get();
	if (!community) return err('not_found');
	const denied = authorize(actor, 'community.settings', { communityId, streetId: community.streetId });
	if (denied) return denied;
	const parsed = parseInput(communitySettingsSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction((tx) => {
		tx.update(communities).set(parsed.value).where(eq(communities.id, communityId)).run();
		writeAudit(tx, actor, { action: 'community.update_settings', subjectType: 'community', subjectId: communityId, communityId, streetId: community.streetId, summary: parsed.value }, now);
		return ok(null);
	});
}
