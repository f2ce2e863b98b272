// A rating subject as commands and pages load it: within the community the URL names, with that community,
// so that the policy sees where it is. An accepted project is ratable from the moment it is accepted; until the
// ratings job has opened it (a minute at most) it is loaded from the project itself.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Subject } from '../policy';
import { communities } from '../org/schema';
import { communitySubject, type CommunityRecord } from '../org/records';
import { menuProjects, menus } from '../menus/schema';
import { menuLink } from '../menus/records';
import { propertyPeriods, ratingSubjects, type RatingKind } from './schema';
import { defaultWindow } from './rules';

export type RatingTarget = { communityId: number; kind: RatingKind; subjectId: number };
export type SubjectRow = typeof ratingSubjects.$inferSelect;
/** A subject; `id` is null for an accepted project the ratings job has not opened yet. */
export type RatingSubject = Omit<SubjectRow, 'id'> & { id: number | null };
export type RatingSubjectRecord = { subject: RatingSubject; community: CommunityRecord };
export type PropertyPeriod = typeof propertyPeriods.$inferSelect;
export type PropertyPeriodRecord = RatingSubjectRecord & { period: PropertyPeriod };

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** The subject (kind, id) of community `communityId`; anywhere else it is not found. */
export function loadRatingSubject(db: DbOrTx, target: RatingTarget): RatingSubjectRecord | undefined {
	if (!validId(target.subjectId)) return undefined;
	const found = db
		.select({ subject: ratingSubjects, community: communities })
		.from(ratingSubjects)
		.innerJoin(communities, eq(communities.id, ratingSubjects.communityId))
		.where(and(eq(ratingSubjects.kind, target.kind), eq(ratingSubjects.subjectId, target.subjectId), eq(ratingSubjects.communityId, target.communityId)))
		.get();
	if (found || target.kind !== 'project') return found;
	return acceptedProject(db, target);
}

/** An accepted project of the community, as a subject not yet opened. */
function acceptedProject(db: DbOrTx, target: RatingTarget): RatingSubjectRecord | undefined {
	const row = db
		.select({ project: menuProjects, menu: menus, community: communities })
		.from(menuProjects)
		.innerJoin(menus, eq(menus.id, menuProjects.menuId))
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(and(eq(menuProjects.id, target.subjectId), eq(menus.communityId, target.communityId), eq(menus.source, 'native'), eq(menuProjects.implementationState, 'accepted')))
		.get();
	if (!row || row.project.acceptedAt === null) return undefined;
	return { subject: projectSubjectRow(row, row.project.acceptedAt), community: row.community };
}

/** The subject row an accepted project opens with: rated for the default window from its acceptance. */
export function projectSubjectRow(
	r: { project: { id: number; title: string }; menu: { id: number }; community: { id: number; slug: string } },
	acceptedAt: number
): RatingSubject {
	return {
		id: null,
		kind: 'project',
		subjectId: r.project.id,
		communityId: r.community.id,
		gridId: null,
		title: r.project.title,
		link: menuLink(r.community, r.menu.id, `/projects/${r.project.id}`),
		raterId: null,
		...defaultWindow(acceptedAt),
		invitedAt: null,
		invited: 0,
		openedBy: null,
		createdAt: acceptedAt
	};
}

/** A 物業 period of the community with its subject. */
export function loadPropertyPeriod(db: DbOrTx, target: { communityId: number; id: number }): PropertyPeriodRecord | undefined {
	if (!validId(target.id)) return undefined;
	return db
		.select({ period: propertyPeriods, subject: ratingSubjects, community: communities })
		.from(propertyPeriods)
		.innerJoin(ratingSubjects, and(eq(ratingSubjects.kind, 'property'), eq(ratingSubjects.subjectId, propertyPeriods.id)))
		.innerJoin(communities, eq(communities.id, propertyPeriods.communityId))
		.where(and(eq(propertyPeriods.id, target.id), eq(propertyPeriods.communityId, target.communityId)))
		.get();
}

/** Acted on where its community is; a report's rating belongs to its reporter. */
export const ratingSubjectPolicy = ({ subject, community }: RatingSubjectRecord): Subject => ({
	...communitySubject(community),
	gridId: subject.gridId,
	ownerId: subject.raterId
});

export const propertyLink = (c: { slug: string }, id: number) => `/c/${c.slug}/ratings/${id}`;
