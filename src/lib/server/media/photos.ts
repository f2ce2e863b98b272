// Uploaded photos are judged by their bytes, never by the name or type the browser sent: first cheaply
// (how many, how large, what their first bytes claim), then by decoding them (images.ts). Every domain that
// takes photos (progress updates, care logs, reports, the community plan) goes through here.
import { reencodePicture } from './images';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** One file from a multipart form, already read into memory. */
export type PhotoUpload = { name: string; bytes: Uint8Array };
export type CheckedPhoto = { bytes: Uint8Array; type: PhotoType };
/** How many photos one form takes, how large each may be, and the message when there are too many (it says the number). */
export type PhotoLimits = { max: number; maxBytes: number; tooMany: string };
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

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

type Checked = { ok: true; photos: CheckedPhoto[] } | { ok: false; field: string };

/**
 * The photos of one form, or the message key for the field. A file input left empty sends one nameless,
 * empty file: that is no photo, not a bad one.
 */
export function checkPhotos(uploads: PhotoUpload[], limits: PhotoLimits): Checked {
	const chosen = uploads.filter((u) => u.bytes.length > 0 || u.name !== '');
	if (chosen.length > limits.max) return { ok: false, field: limits.tooMany };
	const photos: CheckedPhoto[] = [];
	for (const upload of chosen) {
		if (upload.bytes.length > limits.maxBytes) return { ok: false, field: 'err_photo_too_big' };
		const type = detectImageType(upload.bytes);
		if (!type) return { ok: false, field: 'err_photo_type' };
		photos.push({ bytes: upload.bytes, type });
	}
	return { ok: true, photos };
}

/**
 * The photos decoded and encoded again (turned upright, without EXIF), one at a time since each may hold
 * 40 megapixels while it is decoded; or the message key for the field.
 */
export async function reencodePhotos(photos: CheckedPhoto[]): Promise<Checked> {
	const out: CheckedPhoto[] = [];
	for (const photo of photos) {
		const result = await reencodePicture(photo.bytes, photo.type);
		if (!result.ok) return { ok: false, field: result.error === 'too_many_pixels' ? 'err_photo_too_many_pixels' : 'err_photo_not_picture' };
		out.push({ bytes: result.picture.bytes, type: result.picture.type });
	}
	return { ok: true, photos: out };
}

/** Both steps: what a command's `before` calls with the uploads of its form. */
export async function acceptPhotos(uploads: PhotoUpload[], limits: PhotoLimits): Promise<Checked> {
	const checked = checkPhotos(uploads, limits);
	return checked.ok ? reencodePhotos(checked.photos) : checked;
}
