// Photo files under the data folder: UPLOADS_DIR (default data/uploads)/<folder>/<random>.<ext>. Names are
// ours, never the uploader's, so no path or name from a person reaches the disk. Each domain keeps its own
// folder and its own table of photos (which record, which position); this module only holds the files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { CheckedPhoto, PhotoType } from './photos';

export const MEDIA_FOLDERS = ['projects', 'areas', 'care', 'plans', 'reports', 'proposals'] as const;
export type MediaFolder = (typeof MEDIA_FOLDERS)[number];

const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const FILE_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

export function mediaDir(folder: MediaFolder): string {
	return resolve(process.env.UPLOADS_DIR ?? 'data/uploads', folder);
}

/** Writes the photos and returns their file names; on any failure removes what it wrote and throws. */
export function storePhotos(folder: MediaFolder, photos: CheckedPhoto[]): string[] {
	if (!photos.length) return [];
	const dir = mediaDir(folder);
	mkdirSync(dir, { recursive: true });
	const written: string[] = [];
	try {
		for (const photo of photos) {
			const name = `${randomBytes(16).toString('hex')}.${EXTENSION[photo.type]}`;
			writeFileSync(join(dir, name), photo.bytes, { flag: 'wx' });
			written.push(name);
		}
		return written;
	} catch (e) {
		removePhotos(folder, written);
		throw e;
	}
}

export function removePhotos(folder: MediaFolder, names: string[]) {
	const dir = mediaDir(folder);
	for (const name of names) if (FILE_NAME.test(name)) rmSync(join(dir, name), { force: true });
}

/** The bytes of a stored photo, or null when the name is not one of ours or the file is gone. */
export function readPhoto(folder: MediaFolder, name: string): Buffer | null {
	if (!FILE_NAME.test(name)) return null;
	try {
		return readFileSync(join(mediaDir(folder), name));
	} catch (e) {
		// a photo whose file is gone is not found; any other failure (permissions, disk) is a real error
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}

/** A stored photo as an HTTP answer: never changes once stored, so it may be kept for a year. */
export function photoResponse(bytes: Buffer, contentType: string): Response {
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': contentType,
			'Content-Length': String(bytes.length),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'public, max-age=31536000, immutable'
		}
	});
}
