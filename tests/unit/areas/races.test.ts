// Races on two database connections (two server processes on one file): a request has loaded, authorized and
// validated its command (prepare), the rival commits the competing change, then the request writes. One winner,
// one clean refusal, never two rows.
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from '../world';
import { addHousehold, areaAt, claim, claimAt, claimRow, logAt, logOn, makeArea, makeTeam, jinwei } from './helpers';
import { claimArea, releaseClaim, renewClaim, reviewClaim, revokeClaim } from '../../../src/lib/server/areas/claims';
import { retireArea } from '../../../src/lib/server/areas/catalogue';
import { checkLog, rejectLog } from '../../../src/lib/server/areas/care';
import { createTeam, leaveTeam, reviewTeam } from '../../../src/lib/server/areas/teams';
import { runAreaLapses } from '../../../src/lib/server/areas/lifecycle';
import { areaClaims, areaSettings, areas, careLogs, teams } from '../../../src/lib/server/areas/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { DAY } from '../../../src/lib/server/db/time';
import { LIVE_CLAIM_STATES } from '../../../src/lib/codes';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

async function inRace(body: (w: RaceWorld) => Promise<void> | void) {
	const w = raceWorld();
	try {
		await body(w);
	} finally {
		w.close();
	}
}

const liveOn = (w: RaceWorld, areaId: number) =>
	w.db
		.select()
		.from(areaClaims)
		.where(and(eq(areaClaims.areaId, areaId), inArray(areaClaims.state, LIVE_CLAIM_STATES)))
		.all();

