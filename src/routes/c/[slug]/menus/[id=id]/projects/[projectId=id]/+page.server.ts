import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { loadProject } from '$lib/server/menus/records';
import { projectAbilities } from '$lib/server/menus/abilities';
import { projectImplementation } from '$lib/server/menus/implementation/queries';
import { acceptProject, addSpendingLine, editSpendingLine, postProgress } from '$lib/server/menus/implementation/commands';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PROGRESS_PHOTOS } from '$lib/server/menus/implementation/validation';
import { renderMarkdown } from '$lib/markdown';
import { t } from '$lib/server/i18n';
import { formAction, idParam, inCommunity, loginUrl } from '$lib/server/http';
import { ratingPanel } from '$lib/server/ratings/queries';
import { ratingActions } from '$lib/server/ratings/actions';

/** The project named by the URL: a project of another menu, or of another community's menu, is not found. */
const projectTarget = (event: Pick<RequestEvent, 'params'>) => ({
	...inCommunity(event),
	menuId: idParam(event.params.id),
	projectId: idParam(event.params.projectId)
});
/** The project as a rating subject (rated once it is accepted). */
const ratingTarget = (event: Pick<RequestEvent, 'params'>) => ({ ...inCommunity(event), kind: 'project' as const, subjectId: idParam(event.params.projectId) });

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const { menu } = await event.parent();
	const db = getDb();
	const record = loadProject(db, projectTarget(event));
	if (!record || !record.project.selected) error(404, t('error_not_found'));
	const found = projectImplementation(db, record);
	const can = projectAbilities(locals.actor, record, Date.now());
	const editId = idParam(url.searchParams.get('edit'));
	return {
		...found,
		// The menu's way of writing amounts, from the layout (this page's `menu` is the implementation's own).
		money: menu.money,
		descriptionHtml: found.project.description.trim() ? renderMarkdown(found.project.description) : '',
		maxPhotos: MAX_PHOTOS,
		maxPhotoBytes: MAX_PHOTO_BYTES,
		canPost: can.post,
		canSpend: can.addSpending,
		canEditSpending: can.editSpending,
		canAccept: can.accept,
		editing: can.editSpending ? (found.spending.find((l) => l.id === editId) ?? null) : null,
		rating: ratingPanel(db, locals.actor, ratingTarget(event), Date.now()),
		loginHref: loginUrl(url)
	};
};

/** Back to the page, at the section that changed (works the same with or without JavaScript). */
const at = (anchor: string) => (_v: unknown, e: RequestEvent) => `${e.url.pathname}#${anchor}`;

const rating = ratingActions(ratingTarget);

export const actions: Actions = {
	progress: formAction(postProgress, { target: projectTarget, to: at('timeline'), flash: 'flash_progress_posted', files: { photos: PROGRESS_PHOTOS } }),
	addSpending: formAction(addSpendingLine, { target: projectTarget, to: at('spending'), flash: 'flash_spending_saved' }),
	editSpending: formAction(editSpendingLine, { target: projectTarget, to: at('spending'), flash: 'flash_spending_saved' }),
	accept: formAction(acceptProject, { target: projectTarget, to: at('acceptance'), flash: 'flash_project_accepted' }),
	rate: rating.rate,
	hideRating: rating.hideRating,
	restoreRating: rating.restoreRating
};
