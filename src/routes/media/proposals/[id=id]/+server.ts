// Photos residents attached to their proposals, served with the type read from their bytes at upload.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/client';
import { proposalPhotoById } from '$lib/server/proposals/queries';
import { photoResponse, readPhoto } from '$lib/server/media/storage';
import { idParam } from '$lib/server/http';
import { t } from '$lib/server/i18n';

export const GET: RequestHandler = ({ params }) => {
	const id = idParam(params.id);
	const photo = id ? proposalPhotoById(getDb(), id) : undefined;
	const bytes = photo ? readPhoto('proposals', photo.fileName) : null;
	if (!photo || !bytes) error(404, t('error_not_found'));
	return photoResponse(bytes, photo.contentType);
};
