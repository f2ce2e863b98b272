// What this person may do in this thread now: the page's buttons and forms, and the commands, ask the same checks.
import { abilities } from '../kernel/command';
import { permits, type Actor } from '../policy';
import { postComment, replyOfficially, reportComment } from './commands';
import { closeThread, hideComment, lockThread, pinSummary, publishResolution, restoreComment, unlockThread } from './moderation';
import { publishImplementation, recordStage } from './stages';
import { threadSubject, type ThreadRecord } from './records';

export const threadAbilities = abilities({
	comment: postComment,
	replyOfficially,
	report: reportComment,
	hide: hideComment,
	restore: restoreComment,
	lock: lockThread,
	unlock: unlockThread,
	pin: pinSummary,
	close: closeThread,
	publishResolution,
	recordStage,
	publishImplementation
});

/**
 * Whether this person's comments in the thread are the committee's official replies: they may answer, and
 * may not take part as a resident (someone who is both comments as the resident they are).
 */
export function speaksOfficially(actor: Actor | null | undefined, record: ThreadRecord): boolean {
	const subject = threadSubject(record);
	return !permits(actor, postComment.action, subject) && permits(actor, replyOfficially.action, subject);
}
