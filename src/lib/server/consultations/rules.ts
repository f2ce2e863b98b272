// Pure rules of consultation threads: who may still comment, the stance summary, 四議 order and quorum.
import { STANCES, type Stance, type CommentStatus } from './schema';

type Thread = { state: 'open' | 'closed'; lockedAt: number | null; closesAt: number | null };

/** Why a thread takes no comments now, or null when it does. */
export function commentBlock(t: Thread, now: number): 'thread_closed' | 'thread_locked' | 'thread_past_closing' | null {
	if (t.state === 'closed') return 'thread_closed';
	if (t.lockedAt !== null) return 'thread_locked';
	if (t.closesAt !== null && now >= t.closesAt) return 'thread_past_closing';
	return null;
}

type StanceComment = { id: number; authorId: number; stance: Stance | null; status: CommentStatus };

/**
 * How many people hold each stance: each person counts once, with the stance of their latest visible
 * comment that states one (a later comment changes their mind).
 */
export function stanceSummary(comments: StanceComment[]): Record<Stance, number> & { people: number } {
	const latest = new Map<number, { id: number; stance: Stance }>();
	for (const c of comments) {
		if (!c.stance || c.status !== 'visible') continue;
		const seen = latest.get(c.authorId);
		if (!seen || c.id > seen.id) latest.set(c.authorId, { id: c.id, stance: c.stance });
	}
	const out = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
	for (const { stance } of latest.values()) out[stance]++;
	return { ...out, people: latest.size };
}

/** At N distinct open reports a comment is hidden pending the committee's review. */
export function reportsHide(openReports: number, threshold: number): boolean {
	return openReports >= threshold;
}

export const STAGE_KEYS = { 1: 'propose', 2: 'deliberate', 3: 'review', 4: 'resolve' } as const;
export type StageNo = 1 | 2 | 3 | 4;

/** Stages 3 (審議) and 4 (決議) are votes. */
export const isVoteStage = (stage: number) => stage >= 3;

/**
 * Quorum of a voting meeting: at least half of those entitled attend, and more than half of the
 * attendees vote for. (Abstentions and votes against count as not approving.)
 */
export function quorum(v: { entitled: number; attended: number; votesFor: number }) {
	const quorate = v.entitled > 0 && v.attended * 2 >= v.entitled;
	const approved = v.attended > 0 && v.votesFor * 2 > v.attended;
	return { quorate, approved, passed: quorate && approved };
}

/** The stage to record next: one after the highest passed stage (5 when all four have passed). */
export function nextStage(records: { stage: number; passed: boolean }[]): number {
	let next = 1;
	while (records.some((r) => r.stage === next && r.passed)) next++;
	return next;
}
