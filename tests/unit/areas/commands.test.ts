// 建設共管 through its commands on a migrated database: the catalogue, claims for a person, a household and a team,
// approval, release, revocation, renewal, care logs with photos, thanks, nudges, the committee's checks, teams.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { demoWorld } from '../world';
import { areaAt, areaForm, careForm, claim, claimAt, claimRow, addHousehold, jinwei, logAt, logOn, makeArea, makeTeam, must, gpsPhoto, pngPhoto, userIdOf } from './helpers';
import { configureAreas, createArea, placePin, retireArea, updateArea, uploadPlan } from '../../../src/lib/server/areas/catalogue';
import { claimArea, releaseClaim, renewClaim, reviewClaim, revokeClaim } from '../../../src/lib/server/areas/claims';
import { checkLog, logCare, nudgeClaim, rejectLog, thankLog } from '../../../src/lib/server/areas/care';
import { createTeam, joinTeam, leaveTeam, reviewTeam } from '../../../src/lib/server/areas/teams';
import { areaClaims, areaPhotos, areas, careLogs, carePhotos } from '../../../src/lib/server/areas/schema';
import { loadArea, loadClaim } from '../../../src/lib/server/areas/records';
import { claimAbilities } from '../../../src/lib/server/areas/abilities';
import { notifications } from '../../../src/lib/server/notifications/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { readPhoto } from '../../../src/lib/server/media/storage';
import { renderMarkdown } from '../../../src/lib/markdown';
import { DAY } from '../../../src/lib/server/db/time';
import { chinaWeek, termEnd } from '../../../src/lib/server/areas/rules';

const inbox = (w: ReturnType<typeof demoWorld>, username: string) =>
	w.db.select().from(notifications).where(eq(notifications.userId, userIdOf(w.db, username))).all().map((n) => n.kind);

