import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { implementationTarget, projectImplementation } from '$lib/server/menus/implementation/queries';
import { acceptProject, addSpendingLine, editSpendingLine, postProgress, type PhotoUpload } from '$lib/server/menus/implementation/commands';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '$lib/server/menus/implementation/validation';
import { can } from '$lib/server/policy';
import { renderMarkdown } from '$lib/markdown';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';

const idParam = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : 0);

export const load: PageServerLoad = async ({ params, parent, locals, url }) => {
	const { community } = await parent();
	const found = projectImplementation(getDb(), community.id, idParam(params.id), idParam(params.projectId));
	if (!found || !found.project.selected) error(404, t('error_not_found'));
	const subject = { communityId: community.id, streetId: community.streetId };
	const open = found.menu.source === 'native' && found.menu.resultsPublishedAt !== null;
	const editId = idParam(url.searchParams.get('edit') ?? '');
	return {
		...found,
		descriptionHtml: found.project.description.trim() ? renderMarkdown(found.project.description) : '',
		maxPhotos: MAX_PHOTOS,
		maxPhotoBytes: MAX_PHOTO_BYTES,
		canPost: open && found.project.state !== 'accepted' && can(locals.actor, 'menu.post_progress', subject),
		canSpend: open && can(locals.actor, 'menu.record_spending', subject),
		canAccept: open && can(locals.actor, 'menu.accept_project', subject),
		editing: found.spending.find((l) => l.id === editId) ?? null,
		saved: url.searchParams.get('saved')
	};
};

/** Back to the page after a change, with a note of what was saved (works the same with or without JS). */
function done(event: RequestEvent, what: string, anchor: string): never {
	redirect(303, `${event.url.pathname}?saved=${what}#${anchor}`);
}

/** The project named by the URL; a project of another community's menu is not found here. */
function target(event: RequestEvent) {
	const community = requireCommunity(event.params.slug!);
	const menuId = idParam(event.params.id!);
	const projectId = idParam(event.params.projectId!);
	if (implementationTarget(getDb(), menuId, projectId)?.community.id !== community.id) error(404, t('error_not_found'));
	return { menuId, projectId };
}

/** The photos of a multipart form as bytes; an empty file input sends one empty, nameless file. */
async function uploads(data: FormData): Promise<PhotoUpload[]> {
	const files = data.getAll('photos').filter((v): v is File => typeof v !== 'string');
	return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export const actions: Actions = {
	progress: async (event) => {
		const data = await event.request.formData();
		const { menuId, projectId } = target(event);
		const result = await postProgress(getDb(), requireActor(event), { ...formObject(data), menuId, projectId }, await uploads(data), Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		done(event, 'progress', 'timeline');
	},
	spending: async (event) => {
		const data = await event.request.formData();
		const { menuId, projectId } = target(event);
		const input = { ...formObject(data), menuId, projectId };
		const actor = requireActor(event);
		const result = data.get('lineId') ? editSpendingLine(getDb(), actor, input, Date.now()) : addSpendingLine(getDb(), actor, input, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		done(event, 'spending', 'spending');
	},
	accept: async (event) => {
		const data = await event.request.formData();
		const { menuId, projectId } = target(event);
		const result = acceptProject(getDb(), requireActor(event), { ...formObject(data), menuId, projectId }, Date.now());
		if (!result.ok) return failure(result, formValues(data), event.url);
		done(event, 'acceptance', 'acceptance');
	}
};
