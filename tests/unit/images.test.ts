// Uploaded pictures are decoded and stored as a new encoding (src/lib/server/media/images.ts).
// Fixtures: tests/fixtures/make-hostile-images.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_PIXELS, reencodePicture } from '../../src/lib/server/media/images';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

describe('reencodePicture refuses what is not a picture, or too big a one', () => {
	it('refuses a PNG signature followed by HTML', async () => {
		expect(await reencodePicture(fixture('png-header-html.png'), 'image/png')).toEqual({ ok: false, error: 'not_a_picture' });
	});

	it('refuses a 30000×30000 PNG of 109 KB before decoding it', async () => {
		const bytes = fixture('huge-30000.png');
		expect(bytes.length).toBeLessThan(120_000);
		const start = performance.now();
		expect(await reencodePicture(bytes, 'image/png')).toEqual({ ok: false, error: 'too_many_pixels' });
		expect(performance.now() - start).toBeLessThan(1000);
	});

	it('takes 40 megapixels, not one pixel more', async () => {
		const make = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#777' } }).png({ compressionLevel: 1 }).toBuffer();
		expect(8000 * 5000).toBe(MAX_PIXELS);
		expect((await reencodePicture(await make(8000, 5000))).ok).toBe(true);
		expect(await reencodePicture(await make(8000, 5001))).toEqual({ ok: false, error: 'too_many_pixels' });
	});

	it('refuses text, a truncated picture, and a picture whose bytes claim another type', async () => {
		expect(await reencodePicture(fixture('fake.jpg'))).toEqual({ ok: false, error: 'not_a_picture' });
		const jpeg = fixture('gps.jpg');
		expect(await reencodePicture(jpeg.subarray(0, 200), 'image/jpeg')).toEqual({ ok: false, error: 'not_a_picture' });
		expect(await reencodePicture(fixture('photo.png'), 'image/jpeg')).toEqual({ ok: false, error: 'not_a_picture' });
		const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
		expect(await reencodePicture(gif)).toEqual({ ok: false, error: 'not_a_picture' });
	});
});

describe('reencodePicture stores a clean copy', () => {
	it('drops what was appended after a real PNG', async () => {
		const r = await reencodePicture(fixture('png-then-html.png'), 'image/png');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.picture.bytes.includes(Buffer.from('<script>'))).toBe(false);
		expect(r.picture).toMatchObject({ type: 'image/png', width: 48, height: 32 });
	});

	it('removes EXIF: no GPS position and no camera in the stored JPEG', async () => {
		const original = fixture('gps.jpg');
		expect((await sharp(original).metadata()).exif).toBeDefined();
		expect(original.includes(Buffer.from('SpyCam'))).toBe(true);
		const r = await reencodePicture(original, 'image/jpeg');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const meta = await sharp(r.picture.bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(meta.format).toBe('jpeg');
		expect(r.picture.bytes.includes(Buffer.from('SpyCam'))).toBe(false);
		expect(r.picture.bytes.includes(Buffer.from('Exif\0'))).toBe(false);
	});

	it('turns an orientation-6 JPEG upright (90° clockwise) and leaves no orientation tag', async () => {
		const r = await reencodePicture(fixture('orientation-6.jpg'), 'image/jpeg');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.picture).toMatchObject({ width: 20, height: 40 });
		expect((await sharp(r.picture.bytes).metadata()).orientation).toBeUndefined();
		// stored pixels: left half red, right half blue; turned clockwise, red is on top
		const { data, info } = await sharp(r.picture.bytes).raw().toBuffer({ resolveWithObject: true });
		const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
		const [rTop, , bTop] = at(10, 5);
		const [rBottom, , bBottom] = at(10, 35);
		expect(rTop).toBeGreaterThan(150);
		expect(bTop).toBeLessThan(100);
		expect(bBottom).toBeGreaterThan(150);
		expect(rBottom).toBeLessThan(100);
	});

	it('keeps JPEG, PNG and WebP in their own format', async () => {
		for (const [name, type] of [['photo.jpg', 'image/jpeg'], ['photo.png', 'image/png'], ['photo.webp', 'image/webp']] as const) {
			const r = await reencodePicture(fixture(name), type);
			expect(r, name).toMatchObject({ ok: true, picture: { type } });
		}
	});
});
