import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { ballotCount, ballotOf, projectsOf } from '$lib/server/menus/queries';
import { submitCandidate, reviewCandidate } from '$lib/server/menus/candidates';
import { advancePhase } from '$lib/server/menus/commands';
import { offeredProposals } from '$lib/server/menus/proposal-link';
import { renderMarkdown } from '$lib/markdown';
import { failure, formObject, formValues, requireActor } from '$lib/server/http';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { menu, menuCan, community } = await parent();
	const db = getDb();
	const projects = projectsOf(db, menu.id).map((p) => ({
		id: p.id,
		title: p.title,
		descriptionHtml: renderMarkdown(p.description),
		estimatedCost: p.estimatedCost,
		finalCost: p.finalCost,
		feasibility: p.feasibility,
		infeasibleReason: p.infeasibleReason,
		proposalId: p.proposalId,
		submitterName: p.submitterName,
		selected: menu.resultsPublishedAt ? p.selected : null,
		votes: menu.resultsPublishedAt ? p.votes : null,
		createdAt: p.createdAt
	}));
	const mine = locals.user && menuCan.vote ? ballotOf(db, menu.id, locals.user.id) : null;
	return {
		projects,
		ballots: ballotCount(db, menu.id),
		voted: mine !== null,
		proposals: menuCan.submit && menu.phase === 'collect' ? offeredProposals(db, community.id) : []
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const data = await event.request.formData();
		const result = submitCandidate(getDb(), requireActor(event), { ...formObject(data), menuId: event.params.id }, Date.now());
		if (!result.ok) return failure(result, { ...formValues(data), form: 'submit' }, event.url);
		return { submitted: true };
	},
	review: async (event) => {
		const data = await event.request.formData();
		const result = reviewCandidate(getDb(), requireActor(event), formObject(data), Date.now());
		if (!result.ok) return failure(result, { ...formValues(data), form: 'review' }, event.url);
		return { reviewed: result.value.feasibility, projectId: String(data.get('projectId')) };
	},
	advance: async (event) => {
		const result = advancePhase(getDb(), requireActor(event), { menuId: event.params.id }, Date.now());
		if (!result.ok) return failure(result, { form: 'advance' }, event.url);
		return { advanced: result.value.phase };
	}
};
