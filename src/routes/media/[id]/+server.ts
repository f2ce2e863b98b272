// Stored photos, served with the type read from their bytes at upload. A photo never changes once
// stored, so browsers and proxies may keep it for a year.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { photoById } from '$lib/server/menus/implementation/queries';
import { readPhoto } from '$lib/server/menus/implementation/storage';
import { t } from '$lib/server/i18n';

export const GET: RequestHandler = ({ params }) => {
	const id = /^\d{1,12}$/.test(params.id) ? Number(params.id) : 0;
	const photo = id ? photoById(getDb(), id) : undefined;
	const bytes = photo ? readPhoto(photo.fileName) : null;
	if (!photo || !bytes) error(404, t('error_not_found'));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': photo.contentType,
			'Content-Length': String(bytes.length),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'public, max-age=31536000, immutable'
		}
	});
};
