import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { castBallot } from '$lib/server/menus/ballots';
import { ballotOf, projectsOf } from '$lib/server/menus/queries';
import { renderMarkdown } from '$lib/markdown';
import { formAction, formValues, recordInCommunity } from '$lib/server/http';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { menu } = await parent();
	const db = getDb();
	const projects = projectsOf(db, menu.id).flatMap((p) =>
		p.feasibility === 'feasible' && p.finalCost !== null ? [{ id: p.id, title: p.title, cost: p.finalCost, descriptionHtml: renderMarkdown(p.description) }] : []
	);
	// A person's own ballot, shown (and kept ticked) even after the vote has closed.
	const mine = locals.user ? ballotOf(db, menu.id, locals.user.id) : null;
	return {
		projects,
		mine: mine ? { projectIds: mine.projectIds.map(String), updatedAt: mine.updatedAt } : null,
		signedIn: !!locals.user
	};
};

export const actions: Actions = {
	vote: formAction(castBallot, {
		target: recordInCommunity,
		to: (_v, e) => e.url.pathname,
		flash: (v) => (v.replaced ? 'flash_ballot_changed' : 'flash_ballot_cast'),
		/** A refused ballot comes back with every tick kept (formValues keeps one string per field). */
		values: (data) => ({ ...formValues(data), projectIds: data.getAll('projectIds').filter((v): v is string => typeof v === 'string').join(',') }),
		// the last evening of a vote: ballots arriving together share one COMMIT, each acknowledged after it
		groupCommit: true
	})
};
