// Uploaded pictures are decoded, not trusted by their first bytes: a PNG signature followed by HTML, or a
// 30000×30000 PNG that is 109 KB on disk (3.6 GB decoded), used to be stored as they came. A picture is
// kept only if libvips (sharp) decodes it as JPEG, PNG or WebP within 40 megapixels; what is stored is a
// fresh encoding of its pixels, turned the way the camera meant (EXIF orientation), with no EXIF left —
// so no GPS position, camera serial or anything appended after the image data.
import sharp from 'sharp';

export const MAX_PIXELS = 40_000_000;

const TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type ImageType = (typeof TYPES)[keyof typeof TYPES];
export type Picture = { bytes: Buffer; type: ImageType; width: number; height: number };
export type PictureRefusal = 'not_a_picture' | 'too_many_pixels';
export type PictureResult = { ok: true; picture: Picture } | { ok: false; error: PictureRefusal };

// An upload server decodes each picture once: libvips' operation cache would only hold on to memory.
sharp.cache(false);

const isFormat = (format: string | undefined): format is keyof typeof TYPES => !!format && format in TYPES;
const refusal = (e: unknown): PictureRefusal => (/pixel limit/i.test(String(e)) ? 'too_many_pixels' : 'not_a_picture');

/**
 * Decodes `bytes` and encodes them again. `expected` is the type its signature claimed: a file that
 * starts like a PNG must decode as one.
 */
export async function reencodePicture(bytes: Uint8Array, expected?: ImageType): Promise<PictureResult> {
	let format: keyof typeof TYPES;
	try {
		// reads the headers only: the size is known (and refused) before any pixel is decoded
		const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
		if (!isFormat(meta.format) || (expected && TYPES[meta.format] !== expected)) return { ok: false, error: 'not_a_picture' };
		if (!meta.width || !meta.height) return { ok: false, error: 'not_a_picture' };
		if (meta.width * meta.height > MAX_PIXELS) return { ok: false, error: 'too_many_pixels' };
		format = meta.format;
	} catch (e) {
		return { ok: false, error: refusal(e) };
	}
	try {
		const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
		const encoded = format === 'jpeg' ? image.jpeg({ quality: 85 }) : format === 'png' ? image.png() : image.webp({ quality: 85 });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		return { ok: true, picture: { bytes: data, type: TYPES[format], width: info.width, height: info.height } };
	} catch (e) {
		return { ok: false, error: refusal(e) };
	}
}
