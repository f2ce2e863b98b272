// A refused form keeps the photos a signed-in person chose: the new-proposal action (formAction with its similar
// step) run as a browser posts it, against a migrated database file of the demo foundation.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../../src/lib/server/db/client';
import { seedFoundation } from '../../../src/scripts/demo/foundation';
import { users } from '../../../src/lib/server/auth/schema';
import { loadActor } from '../../../src/lib/server/residency/queries';
import { proposalPhotos, proposals } from '../../../src/lib/server/proposals/schema';
import { heldUploads } from '../../../src/lib/server/uploads/schema';
import { fixture, useTempUploads } from '../implementation/fixture';
import { validProposal } from '../proposals/helpers';
import { actions } from '../../../src/routes/c/[slug]/proposals/new/+page.server';
import { holdFiles } from '../../../src/lib/server/uploads/held';
import { readFormFiles } from '../../../src/lib/server/http';
import { heldField } from '../../../src/lib/held-files';
import { PB_FILE } from '../../../src/lib/server/menus/validation';

process.env.DATABASE_URL = join(mkdtempSync(join(tmpdir(), 'held-')), 'app.db');
beforeAll(() => {
	useTempUploads();
	seedFoundation(getDb(), '$argon2id$v=19$m=19456,t=2,p=1$fake$fake', Date.now());
});

const actor = (username: string) => loadActor(getDb(), getDb().select().from(users).where(eq(users.username, username)).get()!, '127.0.0.1');
type Photo = [name: string, fixture: string, type: string];
const JPG: Photo = ['front.jpg', 'photo.jpg', 'image/jpeg'];
const PNG: Photo = ['side.png', 'photo.png', 'image/png'];
const WEBP: Photo = ['more.webp', 'photo.webp', 'image/webp'];

/** The new-proposal form posted by `username` with these fields (repeated ones as arrays) and photos. */
type Refused = { errors: Record<string, string>; held: Record<string, { token: string; name: string }[]>; similar?: unknown[] };
type Answer = { status: number; data: Refused } | { status: number; location: string };

async function post(username: string | null, fields: Record<string, string | string[]>, photos: Photo[] = []): Promise<Answer> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	for (const [name, file, type] of photos) body.append('photos', new File([fixture(file)], name, { type }));
	if (!photos.length) body.append('photos', new File([], '', { type: 'application/octet-stream' }));
	const url = new URL('http://localhost/c/jinwei/proposals/new');
	const event = {
		request: new Request(url, { method: 'POST', body }),
		url,
		params: { slug: 'jinwei' },
		locals: { actor: username ? actor(username) : null },
		cookies: { set() {}, get: () => undefined, delete() {} }
	} as unknown as RequestEvent;
	try {
		const answer = await actions.default(event as never);
		if (!isActionFailure(answer)) throw new Error('expected a refusal or a redirect');
		return { status: answer.status, data: answer.data as unknown as Refused };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}
const idOf = (location: string | undefined) => Number(location?.split('/').pop());
const photosOf = (id: number) => getDb().select().from(proposalPhotos).where(eq(proposalPhotos.proposalId, id)).orderBy(proposalPhotos.position).all();
const heldRows = () => getDb().select().from(heldUploads).all();

