// Uploaded photos are judged by their bytes, never by the name or type the browser sent: first cheaply
// (how many, how large, what their first bytes claim), then by decoding them (media/images.ts).
import type { PhotoType } from './schema';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from './validation';
import { reencodePicture } from '../../media/images';

/** One file from a multipart form, already read into memory. */
export type PhotoUpload = { name: string; bytes: Uint8Array };
export type CheckedPhoto = { bytes: Uint8Array; type: PhotoType };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** JPEG, PNG or WebP by their magic numbers; anything else is null. */
export function detectImageType(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) && startsWith(bytes, ascii('VP8'), 12)) return 'image/webp';
	return null;
}

/**
 * The photos of one update, or the message key for the field. A file input left empty sends one
 * nameless, empty file: that is no photo, not a bad one.
 */
export function checkPhotos(uploads: PhotoUpload[]): { ok: true; photos: CheckedPhoto[] } | { ok: false; field: string } {
	const chosen = uploads.filter((u) => u.bytes.length > 0 || u.name !== '');
	if (chosen.length > MAX_PHOTOS) return { ok: false, field: 'err_impl_photos_too_many' };
	const photos: CheckedPhoto[] = [];
	for (const upload of chosen) {
		if (upload.bytes.length > MAX_PHOTO_BYTES) return { ok: false, field: 'err_impl_photo_too_big' };
		const type = detectImageType(upload.bytes);
		if (!type) return { ok: false, field: 'err_impl_photo_type' };
		photos.push({ bytes: upload.bytes, type });
	}
	return { ok: true, photos };
}

/**
 * The photos decoded and encoded again (turned upright, without EXIF), one at a time since each may hold
 * 40 megapixels while it is decoded; or the message key for the field.
 */
export async function reencodePhotos(photos: CheckedPhoto[]): Promise<{ ok: true; photos: CheckedPhoto[] } | { ok: false; field: string }> {
	const out: CheckedPhoto[] = [];
	for (const photo of photos) {
		const result = await reencodePicture(photo.bytes, photo.type);
		if (!result.ok) return { ok: false, field: result.error === 'too_many_pixels' ? 'err_impl_photo_too_many_pixels' : 'err_impl_photo_not_picture' };
		out.push({ bytes: result.picture.bytes, type: result.picture.type });
	}
	return { ok: true, photos: out };
}
