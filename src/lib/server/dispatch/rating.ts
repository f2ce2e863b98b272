// 滿意 / 基本滿意 / 不滿意: how a report was handled is rated in the ratings module, like a project or a 物業
// period — one row per reporter in the same table, the same panel on the report page, the same satisfaction
// figures. Dispatch opens the report for rating when it closes, for its reporter alone.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { openRatingSubject } from '../ratings/subjects';
import { ratings } from '../ratings/schema';
import { reportLink } from './records';
import { RATING_WINDOW_MS } from './rules';
import type { HandlingRating } from '../../codes';

type Closed = { id: number; communityId: number; gridId: number | null; reporterId: number | null; description: string };

/** The subject's title: the start of what was reported (the page and the inbox link to the report itself). */
export function reportRatingTitle(description: string): string {
	const line = description.trim().split('\n')[0];
	return [...line].length > 40 ? `${[...line].slice(0, 40).join('')}…` : line;
}

/**
 * A report that has just closed (fixed, unverified, or at triage) opens for its reporter to rate, for 30 days,
 * in the caller's transaction; the reporter is invited in the inbox. A report filed without an account (an
 * Open311 client's) has no one to rate it.
 */
export function openHandlingRating(tx: DbOrTx, report: Closed, community: { slug: string }, now: number): void {
	if (report.reporterId === null) return;
	openRatingSubject(
		tx,
		{
			kind: 'report',
			subjectId: report.id,
			communityId: report.communityId,
			gridId: report.gridId,
			title: reportRatingTitle(report.description),
			link: reportLink(community, report.id),
			raterId: report.reporterId,
			opensAt: now,
			closesAt: now + RATING_WINDOW_MS
		},
		now
	);
}

/** A report rating's overall mark on the 3-point scale, as the words dispatch's figures count. */
export const handlingOf = (overall: number): HandlingRating => (overall >= 3 ? 'satisfied' : overall === 2 ? 'basic' : 'unsatisfied');

/** How each of these reports' handling was rated, and when (its latest change); only its reporter rates it. One statement. */
export function handlingRatings(db: DbOrTx, reportIds: number[]): Map<number, { rating: HandlingRating; ratedAt: number }> {
	if (!reportIds.length) return new Map();
	const rows = db
		.select({ reportId: ratings.subjectId, overall: ratings.overall, ratedAt: ratings.updatedAt })
		.from(ratings)
		.where(and(eq(ratings.subjectKind, 'report'), inArray(ratings.subjectId, reportIds)))
		.all();
	return new Map(rows.map((r) => [r.reportId, { rating: handlingOf(r.overall), ratedAt: r.ratedAt }]));
}
