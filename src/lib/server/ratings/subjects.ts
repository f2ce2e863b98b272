// Opening things for rating, and inviting people to rate them. Other domains call `openRatingSubject` inside
// their own command's transaction (dispatch when a report is handled, areas for an area's upkeep); accepted
// menu projects and 物業 periods that open on a later day are opened and announced by the ratings job.
import { and, eq, inArray, isNull, lte, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { chinaDate } from '../db/time';
import { memberships } from '../residency/schema';
import { RESIDENT_ROLES } from '../policy';
import { notify } from '../notifications/commands';
import { communities } from '../org/schema';
import { ballots, ballotChoices, menuProjects, menus } from '../menus/schema';
import { ratingSubjects, type RatingKind } from './schema';
import { projectSubjectRow, type RatingSubject, type SubjectRow } from './records';
import { defaultWindow } from './rules';

/** What another domain says when it opens something for rating. */
export type OpenSubject = {
	kind: RatingKind;
	/** The record's id in its own domain (a report's id, an area's id). */
	subjectId: number;
	communityId: number;
	/** Its grid, if it has one: for an area, the grid's residents are the ones invited. */
	gridId?: number | null;
	/** What it is called and where it is shown (the rating form sits on that page). */
	title: string;
	link: string;
	/** Only this person rates it (a report: its reporter). */
	raterId?: number | null;
	/** Default: now. */
	opensAt?: number;
	/** Default: RATING_WINDOW_DAYS after it opens. */
	closesAt?: number;
	openedBy?: number | null;
};

/**
 * Opens a subject for rating, in the caller's transaction; people are invited at once when its window is open
 * (later by the job otherwise). Opening the same (kind, subject) again changes nothing and returns the first.
 */
export function openRatingSubject(tx: DbOrTx, s: OpenSubject, now: number): SubjectRow {
	const opensAt = s.opensAt ?? now;
	const window = s.closesAt === undefined ? defaultWindow(opensAt) : { opensAt, closesAt: s.closesAt };
	tx.insert(ratingSubjects)
		.values({
			kind: s.kind,
			subjectId: s.subjectId,
			communityId: s.communityId,
			gridId: s.gridId ?? null,
			title: s.title,
			link: s.link,
			raterId: s.raterId ?? null,
			...window,
			openedBy: s.openedBy ?? null,
			createdAt: now
		})
		.onConflictDoNothing()
		.run();
	return inviteIfOpen(tx, s.kind, s.subjectId, now);
}

const subjectRow = (tx: DbOrTx, kind: RatingKind, subjectId: number) =>
	tx.select().from(ratingSubjects).where(and(eq(ratingSubjects.kind, kind), eq(ratingSubjects.subjectId, subjectId))).get();

/** The subject's row, with its invitations sent if its window is open and nobody was invited yet. */
function inviteIfOpen(tx: DbOrTx, kind: RatingKind, subjectId: number, now: number): SubjectRow {
	const row = subjectRow(tx, kind, subjectId)!;
	if (row.invitedAt !== null || row.opensAt > now || now >= row.closesAt) return row;
	const invited = invite(tx, row, now);
	return invited === null ? row : { ...row, invitedAt: now, invited };
}

/**
 * The row of a subject as it stands in this transaction (the committee may have closed its window since the
 * request loaded it), written first if it was only derived so far (an accepted project the job has not reached).
 */
export function ensureSubject(tx: DbOrTx, subject: RatingSubject, now: number): SubjectRow {
	const stored = subjectRow(tx, subject.kind, subject.subjectId);
	if (stored) return stored;
	const { id: _none, invitedAt: _at, invited: _n, ...values } = subject;
	tx.insert(ratingSubjects).values(values).onConflictDoNothing().run();
	return inviteIfOpen(tx, subject.kind, subject.subjectId, now);
}

function residentsOf(tx: DbOrTx, communityId: number, gridId: number | null): number[] {
	return tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(
			and(
				eq(memberships.communityId, communityId),
				inArray(memberships.role, RESIDENT_ROLES),
				eq(memberships.status, 'verified'),
				gridId === null ? undefined : eq(memberships.gridId, gridId)
			)
		)
		.all()
		.map((r) => r.userId);
}

function votersOf(tx: DbOrTx, projectId: number): Set<number> {
	const rows = tx
		.selectDistinct({ id: ballots.voterId })
		.from(ballotChoices)
		.innerJoin(ballots, eq(ballots.id, ballotChoices.ballotId))
		.where(eq(ballotChoices.projectId, projectId))
		.all();
	return new Set(rows.flatMap((r) => (r.id === null ? [] : [r.id])));
}

/**
 * Who is invited: a report's reporter; the residents of an area's grid; every verified resident of the
 * community for a project (those who voted for it are told so) and for a 物業 period.
 */
function invitees(tx: DbOrTx, row: SubjectRow): { voters: number[]; others: number[] } {
	if (row.raterId !== null) return { voters: [], others: [row.raterId] };
	const residents = residentsOf(tx, row.communityId, row.kind === 'area' ? row.gridId : null);
	if (row.kind !== 'project') return { voters: [], others: residents };
	const voted = votersOf(tx, row.subjectId);
	return { voters: residents.filter((id) => voted.has(id)), others: residents.filter((id) => !voted.has(id)) };
}

/** Invites once: the first caller claims the invitation with a guarded update; a second finds it taken (null). */
function invite(tx: DbOrTx, row: SubjectRow, now: number): number | null {
	const { voters, others } = invitees(tx, row);
	const total = voters.length + others.length;
	const claimed = tx
		.update(ratingSubjects)
		.set({ invitedAt: now, invited: total })
		.where(and(eq(ratingSubjects.id, row.id), isNull(ratingSubjects.invitedAt)))
		.run();
	if (claimed.changes === 0) return null;
	const community = tx.select({ name: communities.name }).from(communities).where(eq(communities.id, row.communityId)).get();
	const params = { title: row.title, community: community?.name ?? '', closes: chinaDate(row.closesAt - 1) };
	if (row.kind === 'report') notify(tx, others, 'rating_invited_report', params, row.link, now);
	else {
		notify(tx, voters, 'rating_invited_voter', params, row.link, now);
		notify(tx, others, 'rating_invited', params, row.link, now);
	}
	return total;
}

/**
 * The ratings job: opens every accepted project not opened yet (its window counted from its acceptance),
 * and invites people to every subject whose window has opened and who were not invited yet. Safe to run
 * again and again; a missed run catches up (a window that closed meanwhile invites nobody).
 */
export function runRatingInvitations(db: Db, now: number): { opened: number; invited: number } {
	const accepted = db
		.select({ project: menuProjects, menu: menus, community: communities })
		.from(menuProjects)
		.innerJoin(menus, eq(menus.id, menuProjects.menuId))
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.leftJoin(ratingSubjects, and(eq(ratingSubjects.kind, 'project'), eq(ratingSubjects.subjectId, menuProjects.id)))
		.where(and(eq(menuProjects.implementationState, 'accepted'), eq(menus.source, 'native'), isNull(ratingSubjects.id), lte(menuProjects.acceptedAt, now)))
		.all();
	let opened = 0;
	let invited = 0;
	for (const r of accepted) {
		db.transaction(
			(tx) => {
				const row = ensureSubject(tx, projectSubjectRow(r, r.project.acceptedAt!), now);
				opened++;
				invited += row.invited;
			},
			{ behavior: 'immediate' }
		);
	}
	const due = db
		.select()
		.from(ratingSubjects)
		.where(and(isNull(ratingSubjects.invitedAt), lte(ratingSubjects.opensAt, now), gt(ratingSubjects.closesAt, now)))
		.orderBy(sql`${ratingSubjects.id}`)
		.all();
	for (const row of due) invited += db.transaction((tx) => invite(tx, row, now), { behavior: 'immediate' }) ?? 0;
	return { opened, invited };
}
