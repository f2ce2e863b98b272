// Races on two connections (tests/unit/world.ts): every write to a snapshot is guarded by state = 'draft', a
// scheme version by "its first period has not started and nothing newer exists".
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { evaluatedStreet } from './helpers';
import { createScheme, editScheme, publishSnapshot, setAwards, takeSnapshot } from '../../../src/lib/server/evaluations/commands';
import { evaluationResults, evaluationSchemes, evaluationSnapshots } from '../../../src/lib/server/evaluations/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { schemeForm } from '../authorization/fixture';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

function withRace(test: (w: RaceWorld) => void) {
	return () => {
		const w = raceWorld();
		try {
			test(w);
		} finally {
			w.close();
		}
	};
}

/** A draft snapshot of the ended quarter. */
function drafted(w: RaceWorld) {
	const at = evaluatedStreet(w);
	const taken = takeSnapshot(w.db, w.actor('street'), at, {}, w.now);
	if (!taken.ok) throw new Error(taken.error);
	return at;
}

const snapshotRow = (w: RaceWorld) => w.db.select().from(evaluationSnapshots).get()!;

describe('evaluations raced on two connections', () => {
	it(
		'published twice at once: one publication, one audit row',
		withRace((w) => {
			const at = drafted(w);
			const late = prepared(publishSnapshot.prepare(w.db, w.actor('street'), at, {}, w.now + 1));
			expect(publishSnapshot(w.rival, w.actor('street'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'evaluation_published' });
			expect(snapshotRow(w)).toMatchObject({ state: 'published', publishedAt: w.now });
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.publish')).all()).toHaveLength(1);
		})
	);

	it(
		'a recompute that loses to the publication leaves the published figures as they were',
		withRace((w) => {
			const at = drafted(w);
			const before = w.db.select().from(evaluationResults).all();
			const late = prepared(takeSnapshot.prepare(w.db, w.actor('street'), at, {}, w.now + 1));
			expect(publishSnapshot(w.rival, w.actor('street'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'evaluation_published' });
			expect(snapshotRow(w).computedAt).toBe(w.now);
			expect(w.db.select().from(evaluationResults).all()).toEqual(before);
		})
	);

	it(
		'awards that lose to the publication are refused: the published evaluation has none',
		withRace((w) => {
			const at = drafted(w);
			const late = prepared(setAwards.prepare(w.db, w.actor('street'), at, { pool: '50000', floor: '10000', cap: '60000' }, w.now + 1));
			expect(publishSnapshot(w.rival, w.actor('street'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'evaluation_published' });
			expect(snapshotRow(w).rewardPoolFen).toBeNull();
			expect(w.db.select({ award: evaluationResults.awardFen }).from(evaluationResults).all().every((r) => r.award === null)).toBe(true);
		})
	);

	it(
		'an edit of the latest version that loses to a newer version is refused',
		withRace((w) => {
			evaluatedStreet(w);
			const v2 = createScheme(w.db, w.actor('street'), { streetId: w.ids.streetId }, schemeForm('2027Q1'), w.now);
			expect(v2).toMatchObject({ ok: true, value: { version: 2 } });
			const late = prepared(editScheme.prepare(w.db, w.actor('street'), { streetId: w.ids.streetId, version: 2 }, { ...schemeForm('2027Q1'), note: '改了' }, w.now));
			expect(createScheme(w.rival, w.actor('street'), { streetId: w.ids.streetId }, schemeForm('2027Q3'), w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'evaluation_scheme_frozen' });
			expect(w.db.select().from(evaluationSchemes).where(eq(evaluationSchemes.version, 2)).get()!.note).toBe('測試方案');
		})
	);
});
