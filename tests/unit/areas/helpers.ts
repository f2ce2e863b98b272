// Shared setup for the areas tests: areas, residents at an address, claims, care logs, photos.
import { eq } from 'drizzle-orm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { users } from '../../../src/lib/server/auth/schema';
import { memberships, scopeKeyOf } from '../../../src/lib/server/residency/schema';
import { createArea } from '../../../src/lib/server/areas/catalogue';
import { claimArea } from '../../../src/lib/server/areas/claims';
import { logCare } from '../../../src/lib/server/areas/care';
import { createTeam, reviewTeam, joinTeam } from '../../../src/lib/server/areas/teams';
import { areaClaims } from '../../../src/lib/server/areas/schema';
import { encodePng } from '../../../src/lib/server/media/png';
import { chinaDate } from '../../../src/lib/server/db/time';
import type { Db } from '../../../src/lib/server/db/client';
import type { Result } from '../../../src/lib/server/result';
import type { World } from '../world';

// photos are written under a folder of the test run's own
process.env.UPLOADS_DIR ??= mkdtempSync(join(tmpdir(), 'areas-uploads-'));

export function must<T>(r: Result<T>, what = 'command'): T {
	if (!r.ok) throw new Error(`${what} refused: ${r.error} ${JSON.stringify(r.fields ?? {})}`);
	return r.value;
}

export const jinwei = (w: World) => ({ communityId: w.ids.community.jinwei });
export const areaAt = (w: World, id: number) => ({ communityId: w.ids.community.jinwei, id });
export const claimAt = (w: World, id: number, claimId: number) => ({ communityId: w.ids.community.jinwei, id, claimId });
export const logAt = (w: World, id: number, logId: number) => ({ communityId: w.ids.community.jinwei, id, logId });

export const areaForm = (over: Record<string, unknown> = {}) => ({
	name: '3 棟東側綠地',
	kind: 'green',
	place: '金韋花園 3 棟東側',
	duties: '每月至少一次**撿拾垃圾**、拔除雜草。',
	capacity: '1',
	termMonths: '12',
	minCareDays: '30',
	photo: [],
	...over
});

/** A jinwei area made by committee1 (throws if refused); returns its id. */
export async function makeArea(w: World, over: Record<string, unknown> = {}, now = w.now): Promise<number> {
	return must(await createArea(w.db, w.actor('committee1'), jinwei(w), areaForm(over), now), 'create area').id;
}

/** `username` claims an area for themself (or as asked) and returns the claim's id. */
export function claim(w: World, username: string, areaId: number, input: Record<string, unknown> = {}, now = w.now): number {
	return must(claimArea(w.db, w.actor(username), areaAt(w, areaId), input, now), `claim by ${username}`).claimId;
}

export const careForm = (on: number, over: Record<string, unknown> = {}) => ({ caredOn: chinaDate(on), minutes: '60', people: '1', kind: 'cleaning', note: '撿了兩袋垃圾。', photos: [], ...over });

export async function logOn(w: World, username: string, areaId: number, claimId: number, on: number, now = on, over: Record<string, unknown> = {}) {
	return must(await logCare(w.db, w.actor(username), claimAt(w, areaId, claimId), careForm(on, over), now), `log by ${username}`);
}

/** Adds verified residents of jinwei living at one address (a household), usernames `{prefix}1..n`. */
export function addHousehold(w: World, n: number, prefix: string, address: [string, string, string] = ['金韋花園', '3', '1-502']): string[] {
	const communityId = w.ids.community.jinwei;
	return Array.from({ length: n }, (_, i) => {
		const username = `${prefix}${i + 1}`;
		const user = w.db.insert(users).values({ username, displayName: `${prefix}家${i + 1}`, passwordHash: 'x', createdAt: w.now }).returning().get();
		w.db.insert(memberships)
			.values({ userId: user.id, role: 'resident', status: 'verified', communityId, streetId: w.ids.streetId, scopeKey: scopeKeyOf({ communityId }), compound: address[0], building: address[1], unit: address[2], createdAt: w.now })
			.run();
		return username;
	});
}

/** An approved team of jinwei created by `lead`, with `members` joined. */
export function makeTeam(w: World, lead: string, members: string[] = [], name = '金韋志願隊'): number {
	const team = must(createTeam(w.db, w.actor(lead), jinwei(w), { name, description: '每週六上午一起打掃。', named: 'on' }, w.now), 'create team').id;
	must(reviewTeam(w.db, w.actor('committee1'), areaAt(w, team), { decision: 'approve' }, w.now), 'approve team');
	for (const m of members) must(joinTeam(w.db, w.actor(m), areaAt(w, team), { named: 'on' }, w.now), `join ${m}`);
	return team;
}

export const claimRow = (db: Db, id: number) => db.select().from(areaClaims).where(eq(areaClaims.id, id)).get()!;

export const userIdOf = (db: Db, username: string) => db.select().from(users).where(eq(users.username, username)).get()!.id;

/** A phone's photo with its GPS position in EXIF (tests/fixtures/gps.jpg). */
export const gpsPhoto = () => ({ name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: new Uint8Array(readFileSync('tests/fixtures/gps.jpg')) });
/** A small plain picture. */
export const pngPhoto = (name = 'care.png') => ({ name, type: 'image/png', bytes: new Uint8Array(encodePng(64, 48, (x, y) => [(x * 4) % 256, (y * 5) % 256, 120])) });