describe('the catalogue', () => {
	it('the committee adds an area with a photo, stored re-encoded without its GPS position', async () => {
		const w = demoWorld();
		const id = await makeArea(w, { photo: [gpsPhoto()], gridId: String(w.ids.grids.jinwei[0]), priority: 'on', latitude: '22.5431', longitude: '114.0579' });
		const area = w.db.select().from(areas).where(eq(areas.id, id)).get()!;
		expect(area).toMatchObject({ name: '3 棟東側綠地', kind: 'green', capacity: 1, termMonths: 12, minCareDays: 30, priority: true, adoptable: true, gridId: w.ids.grids.jinwei[0], latitude: 22.5431 });
		const photo = w.db.select().from(areaPhotos).where(eq(areaPhotos.id, area.photoId!)).get()!;
		const stored = readPhoto('areas', photo.fileName)!;
		expect((await sharp(stored).metadata()).exif).toBeUndefined();
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'area.create')).all()).toHaveLength(1);
	});

	it('refuses a grid of another community, a lone coordinate, a missing reason, a capacity out of range', async () => {
		const w = demoWorld();
		const attempt = (over: Record<string, unknown>) => createArea(w.db, w.actor('committee1'), jinwei(w), areaForm(over), w.now);
		expect(await attempt({ gridId: String(w.ids.grids.shuangshui[0]) })).toMatchObject({ error: 'invalid', fields: { gridId: 'err_area_grid' } });
		expect(await attempt({ latitude: '22.5' })).toMatchObject({ error: 'invalid', fields: { longitude: 'err_area_coordinate_pair' } });
		expect(await attempt({ notAdoptable: 'on' })).toMatchObject({ error: 'invalid', fields: { notAdoptableReason: 'err_area_reason_required' } });
		expect(await attempt({ capacity: '0' })).toMatchObject({ error: 'invalid', fields: { capacity: 'err_area_capacity' } });
		expect(await attempt({ photo: [{ name: 'x.jpg', bytes: new TextEncoder().encode('<html>not a picture') }] })).toMatchObject({ error: 'invalid', fields: { photo: 'err_photo_type' } });
		expect(await attempt({ name: '綠地\u202e' })).toMatchObject({ error: 'invalid', fields: { name: 'err_text_bidi' } });
	});

	it('Markdown is stored as typed and rendered without its scripts', async () => {
		const w = demoWorld();
		const id = await makeArea(w, { duties: '<img src=x onerror=alert(1)> [點我](javascript:alert(2)) <script>alert(3)</script>' });
		const html = renderMarkdown(w.db.select().from(areas).where(eq(areas.id, id)).get()!.duties);
		expect(html).not.toMatch(/<img|<script|javascript:|onerror/i);
	});

	it('an area cannot be made not adoptable while it is claimed; retiring it ends its claims, with the reason', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const update = await updateArea(w.db, w.actor('committee1'), areaAt(w, id), areaForm({ notAdoptable: 'on', notAdoptableReason: '由物業負責' }), w.now);
		expect(update).toMatchObject({ error: 'invalid', fields: { notAdoptable: 'err_area_has_claims' } });
		must(retireArea(w.db, w.actor('committee1'), areaAt(w, id), { reason: '綠地改建為停車場。' }, w.now));
		expect(claimRow(w.db, c)).toMatchObject({ state: 'revoked', endReason: '綠地改建為停車場。', endedAt: w.now });
		expect(inbox(w, 'resident1')).toContain('area_retired');
		expect(claimArea(w.db, w.actor('resident2'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'area_retired' });
		expect(await updateArea(w.db, w.actor('committee1'), areaAt(w, id), areaForm(), w.now)).toEqual({ ok: false, error: 'area_retired' });
	});

	it('a plan is uploaded (checked by decoding it) and a click on it pins an area', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		expect(placePin(w.db, w.actor('committee1'), areaAt(w, id), { areaId: String(id), 'pin.x': '10', 'pin.y': '10' }, w.now)).toEqual({ ok: false, error: 'area_no_plan' });
		expect(await uploadPlan(w.db, w.actor('committee1'), jinwei(w), { plan: [{ name: 'plan.png', bytes: pngPhoto().bytes.slice(0, 60) }] }, w.now)).toMatchObject({
			error: 'invalid',
			fields: { plan: 'err_photo_not_picture' }
		});
		const plan = must(await uploadPlan(w.db, w.actor('committee1'), jinwei(w), { plan: [pngPhoto('plan.png')] }, w.now));
		expect(plan).toMatchObject({ width: 64, height: 48 });
		// drawn 720 wide, so 540 high: the middle of the plan
		expect(must(placePin(w.db, w.actor('committee1'), areaAt(w, id), { areaId: String(id), 'pin.x': '360', 'pin.y': '270' }, w.now))).toEqual({ x: 500, y: 500 });
		expect(w.db.select().from(areas).where(eq(areas.id, id)).get()).toMatchObject({ pinX: 500, pinY: 500 });
	});
});

