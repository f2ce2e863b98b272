// A proposal filed in the browser may bring up to four photos: decoded and stored without their EXIF, or refused
// with the reason beside the field and nothing stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { fixture, useTempUploads } from '../implementation/fixture';
import { fileProposal } from '../../../src/lib/server/proposals/commands';
import { proposalDetail } from '../../../src/lib/server/proposals/queries';
import { proposalPhotos, proposals } from '../../../src/lib/server/proposals/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { mediaDir } from '../../../src/lib/server/media/storage';
import { askAgainForFiles } from '../../../src/lib/server/http';
import { validProposal } from './helpers';

const stored = () => {
	try {
		return readdirSync(mediaDir('proposals'));
	} catch {
		return [];
	}
};
const upload = (name: string) => ({ name, bytes: fixture(name) });

beforeAll(useTempUploads);

describe('photos on a proposal', () => {
	it('stores up to four, in order, re-encoded without their location, and shows them on the proposal', async () => {
		const w = demoWorld();
		const before = stored().length;
		const r = await fileProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, { ...validProposal(), photos: [upload('gps.jpg'), upload('photo.png')] }, w.now);
		expect(r.ok).toBe(true);
		const id = r.ok ? r.value.id : 0;
		const rows = w.db.select().from(proposalPhotos).where(eq(proposalPhotos.proposalId, id)).all();
		expect(rows.map((p) => [p.position, p.contentType])).toEqual([
			[0, 'image/jpeg'],
			[1, 'image/png']
		]);
		expect(stored().length).toBe(before + 2);
		// the GPS block of gps.jpg is gone from what was stored
		expect(rows[0].size).not.toBe(fixture('gps.jpg').length);
		const detail = proposalDetail(w.db, w.ids.community.jinwei, id, null)!;
		expect(detail.photos.map((p) => p.url)).toEqual(rows.map((p) => `/media/proposals/${p.id}`));
		const audit = w.db.select().from(auditLog).where(eq(auditLog.action, 'proposal.create')).all().at(-1)!;
		expect(JSON.parse(audit.summary ?? '{}')).toMatchObject({ photos: 2 });
	});

	it('refuses a fifth photo, a file that is not a picture, and a picture too large, storing nothing', async () => {
		const w = demoWorld();
		const before = stored().length;
		const count = () => w.db.select().from(proposals).all().length;
		const proposalsBefore = count();
		const cases: [ReturnType<typeof upload>[], string][] = [
			[Array.from({ length: 5 }, () => upload('photo.jpg')), 'err_proposal_photos_too_many'],
			[[upload('fake.jpg')], 'err_photo_type'],
			[[upload('png-header-html.png')], 'err_photo_not_picture'],
			[[upload('huge-30000.png')], 'err_photo_too_many_pixels']
		];
		for (const [photos, field] of cases) {
			const r = await fileProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, { ...validProposal(), photos }, w.now);
			expect(r).toMatchObject({ ok: false, error: 'invalid', fields: { photos: field } });
		}
		expect(count()).toBe(proposalsBefore);
		expect(stored().length).toBe(before);
	});

	it('is for residents of the community only, like any proposal', async () => {
		const w = demoWorld();
		const r = await fileProposal(w.db, w.actor('resident1'), { communityId: w.ids.community.fenghuangshan }, { ...validProposal(), photos: [upload('photo.jpg')] }, w.now);
		expect(r.ok).toBe(false);
	});
});

describe('a refused form with photos chosen', () => {
	it('asks for the photos again beside their field, unless the photos are what is wrong', () => {
		const input = { photos: [{ name: 'a.jpg', bytes: new Uint8Array(3) }], title: 'x' };
		expect(askAgainForFiles({ ok: false, error: 'invalid', fields: { title: 'err_proposal_title_length' } }, ['photos'], input).fields).toEqual({
			title: 'err_proposal_title_length',
			photos: 'err_files_choose_again'
		});
		expect(askAgainForFiles({ ok: false, error: 'invalid', fields: { photos: 'err_photo_type' } }, ['photos'], input).fields).toEqual({ photos: 'err_photo_type' });
		expect(askAgainForFiles({ ok: false, error: 'invalid', fields: {} }, ['photos'], { photos: [] }).fields).toEqual({});
	});
});
