import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { answerProposal, markForMenu, mergeProposal, secondProposal, withdrawProposal } from '$lib/server/proposals/commands';
import { proposalAbilities } from '$lib/server/proposals/abilities';
import { openConsultation } from '$lib/server/consultations/commands';
import { mergeOptionsFor, mergeTargets, proposalDetail } from '$lib/server/proposals/queries';
import { answeredLate, daysLeft, isOverdue } from '$lib/server/proposals/rules';
import { renderMarkdown } from '$lib/markdown';
import { t } from '$lib/server/i18n';
import { formAction, recordInCommunity } from '$lib/server/http';

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const actor = locals.actor;
	const detail = proposalDetail(db, community.id, Number(params.id), actor?.userId ?? null);
	if (!detail) error(404, t('error_not_found'));
	const p = detail.proposal;
	const now = Date.now();
	const can = proposalAbilities(actor, { proposal: p, community }, now);
	const canRespond = can.answer || can.markForMenu || can.merge;
	return {
		photos: detail.photos,
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
		mine: actor?.userId === p.authorId,
		signedIn: !!actor,
		canSecond: can.second && !detail.seconded,
		canEdit: can.edit,
		canWithdraw: can.withdraw,
		canRespond,
		canConsult: can.answer && openConsultation.allows(actor, community, now),
		merge: canRespond ? mergeOptionsFor(p.title, p.id, mergeTargets(db, community.id)) : { similar: [], rest: [] }
	};
};

const here = (_v: unknown, e: { url: URL }) => e.url.pathname;

export const actions: Actions = {
	second: formAction(secondProposal, { target: recordInCommunity, to: here, flash: 'flash_seconded' }),
	withdraw: formAction(withdrawProposal, { target: recordInCommunity, to: here, flash: 'flash_withdrawn' }),
	answer: formAction(answerProposal, { target: recordInCommunity, to: here, flash: 'flash_answered' }),
	menu: formAction(markForMenu, { target: recordInCommunity, to: here, flash: 'flash_marked_menu' }),
	merge: formAction(mergeProposal, { target: recordInCommunity, to: here, flash: 'flash_merged' })
};