describe('claims', () => {
	it('a resident claims an open area; it is then full for others; they release it and it is open again', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		expect(claimRow(w.db, c)).toMatchObject({ state: 'active', claimantKind: 'person', startedAt: w.now, termEndsAt: termEnd(w.now, 12) });
		expect(claimArea(w.db, w.actor('resident1'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'area_full' });
		expect(claimArea(w.db, w.actor('resident2'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'area_full' });
		expect(releaseClaim(w.db, w.actor('resident2'), claimAt(w, id, c), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		must(releaseClaim(w.db, w.actor('resident1'), claimAt(w, id, c), {}, w.now + DAY));
		expect(claimRow(w.db, c)).toMatchObject({ state: 'released', endedAt: w.now + DAY });
		claim(w, 'resident2', id, {}, w.now + 2 * DAY);
	});

	it('an area of capacity 2 takes two claimants, and the same person once', async () => {
		const w = demoWorld();
		const id = await makeArea(w, { capacity: '2' });
		claim(w, 'resident1', id);
		expect(claimArea(w.db, w.actor('resident1'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'already_claimed' });
		claim(w, 'resident2', id);
		expect(claimArea(w.db, w.actor('resident3'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'area_full' });
	});

	it('only verified residents of the community claim; a not-adoptable area is not claimed', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		expect(claimArea(w.db, w.actor('resident9'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(claimArea(w.db, w.actor('newcomer'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		expect(claimArea(w.db, w.actor('committee1'), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'forbidden' });
		const closed = await makeArea(w, { name: '消防通道', notAdoptable: 'on', notAdoptableReason: '由**物業**負責維護。' });
		expect(claimArea(w.db, w.actor('resident1'), areaAt(w, closed), {}, w.now)).toEqual({ ok: false, error: 'area_not_adoptable' });
	});

	it('a person holds at most the community’s number of claims', async () => {
		const w = demoWorld();
		must(configureAreas(w.db, w.actor('committee1'), jinwei(w), { maxActiveClaims: '2' }, w.now));
		const ids = [await makeArea(w, { name: '甲' }), await makeArea(w, { name: '乙' }), await makeArea(w, { name: '丙' })];
		claim(w, 'resident1', ids[0]);
		claim(w, 'resident1', ids[1]);
		expect(claimArea(w.db, w.actor('resident1'), areaAt(w, ids[2]), {}, w.now)).toEqual({ ok: false, error: 'claim_limit', params: { max: 2 } });
	});

	it('a household claim is shared by the people of the address: each may log care; another household member cannot claim it again', async () => {
		const w = demoWorld();
		const [mum, son] = addHousehold(w, 2, 'wang');
		const id = await makeArea(w, { capacity: '3' });
		const c = claim(w, mum, id, { for: 'household' });
		expect(claimRow(w.db, c)).toMatchObject({ claimantKind: 'household', householdKey: JSON.stringify(['金韋花園', '3', '1-502']) });
		expect(inbox(w, son)).toContain('area_claimed_with_you');
		expect(claimArea(w.db, w.actor(son), areaAt(w, id), {}, w.now)).toEqual({ ok: false, error: 'already_claimed' });
		await logOn(w, son, id, c, w.now);
		expect(await logCare(w.db, w.actor('resident2'), claimAt(w, id, c), careForm(w.now), w.now)).toEqual({ ok: false, error: 'not_claimant' });
	});

	it('a team claims once approved, by a member; its members log care', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const pending = must(createTeam(w.db, w.actor('resident1'), jinwei(w), { name: '綠手指', description: '', named: 'on' }, w.now)).id;
		expect(claimArea(w.db, w.actor('resident1'), areaAt(w, id), { for: 'team', teamId: String(pending) }, w.now)).toMatchObject({ error: 'invalid', fields: { teamId: 'err_claim_team' } });
		const team = makeTeam(w, 'resident2', ['resident3']);
		expect(claimArea(w.db, w.actor('resident4'), areaAt(w, id), { for: 'team', teamId: String(team) }, w.now)).toMatchObject({ error: 'invalid', fields: { teamId: 'err_claim_team' } });
		const c = claim(w, 'resident3', id, { for: 'team', teamId: String(team) });
		await logOn(w, 'resident2', id, c, w.now);
		expect(inbox(w, 'resident2')).toContain('area_claimed_with_you');
	});

	it('when the community approves claims, a claim waits; the committee approves (the term starts then) or declines', async () => {
		const w = demoWorld();
		must(configureAreas(w.db, w.actor('committee1'), jinwei(w), { maxActiveClaims: '5', approveClaims: 'on' }, w.now));
		const id = await makeArea(w, { capacity: '2' });
		const a = claim(w, 'resident1', id);
		const b = claim(w, 'resident2', id);
		expect(claimRow(w.db, a)).toMatchObject({ state: 'pending', startedAt: null });
		expect(inbox(w, 'committee1')).toContain('area_claim_pending');
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, a), careForm(w.now), w.now)).toEqual({ ok: false, error: 'claim_not_held' });
		must(reviewClaim(w.db, w.actor('committee1'), claimAt(w, id, a), { decision: 'approve' }, w.now + DAY));
		expect(claimRow(w.db, a)).toMatchObject({ state: 'active', startedAt: w.now + DAY, termEndsAt: termEnd(w.now + DAY, 12) });
		expect(reviewClaim(w.db, w.actor('committee1'), claimAt(w, id, b), { decision: 'decline' }, w.now)).toMatchObject({ error: 'invalid', fields: { reason: 'err_area_reason_required' } });
		must(reviewClaim(w.db, w.actor('committee1'), claimAt(w, id, b), { decision: 'decline', reason: '這一區已有人照顧。' }, w.now));
		expect(claimRow(w.db, b)).toMatchObject({ state: 'declined', endReason: '這一區已有人照顧。' });
		expect(inbox(w, 'resident1')).toContain('area_claim_approved');
		expect(inbox(w, 'resident2')).toContain('area_claim_declined');
		expect(reviewClaim(w.db, w.actor('committee1'), claimAt(w, id, a), { decision: 'approve' }, w.now)).toEqual({ ok: false, error: 'claim_not_pending' });
	});

	it('the committee revokes a claim with a reason its claimants read', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		expect(revokeClaim(w.db, w.actor('committee1'), claimAt(w, id, c), {}, w.now)).toMatchObject({ error: 'invalid', fields: { reason: 'err_required' } });
		must(revokeClaim(w.db, w.actor('committee1'), claimAt(w, id, c), { reason: '多次未按約定照顧。' }, w.now));
		expect(claimRow(w.db, c)).toMatchObject({ state: 'revoked', endReason: '多次未按約定照顧。', decidedBy: userIdOf(w.db, 'committee1') });
		expect(inbox(w, 'resident1')).toContain('area_claim_revoked');
		expect(revokeClaim(w.db, w.actor('committee1'), claimAt(w, id, c), { reason: '再一次。' }, w.now)).toEqual({ ok: false, error: 'claim_not_held' });
	});

	it('a claim whose minimum was met is renewed near the end of its term: a new term for the same claimant', async () => {
		const w = demoWorld();
		const id = await makeArea(w, { termMonths: '3' });
		const c = claim(w, 'resident1', id);
		const ends = claimRow(w.db, c).termEndsAt!;
		for (let d = w.now + 20 * DAY; d < ends; d += 20 * DAY) await logOn(w, 'resident1', id, c, d);
		const early = ends - 40 * DAY;
		expect(renewClaim(w.db, w.actor('resident1'), claimAt(w, id, c), {}, early)).toEqual({ ok: false, error: 'claim_not_renewable' });
		expect(renewClaim(w.db, w.actor('resident2'), claimAt(w, id, c), {}, ends - 5 * DAY)).toEqual({ ok: false, error: 'forbidden' });
		const next = must(renewClaim(w.db, w.actor('resident1'), claimAt(w, id, c), {}, ends - 5 * DAY));
		expect(claimRow(w.db, c)).toMatchObject({ state: 'renewed', endedAt: ends - 5 * DAY });
		expect(claimRow(w.db, next.claimId)).toMatchObject({ state: 'active', userId: userIdOf(w.db, 'resident1'), renewedFromId: c, termEndsAt: termEnd(ends, 3) });
	});

	it('a claim that missed its minimum is not renewed', async () => {
		const w = demoWorld();
		const id = await makeArea(w, { termMonths: '3' });
		const c = claim(w, 'resident1', id);
		const ends = claimRow(w.db, c).termEndsAt!;
		await logOn(w, 'resident1', id, c, w.now + 25 * DAY);
		await logOn(w, 'resident1', id, c, w.now + 58 * DAY);
		await logOn(w, 'resident1', id, c, ends - 10 * DAY);
		expect(renewClaim(w.db, w.actor('resident1'), claimAt(w, id, c), {}, ends - 5 * DAY)).toEqual({ ok: false, error: 'claim_minimum_not_met' });
	});
});

describe('care logs', () => {
	it('a claimant logs care with photos (EXIF gone); one log per person, area and day; not before the claim, not tomorrow', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const logged = await logOn(w, 'resident1', id, c, w.now, w.now, { photos: [gpsPhoto(), pngPhoto()] });
		expect(logged).toMatchObject({ photos: 2, recovered: false });
		const photos = w.db.select().from(carePhotos).where(eq(carePhotos.logId, logged.logId)).all();
		expect(photos.map((p) => p.position)).toEqual([0, 1]);
		expect((await sharp(readPhoto('care', photos[0].fileName)!).metadata()).exif).toBeUndefined();
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(w.now, { minutes: '30' }), w.now)).toEqual({ ok: false, error: 'care_already_logged' });
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(w.now + DAY), w.now)).toMatchObject({ fields: { caredOn: 'err_care_date_future' } });
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(w.now - DAY), w.now)).toMatchObject({ fields: { caredOn: 'err_care_date_before_claim' } });
		const five = Array.from({ length: 5 }, (_, i) => pngPhoto(`p${i}.png`));
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(w.now + DAY, { photos: five }), w.now + DAY)).toMatchObject({ fields: { photos: 'err_care_photos_too_many' } });
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(w.now + DAY, { minutes: '0' }), w.now + DAY)).toMatchObject({ fields: { minutes: 'err_care_minutes' } });
	});

	it('neighbours thank a log once, never their own; the committee checks one and rejects another with a reason', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const first = (await logOn(w, 'resident1', id, c, w.now)).logId;
		const second = (await logOn(w, 'resident1', id, c, w.now + DAY)).logId;
		must(thankLog(w.db, w.actor('resident2'), logAt(w, id, first), {}, w.now));
		expect(thankLog(w.db, w.actor('resident2'), logAt(w, id, first), {}, w.now)).toEqual({ ok: false, error: 'already_thanked' });
		expect(thankLog(w.db, w.actor('resident1'), logAt(w, id, first), {}, w.now)).toEqual({ ok: false, error: 'own_log' });
		expect(inbox(w, 'resident1')).toContain('care_log_thanked');
		must(checkLog(w.db, w.actor('committee1'), logAt(w, id, first), {}, w.now));
		expect(checkLog(w.db, w.actor('committee1'), logAt(w, id, first), {}, w.now)).toEqual({ ok: false, error: 'log_already_decided' });
		must(rejectLog(w.db, w.actor('committee1'), logAt(w, id, second), { reason: '照片與綠地無關。' }, w.now));
		expect(w.db.select().from(careLogs).where(eq(careLogs.id, second)).get()).toMatchObject({ state: 'rejected', rejectReason: '照片與綠地無關。' });
		expect(inbox(w, 'resident1')).toContain('care_log_rejected');
		expect(thankLog(w.db, w.actor('resident3'), logAt(w, id, second), {}, w.now)).toEqual({ ok: false, error: 'log_rejected' });
	});

	it('a rejected log no longer counts: the claim goes at risk at once if it was the only recent care', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const late = w.now + 25 * DAY;
		const log = (await logOn(w, 'resident1', id, c, late)).logId;
		const now = w.now + 40 * DAY;
		expect(must(rejectLog(w.db, w.actor('committee1'), logAt(w, id, log), { reason: '沒有照顧的紀錄。' }, now))).toEqual({ claimState: 'at_risk' });
		expect(claimRow(w.db, c).state).toBe('at_risk');
	});

	it('an at-risk claim is nudged once a week by a neighbour, never by its own people; a new log brings it back', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const now = w.now + 35 * DAY;
		expect(nudgeClaim(w.db, w.actor('resident2'), claimAt(w, id, c), {}, now)).toEqual({ ok: false, error: 'claim_not_at_risk' });
		w.db.update(areaClaims).set({ state: 'at_risk', atRiskAt: w.now + 31 * DAY }).where(eq(areaClaims.id, c)).run();
		must(nudgeClaim(w.db, w.actor('resident2'), claimAt(w, id, c), {}, now));
		// the same China week (Monday to Sunday) as the first nudge, whoever asks
		const sameWeek = chinaWeek(now + 3_600_000) === chinaWeek(now) ? now + 3_600_000 : now - 3_600_000;
		expect(nudgeClaim(w.db, w.actor('resident3'), claimAt(w, id, c), {}, sameWeek)).toEqual({ ok: false, error: 'already_nudged' });
		expect(nudgeClaim(w.db, w.actor('resident1'), claimAt(w, id, c), {}, now)).toEqual({ ok: false, error: 'own_claim' });
		expect(inbox(w, 'resident1')).toContain('area_nudged');
		must(nudgeClaim(w.db, w.actor('resident3'), claimAt(w, id, c), {}, now + 7 * DAY));
		const logged = await logOn(w, 'resident1', id, c, now + 8 * DAY);
		expect(logged.recovered).toBe(true);
		expect(claimRow(w.db, c)).toMatchObject({ state: 'active', atRiskAt: null });
		expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'area.claim_recover')).all()).toHaveLength(1);
	});

	it('a claim the clock has lapsed takes no more care, even before the job has written so', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		const c = claim(w, 'resident1', id);
		const now = w.now + 70 * DAY;
		const record = loadClaim(w.db, claimAt(w, id, c))!;
		expect(claimAbilities(w.actor('resident1'), record, now).log).toBe(false);
		expect(await logCare(w.db, w.actor('resident1'), claimAt(w, id, c), careForm(now), now)).toEqual({ ok: false, error: 'claim_not_held' });
	});
});

