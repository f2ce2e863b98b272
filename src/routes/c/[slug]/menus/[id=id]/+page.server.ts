import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { ballotCount, ballotOf, projectsOf } from '$lib/server/menus/queries';
import { submitCandidate, reviewCandidate } from '$lib/server/menus/candidates';
import { advancePhase } from '$lib/server/menus/commands';
import { projectAbilities } from '$lib/server/menus/abilities';
import { loadMenu } from '$lib/server/menus/records';
import { advanceRefusal } from '$lib/server/menus/rules';
import { offeredProposals } from '$lib/server/menus/proposal-link';
import { renderMarkdown } from '$lib/markdown';
import { formAction, idParam, inCommunity, recordInCommunity } from '$lib/server/http';
import { t } from '$lib/server/i18n';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { menu, menuCan, community } = await parent();
	const db = getDb();
	const record = loadMenu(db, { communityId: community.id, id: menu.id });
	if (!record) error(404, t('error_not_found'));
	const now = Date.now();
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
		createdAt: p.createdAt,
		canReview: projectAbilities(locals.actor, { ...record, project: p }, now).review
	}));
	const mine = locals.user ? ballotOf(db, menu.id, locals.user.id) : null;
	// What the advance command would refuse, said before anyone tries it.
	const refused = menu.next ? advanceRefusal(menu.next.phase, projects.filter((p) => p.feasibility === 'feasible').length) : null;
	return {
		projects,
		advanceRefusal: refused ? t(`error_${refused}`) : null,
		ballots: ballotCount(db, menu.id),
		voted: mine !== null,
		proposals: menuCan.submit ? offeredProposals(db, community.id) : []
	};
};

/** The project a review form names, on the menu of this URL. */
const namedProject = (event: Pick<RequestEvent, 'params'>, input: Record<string, unknown>) => ({
	...inCommunity(event),
	menuId: idParam(event.params.id),
	projectId: idParam(typeof input.projectId === 'string' ? input.projectId : '')
});

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;

export const actions: Actions = {
	submit: formAction(submitCandidate, { target: recordInCommunity, to: here, flash: 'flash_candidate_submitted', form: 'submit' }),
	review: formAction(reviewCandidate, {
		target: namedProject,
		to: (v, e) => `${e.url.pathname}#project-${v.projectId}`,
		flash: 'flash_candidate_reviewed',
		form: 'review'
	}),
	advance: formAction(advancePhase, { target: recordInCommunity, to: here, flash: (v) => `flash_menu_advanced_${v.phase}`, form: 'advance' })
};
