import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { castBallot } from '$lib/server/menus/ballots';
import { ballotOf, projectsOf } from '$lib/server/menus/queries';
import { renderMarkdown } from '$lib/markdown';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { menu, menuCan } = await parent();
	const db = getDb();
	const projects = projectsOf(db, menu.id)
		.filter((p) => p.feasibility === 'feasible' && p.finalCost !== null)
		.map((p) => ({ id: p.id, title: p.title, cost: p.finalCost!, descriptionHtml: renderMarkdown(p.description) }));
	const mine = locals.user && menuCan.vote ? ballotOf(db, menu.id, locals.user.id) : null;
	return {
		projects,
		mine: mine ? { projectIds: mine.projectIds.map(String), updatedAt: mine.updatedAt } : null,
		saved: url.searchParams.get('saved') === '1',
		signedIn: !!locals.user
	};
};

export const actions: Actions = {
	vote: async (event) => {
		const data = await event.request.formData();
		const result = castBallot(getDb(), requireActor(event), { ...formObject(data), menuId: event.params.id }, Date.now());
		if (!result.ok) {
			const chosen = data.getAll('projectIds').filter((v): v is string => typeof v === 'string');
			return failure(result, { ...formValues(data), projectIds: chosen.join(',') }, event.url);
		}
		redirect(303, `/c/${event.params.slug}/menus/${event.params.id}/ballot?saved=1`);
	}
};
