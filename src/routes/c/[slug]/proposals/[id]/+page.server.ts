import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db/client';
import { secondProposal, withdrawProposal } from '$lib/server/proposals/commands';
import { answerProposal, markForMenu, mergeProposal } from '$lib/server/proposals/respond';
import { mergeOptionsFor, mergeTargets, proposalDetail } from '$lib/server/proposals/queries';
import { acceptsSeconds, answeredLate, awaitsResponse, daysLeft, editable, isOverdue, withdrawable } from '$lib/server/proposals/rules';
import { renderMarkdown } from '$lib/markdown';
import { can } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity, safeNext } from '$lib/server/http';
import type { Result } from '$lib/server/result';

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const actor = locals.actor;
	const detail = proposalDetail(db, community.id, Number(params.id), actor?.userId ?? null);
	if (!detail) error(404, t('error_not_found'));
	const p = detail.proposal;
	const now = Date.now();
	const subject = { communityId: community.id, streetId: community.streetId };
	const mine = actor?.userId === p.authorId;
	const canRespond = can(actor, 'proposal.respond', subject) && awaitsResponse(p);
	return {
		proposal: {
			id: p.id,
			title: p.title,
			bodyHtml: renderMarkdown(p.body),
			category: p.category,
			location: p.location,
			state: p.state,
			secondCount: p.secondCount,
			authorName: p.authorName,
			createdAt: p.createdAt,
			editedAt: p.editedAt,
			qualifiedAt: p.qualifiedAt,
			responseDueAt: p.responseDueAt,
			respondedAt: p.respondedAt,
			responderName: p.responderName,
			responseHtml: p.responseNote ? renderMarkdown(p.responseNote) : null,
			overdue: isOverdue(p, now),
			daysLeft: daysLeft(p, now),
			answeredLate: answeredLate(p)
		},
		mergedInto: detail.mergedInto,
		mergedFrom: detail.mergedFrom,
		events: detail.events,
		consultation: detail.consultation && {
			...detail.consultation,
			resolutionHtml: detail.consultation.resolution ? renderMarkdown(detail.consultation.resolution) : null
		},
		menuIds: detail.menuIds,
		seconded: detail.seconded,
		mine,
		signedIn: !!actor,
		canSecond: can(actor, 'proposal.second', subject) && !mine && !detail.seconded && acceptsSeconds(p),
		canEdit: mine && editable(p),
		canWithdraw: mine && withdrawable(p),
		canRespond,
		canConsult: canRespond && can(actor, 'consultation.open', subject),
		merge: canRespond ? mergeOptionsFor(p.title, p.id, mergeTargets(db, community.id)) : { similar: [], rest: [] }
	};
};

/** Runs a command on this proposal; on success goes back where the form came from (the page or the desk). */
async function act(event: RequestEvent, run: (actor: NonNullable<App.Locals['actor']>, id: number, input: Record<string, string | string[]>, now: number) => Result<unknown>) {
	const actor = requireActor(event);
	const community = requireCommunity(event.params.slug);
	const data = await event.request.formData();
	const input = formObject(data);
	const result = run(actor, Number(event.params.id), input, Date.now());
	if (!result.ok) return failure(result, formValues(data), event.url);
	const back = typeof input.returnTo === 'string' && input.returnTo ? safeNext(input.returnTo) : null;
	redirect(303, back ?? `/c/${community.slug}/proposals/${event.params.id}`);
}

export const actions: Actions = {
	second: (event) => act(event, (actor, id, _input, now) => secondProposal(getDb(), actor, id, now)),
	withdraw: (event) => act(event, (actor, id, _input, now) => withdrawProposal(getDb(), actor, id, now)),
	answer: (event) => act(event, (actor, id, input, now) => answerProposal(getDb(), actor, id, input, now)),
	menu: (event) => act(event, (actor, id, input, now) => markForMenu(getDb(), actor, id, input, now)),
	merge: (event) => act(event, (actor, id, input, now) => mergeProposal(getDb(), actor, id, input, now))
};
