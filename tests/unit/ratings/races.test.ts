// Races on two database connections (see tests/unit/world.ts): a request has loaded, authorized and validated
// (prepare), another process commits the competing change, then the first request writes. One rating per
// person per subject; a closed window stays closed; a comment is hidden once.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { propertyPeriod } from './helpers';
import { closePropertyPeriod, hideRatingComment, rateSubject, restoreRatingComment } from '../../../src/lib/server/ratings/commands';
import { ratings } from '../../../src/lib/server/ratings/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';
import type { RatingTarget } from '../../../src/lib/server/ratings/records';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

const ratingsOf = (w: RaceWorld, t: RatingTarget) =>
	w.db.select().from(ratings).where(and(eq(ratings.subjectKind, t.kind), eq(ratings.subjectId, t.subjectId))).all();

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

describe('ratings raced on two connections', () => {
	it(
		'one person rating from two tabs at once ends in one row: the later write is their edit',
		withRace((w) => {
			const t = propertyPeriod(w);
			const late = prepared(rateSubject.prepare(w.db, w.actor('resident1'), t, { overall: '2', comment: '第二個分頁' }, w.now));
			expect(rateSubject(w.rival, w.actor('resident1'), t, { overall: '5' }, w.now)).toMatchObject({ ok: true, value: { edited: false } });
			expect(late.commit()).toMatchObject({ ok: true, value: { edited: true, overall: 2 } });
			expect(ratingsOf(w, t)).toMatchObject([{ raterId: w.ids.user.resident1, overall: 2, comment: '第二個分頁' }]);
		})
	);

	it(
		'the database itself keeps one rating per person per subject',
		withRace((w) => {
			const t = propertyPeriod(w);
			const row = { subjectKind: t.kind, subjectId: t.subjectId, raterId: w.ids.user.resident1, overall: 4, createdAt: w.now, updatedAt: w.now };
			w.rival.insert(ratings).values(row).run();
			expect(() => w.db.insert(ratings).values({ ...row, overall: 1 }).run()).toThrow(/UNIQUE/);
			expect(ratingsOf(w, t)).toHaveLength(1);
		})
	);

	it(
		'a rating that loses to the committee closing the period is refused, and nothing is written',
		withRace((w) => {
			const t = propertyPeriod(w);
			const late = prepared(rateSubject.prepare(w.db, w.actor('resident1'), t, { overall: '4' }, w.now));
			expect(closePropertyPeriod(w.rival, w.actor('committee1'), { communityId: t.communityId, id: t.subjectId }, {}, w.now - 1).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'rating_closed' });
			expect(ratingsOf(w, t)).toEqual([]);
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'rating.rate')).all()).toEqual([]);
		})
	);

	it(
		'two committee members closing the period at once: one closing is recorded',
		withRace((w) => {
			const t = propertyPeriod(w);
			const at = { communityId: t.communityId, id: t.subjectId };
			const late = prepared(closePropertyPeriod.prepare(w.db, w.actor('committee1'), at, {}, w.now));
			expect(closePropertyPeriod(w.rival, w.actor('committee1'), at, {}, w.now - 5).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'rating_closed' });
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'rating.close_period')).all()).toHaveLength(1);
		})
	);

	it(
		'a comment hidden twice at once keeps the first reason',
		withRace((w) => {
			const t = propertyPeriod(w);
			const rated = rateSubject(w.db, w.actor('resident2'), t, { overall: '1', comment: '管理處電話 138xxxx' }, w.now);
			if (!rated.ok) throw new Error(rated.error);
			const ratingId = String(rated.value.ratingId);
			const late = prepared(hideRatingComment.prepare(w.db, w.actor('committee1'), t, { ratingId, reason: '第二個理由' }, w.now));
			expect(hideRatingComment(w.rival, w.actor('committee1'), t, { ratingId, reason: '含有電話號碼' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'rating_comment_already_hidden' });
			expect(ratingsOf(w, t)[0].commentHiddenReason).toBe('含有電話號碼');
			// and restored twice at once: the second finds nothing hidden
			const restore = prepared(restoreRatingComment.prepare(w.db, w.actor('committee1'), t, { ratingId }, w.now));
			expect(restoreRatingComment(w.rival, w.actor('committee1'), t, { ratingId }, w.now).ok).toBe(true);
			expect(restore.commit()).toEqual({ ok: false, error: 'rating_comment_not_hidden' });
		})
	);
});