describe('teams', () => {
	it('a resident creates a team (its first member); the committee approves it; others join and leave', () => {
		const w = demoWorld();
		const team = must(createTeam(w.db, w.actor('resident1'), jinwei(w), { name: '金韋志願隊', description: '週末一起做。', named: 'on' }, w.now)).id;
		expect(inbox(w, 'committee1')).toContain('team_pending');
		expect(createTeam(w.db, w.actor('resident2'), jinwei(w), { name: '金韋志願隊' }, w.now)).toEqual({ ok: false, error: 'team_name_taken' });
		expect(joinTeam(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now)).toEqual({ ok: false, error: 'team_not_approved' });
		must(reviewTeam(w.db, w.actor('committee1'), areaAt(w, team), { decision: 'approve' }, w.now));
		expect(inbox(w, 'resident1')).toContain('team_approved');
		must(joinTeam(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now));
		expect(joinTeam(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now)).toEqual({ ok: false, error: 'already_in_team' });
		must(leaveTeam(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now));
		expect(leaveTeam(w.db, w.actor('resident2'), areaAt(w, team), {}, w.now)).toEqual({ ok: false, error: 'not_in_team' });
		expect(reviewTeam(w.db, w.actor('committee1'), areaAt(w, team), { decision: 'approve' }, w.now)).toEqual({ ok: false, error: 'team_already_decided' });
	});
});

describe('scope', () => {
	it('an area of jinwei is not found under another community’s address', async () => {
		const w = demoWorld();
		const id = await makeArea(w);
		expect(loadArea(w.db, { communityId: w.ids.community.fenghuangshan, id })).toBeUndefined();
		expect(claimArea(w.db, w.actor('resident9'), { communityId: w.ids.community.fenghuangshan, id }, {}, w.now)).toEqual({ ok: false, error: 'not_found' });
		const c = claim(w, 'resident1', id);
		expect(revokeClaim(w.db, w.actor('committee2'), { communityId: w.ids.community.fenghuangshan, id, claimId: c }, { reason: '越權操作。' }, w.now)).toEqual({ ok: false, error: 'not_found' });
		// a claim named under another area of the same community is not found either
		const other = await makeArea(w, { name: '另一塊綠地' });
		expect(releaseClaim(w.db, w.actor('resident1'), claimAt(w, other, c), {}, w.now)).toEqual({ ok: false, error: 'not_found' });
		expect(w.db.select().from(areaClaims).where(and(eq(areaClaims.id, c), eq(areaClaims.state, 'active'))).get()).toBeDefined();
	});
});
