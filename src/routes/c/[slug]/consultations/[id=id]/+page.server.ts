import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/client';
import { postComment, replyOfficially, reportComment } from '$lib/server/consultations/commands';
import { closeThread, hideComment, lockThread, pinSummary, publishResolution, restoreComment, unlockThread } from '$lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '$lib/server/consultations/stages';
import { speaksOfficially, threadAbilities } from '$lib/server/consultations/abilities';
import { loadThread } from '$lib/server/consultations/records';
import { threadDetail, type ThreadComment } from '$lib/server/consultations/queries';
import { commentBlock } from '$lib/server/consultations/rules';
import { renderMarkdown } from '$lib/markdown';
import { t } from '$lib/server/i18n';
import { formAction, idParam, recordInCommunity } from '$lib/server/http';

const md = (s: string | null) => (s ? renderMarkdown(s) : null);
const shapeComment = (c: ThreadComment) => ({ ...c, bodyHtml: md(c.body), body: undefined });

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { community } = await parent();
	const db = getDb();
	const actor = locals.actor;
	const now = Date.now();
	const record = loadThread(db, { communityId: community.id, id: idParam(params.id) });
	if (!record) error(404, t('error_not_found'));
	const can = threadAbilities(actor, record, now);
	// who may hide comments may read what is hidden
	const moderator = can.hide;
	const d = threadDetail(db, community.id, record.thread.id, actor ? { userId: actor.userId, moderator } : null);
	if (!d) error(404, t('error_not_found'));
	const th = d.thread;
	return {
		thread: {
			id: th.id,
			topic: th.topic,
			backgroundHtml: md(th.background),
			state: th.state,
			major: th.major,
			lockedAt: th.lockedAt,
			closesAt: th.closesAt,
			pinnedSummary: can.pin ? th.pinnedSummary : null,
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
		blocked: commentBlock(th, now),
		signedIn: !!actor,
		canComment: can.comment,
		// committee and street staff answer comments officially (no stance)
		officialReplies: can.replyOfficially && !can.comment,
		canReport: can.report,
		canModerate: moderator,
		canLock: can.lock,
		canUnlock: can.unlock,
		canPin: can.pin,
		// the close form posts to whichever applies: a 重大事項 publishes its resolution after the four stages
		closeAction: can.close ? ('close' as const) : can.publishResolution ? ('publishResolution' as const) : null,
		canRecordStage: can.recordStage,
		canPublishImplementation: can.publishImplementation
	};
};

const here = (_v: unknown, e: RequestEvent) => e.url.pathname;
/** Back to the comment acted on, so the reader keeps their place in a long thread (with JavaScript or without). */
const atComment = (_v: unknown, e: RequestEvent, input: Record<string, unknown>) =>
	/^\d+$/.test(String(input.commentId ?? '')) ? `${e.url.pathname}#comment-${input.commentId}` : e.url.pathname;
const onThread = (e: RequestEvent) => recordInCommunity(e);

/** A comment, or the committee's official reply: the new comment is where the page opens. */
const commentOptions = {
	target: onThread,
	to: (v: { id: number }, e: RequestEvent) => `${e.url.pathname}#comment-${v.id}`,
	flash: 'flash_commented'
};
const comment = formAction(postComment, commentOptions);
const officialReply = formAction(replyOfficially, { ...commentOptions, flash: 'flash_replied' });

export const actions: Actions = {
	// residents take a side; the committee answers as such (someone who is both comments as a resident)
	comment: (event) => {
		const record = loadThread(getDb(), onThread(event));
		return record && speaksOfficially(event.locals.actor, record) ? officialReply(event) : comment(event);
	},
	report: formAction(reportComment, { target: onThread, to: atComment, flash: 'flash_reported' }),
	hide: formAction(hideComment, { target: onThread, to: atComment, flash: 'flash_comment_hidden' }),
	restore: formAction(restoreComment, { target: onThread, to: atComment, flash: 'flash_comment_restored' }),
	lock: formAction(lockThread, { target: onThread, to: here, flash: 'flash_thread_locked' }),
	unlock: formAction(unlockThread, { target: onThread, to: here, flash: 'flash_thread_unlocked' }),
	pin: formAction(pinSummary, { target: onThread, to: here, flash: (v) => (v.pinned ? 'flash_summary_pinned' : 'flash_summary_unpinned') }),
	close: formAction(closeThread, { target: onThread, to: here, flash: 'flash_thread_closed' }),
	publishResolution: formAction(publishResolution, { target: onThread, to: here, flash: 'flash_resolution_published' }),
	stage: formAction(recordStage, { target: onThread, to: (_v, e) => `${e.url.pathname}#stages`, flash: 'flash_stage_recorded' }),
	implementation: formAction(publishImplementation, { target: onThread, to: here, flash: 'flash_implementation_published' })
};