describe('claims racing for an area', () => {
	it('twenty people claim a capacity-1 area at once: the database keeps one claim, the others are refused cleanly', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const people = addHousehold(w, 20, 'neighbour');
			// every request has passed the page's checks (the area was open when each one read it)
			const late = people.slice(1).map((p) => prepared(claimArea.prepare(w.db, w.actor(p), areaAt(w, id), {}, w.now)));
			expect(claimArea(w.rival, w.actor(people[0]), areaAt(w, id), {}, w.now).ok).toBe(true);
			for (const p of late) expect(p.commit()).toEqual({ ok: false, error: 'claim_taken' });
			expect(liveOn(w, id)).toHaveLength(1);
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'area.claim')).all()).toHaveLength(1);
		}));

	it('the same person claims twice at once: one claim', () =>
		inRace(async (w) => {
			const id = await makeArea(w, { capacity: '5' });
			const late = prepared(claimArea.prepare(w.db, w.actor('resident1'), areaAt(w, id), {}, w.now));
			expect(claimArea(w.rival, w.actor('resident1'), areaAt(w, id), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_taken' });
			expect(liveOn(w, id)).toHaveLength(1);
		}));

	it('the most claims one person may hold is counted inside the transaction: two claims elsewhere cannot both slip under it', () =>
		inRace(async (w) => {
			w.db.insert(areaSettings).values({ communityId: w.ids.community.jinwei, maxActiveClaims: 1, updatedAt: w.now }).run();
			const a = await makeArea(w, { name: '3 棟樓道' });
			const b = await makeArea(w, { name: '5 棟樓道' });
			const late = prepared(claimArea.prepare(w.db, w.actor('resident1'), areaAt(w, a), {}, w.now));
			expect(claimArea(w.rival, w.actor('resident1'), areaAt(w, b), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_limit', params: { max: 1 } });
			expect(w.db.select().from(areaClaims).where(eq(areaClaims.userId, w.ids.user.resident1)).all()).toHaveLength(1);
		}));
});

describe('a claim changed by someone else in the meantime', () => {
	it('an approval that loses to the claimant releasing is refused', () =>
		inRace(async (w) => {
			w.db.insert(areaSettings).values({ communityId: w.ids.community.jinwei, approveClaims: true, updatedAt: w.now }).run();
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const late = prepared(reviewClaim.prepare(w.db, w.actor('committee1'), claimAt(w, id, c), { decision: 'approve' }, w.now));
			expect(releaseClaim(w.rival, w.actor('resident1'), claimAt(w, id, c), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_not_pending' });
			expect(claimRow(w.db, c)).toMatchObject({ state: 'released', startedAt: null });
		}));

	it('a release that loses to a revocation is refused, and the committee’s reason stays', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const late = prepared(releaseClaim.prepare(w.db, w.actor('resident1'), claimAt(w, id, c), {}, w.now));
			expect(revokeClaim(w.rival, w.actor('committee1'), claimAt(w, id, c), { reason: '多次未按時打理。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_not_held' });
			expect(claimRow(w.db, c)).toMatchObject({ state: 'revoked', endReason: '多次未按時打理。' });
		}));

	it('a revocation that loses to a release is refused', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const late = prepared(revokeClaim.prepare(w.db, w.actor('committee1'), claimAt(w, id, c), { reason: '多次未按時打理。' }, w.now));
			expect(releaseClaim(w.rival, w.actor('resident1'), claimAt(w, id, c), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_not_held' });
			expect(claimRow(w.db, c)).toMatchObject({ state: 'released', endReason: null });
		}));

	it('a renewal that loses to a revocation starts no new term', () =>
		inRace(async (w) => {
			// a one-month term, claimed twenty days ago: renewal is open and the minimum was met
			const id = await makeArea(w, { termMonths: '1' });
			const c = claim(w, 'resident1', id, {}, w.now - 20 * DAY);
			const late = prepared(renewClaim.prepare(w.db, w.actor('resident1'), claimAt(w, id, c), {}, w.now));
			expect(revokeClaim(w.rival, w.actor('committee1'), claimAt(w, id, c), { reason: '區域即將改建。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'claim_not_renewable' });
			expect(w.db.select().from(areaClaims).where(eq(areaClaims.areaId, id)).all()).toHaveLength(1);
		}));

	it('retiring an area twice at once retires it once', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const late = prepared(retireArea.prepare(w.db, w.actor('committee1'), areaAt(w, id), { reason: '綠地改建為停車場。' }, w.now));
			expect(retireArea(w.rival, w.actor('street'), areaAt(w, id), { reason: '街道統一改造。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'area_retired' });
			expect(w.db.select().from(areas).where(eq(areas.id, id)).get()).toMatchObject({ retiredReason: '街道統一改造。' });
		}));
});

describe('care logs and teams decided twice', () => {
	it('a check that loses to a rejection is refused: the log stays rejected', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const { logId } = await logOn(w, 'resident1', id, c, w.now);
			const late = prepared(checkLog.prepare(w.db, w.actor('committee1'), logAt(w, id, logId), {}, w.now));
			expect(rejectLog(w.rival, w.actor('street'), logAt(w, id, logId), { reason: '照片與區域不符。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'log_already_decided' });
			expect(w.db.select().from(careLogs).where(eq(careLogs.id, logId)).get()).toMatchObject({ state: 'rejected', rejectReason: '照片與區域不符。' });
		}));

	it('two rejections at once: the first reason stands', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const { logId } = await logOn(w, 'resident1', id, c, w.now);
			const late = prepared(rejectLog.prepare(w.db, w.actor('committee1'), logAt(w, id, logId), { reason: '第二個理由。' }, w.now));
			expect(rejectLog(w.rival, w.actor('street'), logAt(w, id, logId), { reason: '照片與區域不符。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'log_already_decided' });
			expect(w.db.select().from(careLogs).where(eq(careLogs.id, logId)).get()!.rejectReason).toBe('照片與區域不符。');
		}));

	it('a team approved and declined at once: the first decision stands', () =>
		inRace((w) => {
			const r = createTeam(w.db, w.actor('resident1'), jinwei(w), { name: '金韋志願隊', named: 'on' }, w.now);
			if (!r.ok) throw new Error(r.error);
			const team = r.value.id;
			const late = prepared(reviewTeam.prepare(w.db, w.actor('committee1'), areaAt(w, team), { decision: 'decline', reason: '名稱與現有隊伍相近。' }, w.now));
			expect(reviewTeam(w.rival, w.actor('street'), areaAt(w, team), { decision: 'approve' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'team_already_decided' });
			expect(w.db.select().from(teams).where(eq(teams.id, team)).get()!.state).toBe('approved');
		}));

	it('leaving a team twice at once (two tabs): the second is refused', () =>
		inRace((w) => {
			const team = makeTeam(w, 'resident1', ['resident2']);
			const late = prepared(leaveTeam.prepare(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now));
			expect(leaveTeam(w.rival, w.actor('resident2'), areaAt(w, team), {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'not_in_team' });
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'team.leave')).all()).toHaveLength(1);
		}));
});

describe('the lapse job on two processes', () => {
	it('runs on both at once: each claim moves once, one audit row, one notice', () =>
		inRace(async (w) => {
			const id = await makeArea(w);
			const c = claim(w, 'resident1', id);
			const later = w.now + 62 * DAY;
			expect(runAreaLapses(w.rival, later)).toEqual([{ claimId: c, from: 'active', to: 'lapsed' }]);
			expect(runAreaLapses(w.db, later)).toEqual([]);
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'area.claim_lapse')).all()).toHaveLength(1);
		}));
});
