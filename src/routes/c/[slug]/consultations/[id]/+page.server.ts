import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db/client';
import { postComment, reportComment } from '$lib/server/consultations/commands';
import { closeThread, hideComment, pinSummary, restoreComment, setLocked } from '$lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '$lib/server/consultations/stages';
import { threadDetail, type ThreadComment } from '$lib/server/consultations/queries';
import { commentBlock } from '$lib/server/consultations/rules';
import { renderMarkdown } from '$lib/markdown';
import { can, type Actor } from '$lib/server/policy';
import { t } from '$lib/server/i18n';
import { failure, formObject, formValues, requireActor, requireCommunity } from '$lib/server/http';
import type { Result } from '$lib/server/result';

const md = (s: string | null) => (s ? renderMarkdown(s) : null);
const shapeComment = (c: ThreadComment) => ({ ...c, bodyHtml: md(c.body), body: undefined });

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const actor = locals.actor;
	const subject = { communityId: community.id, streetId: community.streetId };
	const moderator = can(actor, 'consultation.moderate', subject);
	const d = threadDetail(getDb(), community.id, Number(params.id), actor ? { userId: actor.userId, moderator } : null);
	if (!d) error(404, t('error_not_found'));
	const th = d.thread;
	const blocked = commentBlock(th, Date.now());
	return {
		thread: {
			id: th.id,
			topic: th.topic,
			backgroundHtml: md(th.background),
			state: th.state,
			major: th.major,
			lockedAt: th.lockedAt,
			closesAt: th.closesAt,
			pinnedSummary: moderator ? th.pinnedSummary : null,
			pinnedHtml: md(th.pinnedSummary),
			pinnedAt: th.pinnedAt,
			resolutionHtml: md(th.resolution),
			closedAt: th.closedAt,
			closerName: th.closerName,
			implementationHtml: md(th.implementation),
			implementationAt: th.implementationAt,
			creatorName: th.creatorName,
			createdAt: th.createdAt,
			proposalId: th.proposalId,
			proposalTitle: th.proposalTitle
		},
		comments: d.comments.map((c) => ({ ...shapeComment(c), replies: c.replies.map(shapeComment) })),
		commentCount: d.commentCount,
		stances: d.stances,
		stages: d.stages.map((s) => ({ ...s, bodyHtml: renderMarkdown(s.body), body: undefined })),
		nextStage: d.nextStage,
		blocked,
		signedIn: !!actor,
		canComment: can(actor, 'consultation.comment', subject) && blocked === null,
		// committee and street staff answer comments officially (no stance)
		officialReplies: !can(actor, 'consultation.comment', subject) && can(actor, 'consultation.reply_official', subject) && blocked === null,
		canReport: can(actor, 'consultation.report_comment', subject),
		canModerate: moderator,
		canClose: can(actor, 'consultation.close', subject) && th.state === 'open',
		canRecordStage: can(actor, 'consultation.record_stage', subject) && th.major
	};
};

type Run = (db: ReturnType<typeof getDb>, actor: Actor, threadId: number, input: Record<string, string | string[]>, now: number) => Result<unknown>;

/** Runs a command on this thread and comes back to it (to the new comment when there is one). */
async function act(event: RequestEvent, run: Run, anchor?: (value: unknown) => string) {
	const actor = requireActor(event);
	const community = requireCommunity(event.params.slug);
	const data = await event.request.formData();
	const result = run(getDb(), actor, Number(event.params.id), formObject(data), Date.now());
	if (!result.ok) return failure(result, formValues(data), event.url);
	redirect(303, `/c/${community.slug}/consultations/${event.params.id}${anchor?.(result.value) ?? ''}`);
}

export const actions: Actions = {
	comment: (event) => act(event, postComment, (v) => `#comment-${(v as { id: number }).id}`),
	report: (event) => act(event, reportComment),
	hide: (event) => act(event, hideComment),
	restore: (event) => act(event, restoreComment),
	lock: (event) => act(event, (db, a, id, _i, now) => setLocked(db, a, id, true, now)),
	unlock: (event) => act(event, (db, a, id, _i, now) => setLocked(db, a, id, false, now)),
	pin: (event) => act(event, pinSummary),
	close: (event) => act(event, closeThread),
	stage: (event) => act(event, recordStage, () => '#stages'),
	implementation: (event) => act(event, publishImplementation)
};
