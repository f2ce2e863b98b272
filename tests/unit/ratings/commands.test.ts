// Rating through the commands: who is invited, one rating per person that they may change while the window is
// open, marks held to the subject's scale, and the thing rated left as it was.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { acceptedProject, propertyPeriod } from './helpers';
import { rateReport, rateSubject } from '../../../src/lib/server/ratings/commands';
import { openRatingSubject, runRatingInvitations } from '../../../src/lib/server/ratings/subjects';
import { ratingPanel, ratableFor } from '../../../src/lib/server/ratings/queries';
import { ratings } from '../../../src/lib/server/ratings/schema';
import { menuProjects } from '../../../src/lib/server/menus/schema';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { DAY } from '../../../src/lib/server/db/time';

describe('rating an accepted project', () => {
	it('invites every resident (voters told they voted for it), takes one rating each, and leaves the project as it was', () => {
		const w = demoWorld();
		const t = acceptedProject(w);
		expect(runRatingInvitations(w.db, w.now)).toMatchObject({ opened: 1 });
		const invited = w.db.select().from(notifications).all();
		const kinds = (username: string) => invited.filter((n) => n.userId === w.ids.user[username]).map((n) => n.kind);
		expect(kinds('resident1')).toEqual(['rating_invited_voter']);
		expect(kinds('resident6')).toEqual(['rating_invited']);
		const before = w.db.select().from(menuProjects).where(eq(menuProjects.id, t.subjectId)).get();

		expect(rateSubject(w.db, w.actor('resident1'), t, { overall: '5', quality: '4', comment: '很好' }, w.now)).toMatchObject({ ok: true, value: { edited: false } });
		expect(rateSubject(w.db, w.actor('resident1'), t, { overall: '3', quality: '' }, w.now + 1)).toMatchObject({ ok: true, value: { edited: true } });
		const mine = w.db.select().from(ratings).where(and(eq(ratings.subjectId, t.subjectId), eq(ratings.raterId, w.ids.user.resident1))).all();
		expect(mine).toMatchObject([{ overall: 3, comment: null }]);
		expect(w.db.select().from(menuProjects).where(eq(menuProjects.id, t.subjectId)).get()).toEqual(before);

		const panel = ratingPanel(w.db, w.actor('resident1'), t, w.now)!;
		expect(panel).toMatchObject({ invited: 9, canRate: true, mine: { overall: 3 }, summary: { n: 1, insufficient: true, rate: null } });
		expect(ratableFor(w.db, w.ids.user.resident2, w.now).map((r) => [r.kind, r.ratedAt])).toEqual([['project', null]]);
	});

	it('is refused once the window has closed, and to people who are not verified residents', () => {
		const w = demoWorld();
		const t = acceptedProject(w, 31);
		expect(rateSubject(w.db, w.actor('resident1'), t, { overall: '4' }, w.now)).toEqual({ ok: false, error: 'rating_closed' });
		const open = acceptedProject(w);
		expect(rateSubject(w.db, w.actor('newcomer'), open, { overall: '4' }, w.now)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(rateSubject(w.db, w.actor('resident9'), open, { overall: '4' }, w.now)).toMatchObject({ ok: false });
	});
});

describe('rating a handled report', () => {
	it('belongs to its reporter, on a scale of three (滿意 / 基本滿意 / 不滿意)', () => {
		const w = demoWorld();
		w.db.transaction((tx) =>
			openRatingSubject(tx, { kind: 'report', subjectId: 77, communityId: w.ids.community.jinwei, title: '路燈', link: '/c/jinwei/reports/77', raterId: w.ids.user.resident1 }, w.now - DAY)
		);
		const t = { communityId: w.ids.community.jinwei, kind: 'report' as const, subjectId: 77 };
		expect(rateReport(w.db, w.actor('resident2'), t, { overall: '3' }, w.now)).toMatchObject({ ok: false, error: 'forbidden' });
		expect(rateReport(w.db, w.actor('resident1'), t, { overall: '5' }, w.now)).toMatchObject({ ok: false, error: 'invalid', fields: { overall: 'err_rating_overall' } });
		expect(rateReport(w.db, w.actor('resident1'), t, { overall: '2', speed: '3' }, w.now)).toMatchObject({ ok: true });
		expect(rateSubject(w.db, w.actor('resident1'), t, { overall: '2' }, w.now)).toMatchObject({ ok: false, error: 'rating_report_only_reporter' });
	});
});

describe('a 物業 period', () => {
	it('says 樣本不足 and shows no rate under ten answers (every resident of the demo’s 金韋: nine)', () => {
		const w = demoWorld();
		const t = propertyPeriod(w);
		const raters = ['resident1', 'resident2', 'resident3', 'resident4', 'resident5', 'resident6', 'resident7', 'resident8', 'grid1'];
		raters.forEach((username, i) => expect(rateSubject(w.db, w.actor(username), t, { overall: ['5', '4', '4', '5', '2', '4', '3', '4', '5'][i] }, w.now).ok).toBe(true));
		expect(ratingPanel(w.db, null, t, w.now)!.summary).toMatchObject({ n: 9, satisfied: 7, insufficient: true, rate: null });
	});
});
