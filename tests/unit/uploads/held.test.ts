// Files held across a refused form: good only for the person and the field they were chosen for, for an hour,
// within the field's limits and a bound per person; merged before the files chosen next.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { deleteExpiredHolds, holdFiles, HOLD_MS, mergeHeld, releaseHeld, takeHeld, USER_MAX_FILES, type FileLimits, type Held } from '../../../src/lib/server/uploads/held';
import { heldUploads } from '../../../src/lib/server/uploads/schema';

const PHOTOS: FileLimits = { max: 4, maxBytes: 1000, tooMany: 'err_proposal_photos_too_many' };
const file = (name: string, size = 10) => ({ name, type: 'image/jpeg', bytes: new Uint8Array(size).fill(name.charCodeAt(0)) });
const userId = (w: World, name: string) => w.actor(name).userId;
const hold = (w: World, who: string, field: string, names: string[], limits = PHOTOS, now = w.now) => {
	const r = holdFiles(w.db, userId(w, who), field, [], names.map((n) => file(n)), limits, now);
	if (!r.ok) throw new Error(r.error);
	return r.held.map((h) => h.token);
};

describe('held files', () => {
	it('are found again by their tokens, in the order chosen, by the same person for the same field only', () => {
		const w = demoWorld();
		const tokens = hold(w, 'resident1', 'photos', ['a.jpg', 'b.jpg']);
		expect(tokens).toHaveLength(2);
		expect(tokens.every((t) => /^[0-9a-f]{32}$/.test(t))).toBe(true);
		const mine = takeHeld(w.db, userId(w, 'resident1'), 'photos', [...tokens].reverse(), w.now);
		expect(mine.map((f) => f.name)).toEqual(['a.jpg', 'b.jpg']);
		expect([...mine[0].bytes]).toEqual([...file('a.jpg').bytes]);
		// another person, another field: nothing
		expect(takeHeld(w.db, userId(w, 'resident2'), 'photos', tokens, w.now)).toEqual([]);
		expect(takeHeld(w.db, userId(w, 'resident1'), 'photo', tokens, w.now)).toEqual([]);
		// another person cannot let them go either
		releaseHeld(w.db, userId(w, 'resident2'), tokens);
		expect(takeHeld(w.db, userId(w, 'resident1'), 'photos', tokens, w.now)).toHaveLength(2);
	});

	it('ignores made-up tokens, quietly', () => {
		const w = demoWorld();
		hold(w, 'resident1', 'photos', ['a.jpg']);
		const forged = ['0'.repeat(32), 'not a token', "' OR 1=1 --", ''];
		expect(takeHeld(w.db, userId(w, 'resident1'), 'photos', forged, w.now)).toEqual([]);
		expect(() => releaseHeld(w.db, userId(w, 'resident1'), forged)).not.toThrow();
	});

	it('expire after an hour, and the hourly job deletes them', () => {
		const w = demoWorld();
		const tokens = hold(w, 'resident1', 'photos', ['a.jpg']);
		const me = userId(w, 'resident1');
		expect(takeHeld(w.db, me, 'photos', tokens, w.now + HOLD_MS - 1)).toHaveLength(1);
		expect(takeHeld(w.db, me, 'photos', tokens, w.now + HOLD_MS)).toEqual([]);
		deleteExpiredHolds(w.db, w.now + HOLD_MS - 1);
		expect(w.db.select().from(heldUploads).all()).toHaveLength(1);
		deleteExpiredHolds(w.db, w.now + HOLD_MS + 1);
		expect(w.db.select().from(heldUploads).all()).toHaveLength(0);
	});

	it("are held within the field's limits: too many or too large are refused with the field's message, nothing held", () => {
		const w = demoWorld();
		const me = userId(w, 'resident1');
		expect(holdFiles(w.db, me, 'photos', [], ['a', 'b', 'c', 'd', 'e'].map((n) => file(n)), PHOTOS, w.now)).toEqual({ ok: false, error: 'err_proposal_photos_too_many' });
		expect(holdFiles(w.db, me, 'photos', [], [file('a', 1001)], PHOTOS, w.now)).toEqual({ ok: false, error: 'err_photo_too_big' });
		expect(holdFiles(w.db, me, 'file', [], [file('a', 1001)], { ...PHOTOS, tooBig: 'err_menu_file_too_big' }, w.now)).toEqual({ ok: false, error: 'err_menu_file_too_big' });
		// the held ones count toward the field's number
		const kept = takeHeld(w.db, me, 'photos', hold(w, 'resident1', 'photos', ['a', 'b', 'c']), w.now);
		expect(holdFiles(w.db, me, 'photos', kept, [file('d'), file('e')], PHOTOS, w.now)).toMatchObject({ ok: false });
		expect(w.db.select().from(heldUploads).all()).toHaveLength(3);
	});

	it('are bounded per person: a new hold makes room by letting go of their oldest other holds, never the current ones', () => {
		const w = demoWorld();
		const me = userId(w, 'resident1');
		const old = hold(w, 'resident1', 'photos', ['o1', 'o2', 'o3', 'o4']);
		const middle = hold(w, 'resident1', 'photo', ['m1']);
		for (let i = 0; i < 2; i++) hold(w, 'resident1', `f${i}`, ['x1', 'x2', 'x3', 'x4']);
		const theirs = hold(w, 'resident2', 'photos', ['t1', 't2', 't3', 't4']);
		// 4 + 1 + 8 = 13 > 12: the oldest of mine went, none of the neighbour's
		const mine = w.db.select().from(heldUploads).where(eq(heldUploads.userId, me)).all();
		expect(mine.length).toBeLessThanOrEqual(USER_MAX_FILES);
		expect(takeHeld(w.db, me, 'photos', old, w.now).length).toBeLessThan(4);
		expect(takeHeld(w.db, me, 'photo', middle, w.now)).toHaveLength(1);
		expect(takeHeld(w.db, userId(w, 'resident2'), 'photos', theirs, w.now)).toHaveLength(4);
	});

	it('come before the files chosen now when merged', () => {
		const held: Held[] = [
			{ ...file('held1'), token: 't1' },
			{ ...file('held2'), token: 't2' }
		];
		const merged = mergeHeld(held, [file('new1')]);
		expect(merged.map((f) => f.name)).toEqual(['held1', 'held2', 'new1']);
		expect(merged[0]).not.toHaveProperty('token');
	});
});
