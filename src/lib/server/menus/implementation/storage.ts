// Photo files under the data folder: UPLOADS_DIR (default data/uploads)/projects/<random>.<ext>.
// Names are ours, never the uploader's, so no path or name from a person reaches the disk.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { PhotoType } from './schema';
import type { CheckedPhoto } from './photos';

const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const FILE_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

export function photosDir(): string {
	return resolve(process.env.UPLOADS_DIR ?? 'data/uploads', 'projects');
}

/** Writes the photos and returns their file names; on any failure removes what it wrote and throws. */
export function storePhotos(photos: CheckedPhoto[]): string[] {
	if (!photos.length) return [];
	const dir = photosDir();
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
		removePhotos(written);
		throw e;
	}
}

export function removePhotos(names: string[]) {
	const dir = photosDir();
	for (const name of names) if (FILE_NAME.test(name)) rmSync(join(dir, name), { force: true });
}

/** The bytes of a stored photo, or null when the name is not one of ours or the file is gone. */
export function readPhoto(name: string): Buffer | null {
	if (!FILE_NAME.test(name)) return null;
	try {
		return readFileSync(join(photosDir(), name));
	} catch (e) {
		// a photo whose file is gone is not found; any other failure (permissions, disk) is a real error
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
}
