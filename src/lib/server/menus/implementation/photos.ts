// Uploaded photos are judged by their bytes, never by the name or type the browser sent.
import type { PhotoType } from './schema';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from './validation';

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