describe('a refused proposal form with photos chosen', () => {
	it('holds them, lists them beside the field, and files them (held first, then the new one) next time', async () => {
		const refused = await post('resident1', validProposal({ title: 'x' }), [JPG, PNG]);
		expect(refused.status).toBe(400);
		if (!('data' in refused)) throw new Error('not refused');
		expect(refused.data.errors.title).toBeTruthy();
		expect(refused.data.errors.photos).toBeUndefined();
		expect(refused.data.held.photos.map((h) => h.name)).toEqual(['front.jpg', 'side.png']);
		const tokens = refused.data.held.photos.map((h) => h.token);

		const filed = await post('resident1', { ...validProposal({ title: '單車棚屋頂漏水' }), 'held-photos': tokens }, [WEBP]);
		expect(filed.status).toBe(303);
		const id = idOf('location' in filed ? filed.location : undefined);
		expect(photosOf(id).map((p) => p.contentType)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
		// filed: the held rows are gone
		expect(heldRows().filter((r) => tokens.includes(r.token))).toEqual([]);
	});

	it("refuses another person's tokens (or made-up ones) beside the field, files nothing, and never fails", async () => {
		const refused = await post('resident1', validProposal({ title: 'x' }), [JPG]);
		const tokens = 'data' in refused ? refused.data.held.photos.map((h) => h.token) : [];
		const before = getDb().select().from(proposals).all().length;
		for (const stolen of [tokens, ['0'.repeat(32)], ['../../etc/passwd']]) {
			const r = await post('resident2', { ...validProposal({ title: '別人的照片不能拿' }), 'held-photos': stolen });
			expect(r.status).toBe(400);
			expect('data' in r && r.data.errors.photos).toMatch(/過期|expired/);
		}
		expect(getDb().select().from(proposals).all().length).toBe(before);
		// still the owner's
		expect(heldRows().filter((r) => tokens.includes(r.token))).toHaveLength(1);
	});

	it('lets held photos go when the person ticks them away, and files without them', async () => {
		const refused = await post('resident1', validProposal({ title: 'x' }), [JPG]);
		const tokens = 'data' in refused ? refused.data.held.photos.map((h) => h.token) : [];
		const filed = await post('resident1', { ...validProposal({ title: '垃圾桶蓋子壞了' }), 'held-photos': tokens, 'discard-photos': 'on' });
		expect(filed.status).toBe(303);
		expect(photosOf(idOf('location' in filed ? filed.location : undefined))).toEqual([]);
		expect(heldRows().filter((r) => tokens.includes(r.token))).toEqual([]);
	});

	it('does not hold photos that are themselves the problem (too many), and says so', async () => {
		const before = heldRows().length;
		const r = await post('resident1', validProposal({ title: 'x' }), [JPG, JPG, PNG, PNG, WEBP]);
		expect(r.status).toBe(400);
		expect('data' in r && r.data.errors.photos).toBeTruthy();
		expect('data' in r && r.data.held.photos).toBeUndefined();
		expect(heldRows().length).toBe(before);
	});

	it('keeps them across the similar-proposals step, and the next press files them', async () => {
		const first = await post('resident3', validProposal({ title: '八棟門口路燈不亮' }));
		expect(first.status).toBe(303);
		const similar = await post('resident1', validProposal({ title: '八棟門口路燈不亮了' }), [JPG, PNG]);
		expect(similar.status).toBe(409);
		if (!('data' in similar)) throw new Error('no similar step');
		expect(similar.data.similar?.length).toBeGreaterThan(0);
		expect(similar.data.held.photos.map((h) => h.name)).toEqual(['front.jpg', 'side.png']);
		const seen = (similar.data.similar as { id: number }[]).map((s) => s.id).join(',');
		const filed = await post('resident1', { ...validProposal({ title: '八棟門口路燈不亮了' }), seen, 'held-photos': similar.data.held.photos.map((h) => h.token) });
		expect(filed.status).toBe(303);
		expect(photosOf(idOf('location' in filed ? filed.location : undefined))).toHaveLength(2);
	});
});

// A field that takes one file (a Pabulib election): a file chosen after a refusal takes the place of the one
// held, instead of being sent beside it (two files, where one is allowed, would be refused again).
const file = (name: string, text: string) => ({ name, type: 'text/plain', bytes: new TextEncoder().encode(text) });

describe('a one-file field', () => {
	it('sends the file chosen now, not the one held, and lets the held one go; with nothing chosen, the held one', async () => {
		const now = Date.now();
		const actor = loadActor(getDb(), getDb().select().from(users).where(eq(users.username, 'street')).get()!, '127.0.0.1');
		const held = holdFiles(getDb(), actor.userId, 'file', [], [file('bad.pb', '壞的')], PB_FILE, now);
		if (!held.ok) throw new Error(held.error);
		const token = held.held[0].token;

		const keepOnly = new FormData();
		keepOnly.append(heldField('file'), token);
		keepOnly.append('file', new File([], '', { type: 'application/octet-stream' }));
		const kept = await readFormFiles(keepOnly, actor, { file: PB_FILE }, now);
		expect(kept.input.file.map((f) => f.name)).toEqual(['bad.pb']);

		const another = new FormData();
		another.append(heldField('file'), token);
		another.append('file', new File(['好的'], 'good.pb', { type: 'text/plain' }));
		const replaced = await readFormFiles(another, actor, { file: PB_FILE }, now);
		expect(replaced.input.file.map((f) => f.name)).toEqual(['good.pb']);
		expect(replaced.gone).toEqual([]);
		expect(getDb().select().from(heldUploads).where(eq(heldUploads.token, token)).all()).toEqual([]);
	});
});
