// What waits on a member of staff, across every place they serve: a fixed number of grouped queries whatever the
// number of places (no query per community or per menu).
import { and, asc, count, eq, inArray, max, or, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { COMMITTEE_ROLE, DEPARTMENT_ROLE, GRID_WORKER_ROLE, STREET_STAFF_ROLE, APPLICANT_ROLE, type Actor } from '../policy';
import { communities, grids, streets } from '../org/schema';
import { memberships } from '../residency/schema';
import { proposals } from '../proposals/schema';
import { comments, consultations } from '../consultations/schema';
import { menus, menuProjects } from '../menus/schema';
import { projectUpdates } from '../menus/implementation/schema';
import { currentPhase, phaseAtLeast } from '../menus/rules';
import { daysSince, isStale, menuNextStep } from './rules';
import type { DeskTaskKind, MenuStep } from '$lib/desk';
import { departmentSections, personalSection, streetDispatchTasks } from './mine';

/** A count of what waits, and where it is dealt with (null: nothing to open, as a grid's waiting residents, whom the committee reviews). */
export type DeskTask = { kind: DeskTaskKind; count: number; overdue: number; href: string | null };
export type DeskPlace = { kind: 'self' | 'community' | 'grid' | 'street' | 'department'; name: string; href: string | null; tasks: DeskTask[] };
export type MenuLine = { id: number; title: string; community: string; href: string; phase: ReturnType<typeof currentPhase>; step: MenuStep };
export type StaleWork = { id: number; title: string; community: string; href: string; days: number };
export type StreetDesk = DeskPlace & { menus: MenuLine[]; stale: StaleWork[]; overdueByCommunity: { name: string; href: string; count: number }[] };

const ids = (list: (number | null | undefined)[]) => [...new Set(list.filter((x): x is number => x != null))];

/** Counts by community of what the committee answers for. */
function committeeCounts(db: DbOrTx, communityIds: number[], now: number) {
	const empty = { applications: 0, proposals: 0, overdue: 0, reported: 0, candidates: 0, toAccept: 0 };
	const by = new Map(communityIds.map((id) => [id, { ...empty }]));
	if (!communityIds.length) return by;
	for (const r of db
		.select({ id: memberships.communityId, n: count() })
		.from(memberships)
		.where(and(inArray(memberships.communityId, communityIds), eq(memberships.role, APPLICANT_ROLE), eq(memberships.status, 'pending')))
		.groupBy(memberships.communityId)
		.all())
		by.get(r.id!)!.applications = r.n;
	for (const r of db
		.select({ id: proposals.communityId, n: count(), overdue: sum(sql<number>`${proposals.responseDueAt} < ${now}`) })
		.from(proposals)
		.where(and(inArray(proposals.communityId, communityIds), eq(proposals.state, 'qualified')))
		.groupBy(proposals.communityId)
		.all())
		Object.assign(by.get(r.id)!, { proposals: r.n, overdue: Number(r.overdue ?? 0) });
	for (const r of db
		.select({ id: consultations.communityId, n: count() })
		.from(comments)
		.innerJoin(consultations, eq(consultations.id, comments.consultationId))
		.where(and(inArray(consultations.communityId, communityIds), eq(comments.status, 'hidden_reports')))
		.groupBy(consultations.communityId)
		.all())
		by.get(r.id)!.reported = r.n;
	for (const m of menuFacts(db, communityIds)) {
		const place = by.get(m.communityId)!;
		if (['collect', 'review'].includes(currentPhase(m, now))) place.candidates += m.pendingCandidates;
		place.toAccept += m.worksToAccept;
	}
	return by;
}

/** Every native menu of these communities with the counts its next step depends on: one grouped query. */
function menuFacts(db: DbOrTx, communityIds: number[]) {
	if (!communityIds.length) return [];
	return db
		.select({
			id: menus.id,
			title: menus.title,
			communityId: menus.communityId,
			collectStartsAt: menus.collectStartsAt,
			reviewStartsAt: menus.reviewStartsAt,
			voteStartsAt: menus.voteStartsAt,
			resultsStartsAt: menus.resultsStartsAt,
			implementationStartsAt: menus.implementationStartsAt,
			acceptanceStartsAt: menus.acceptanceStartsAt,
			advancedTo: menus.advancedTo,
			source: menus.source,
			resultsPublishedAt: menus.resultsPublishedAt,
			pendingCandidates: sql<number>`coalesce(sum(${menuProjects.feasibility} = 'pending'), 0)`,
			worksOpen: sql<number>`coalesce(sum(${menuProjects.selected} = 1 and ${menuProjects.implementationState} in ('not_started', 'in_progress')), 0)`,
			worksToAccept: sql<number>`coalesce(sum(${menuProjects.selected} = 1 and ${menuProjects.implementationState} = 'completed'), 0)`
		})
		.from(menus)
		.leftJoin(menuProjects, eq(menuProjects.menuId, menus.id))
		.where(and(inArray(menus.communityId, communityIds), eq(menus.source, 'native')))
		.groupBy(menus.id)
		.orderBy(asc(menus.voteStartsAt), asc(menus.id))
		.all();
}

function committeeTasks(slug: string, c: ReturnType<typeof committeeCounts> extends Map<number, infer V> ? V : never): DeskTask[] {
	const manage = `/c/${slug}/manage`;
	const tasks: DeskTask[] = [
		{ kind: 'residency_applications', count: c.applications, overdue: 0, href: `${manage}#apps-h` },
		{ kind: 'proposals_to_answer', count: c.proposals, overdue: c.overdue, href: `${manage}#proposal-queue` },
		{ kind: 'reported_comments', count: c.reported, overdue: 0, href: `${manage}#threads-h` },
		{ kind: 'candidates_to_review', count: c.candidates, overdue: 0, href: `${manage}#menu-queue-h` },
		{ kind: 'works_to_accept', count: c.toAccept, overdue: 0, href: `/c/${slug}/outcomes` }
	];
	return tasks;
}

/**
 * The desk of one person: what waits on them personally (when anything does), then a section per place where they
 * hold a staff role, in the order community, grid, street, department.
 */
export function deskFor(db: DbOrTx, actor: Actor, now: number): { places: DeskPlace[]; streets: StreetDesk[] } {
	const held = actor.memberships;
	const committeeIds = ids(held.filter((m) => m.role === COMMITTEE_ROLE).map((m) => m.communityId));
	const gridHeld = held.filter((m) => m.role === GRID_WORKER_ROLE && m.communityId != null);
	const streetIds = ids(held.filter((m) => m.role === STREET_STAFF_ROLE).map((m) => m.streetId));
	const departmentIds = ids(held.filter((m) => m.role === DEPARTMENT_ROLE).map((m) => m.departmentId));

	const streetCommunities = streetIds.length
		? db.select({ id: communities.id, slug: communities.slug, name: communities.name, streetId: communities.streetId }).from(communities).where(inArray(communities.streetId, streetIds)).orderBy(asc(communities.id)).all()
		: [];
	const named = ids([...committeeIds, ...gridHeld.map((m) => m.communityId)]);
	const places = new Map(
		[...streetCommunities, ...(named.length ? db.select({ id: communities.id, slug: communities.slug, name: communities.name, streetId: communities.streetId }).from(communities).where(inArray(communities.id, named)).all() : [])].map((c) => [c.id, c])
	);
	const counts = committeeCounts(db, ids([...committeeIds, ...streetCommunities.map((c) => c.id)]), now);

	const sections: DeskPlace[] = committeeIds.map((id) => {
		const c = places.get(id)!;
		return { kind: 'community', name: c.name, href: `/c/${c.slug}`, tasks: committeeTasks(c.slug, counts.get(id)!) };
	});

	if (gridHeld.length) {
		const gridNames = new Map(db.select({ id: grids.id, name: grids.name }).from(grids).where(inArray(grids.id, ids(gridHeld.map((m) => m.gridId)))).all().map((g) => [g.id, g.name]));
		const waiting = db
			.select({ communityId: memberships.communityId, gridId: memberships.gridId, n: count() })
			.from(memberships)
			.where(and(inArray(memberships.communityId, ids(gridHeld.map((m) => m.communityId))), eq(memberships.role, APPLICANT_ROLE), eq(memberships.status, 'pending')))
			.groupBy(memberships.communityId, memberships.gridId)
			.all();
		for (const g of gridHeld) {
			const c = places.get(g.communityId!)!;
			// a grid worker without a grid serves the whole community
			const n = waiting.filter((w) => w.communityId === g.communityId && (g.gridId == null || w.gridId === g.gridId)).reduce((a, w) => a + w.n, 0);
			sections.push({
				kind: 'grid',
				name: g.gridId != null ? `${c.name} · ${gridNames.get(g.gridId) ?? ''}` : c.name,
				href: `/c/${c.slug}`,
				tasks: [{ kind: 'residents_waiting', count: n, overdue: 0, href: null }]
			});
		}
	}

	const streetRows = streetIds.length ? db.select({ id: streets.id, slug: streets.slug, name: streets.name }).from(streets).where(inArray(streets.id, streetIds)).all() : [];
	const menuRows = menuFacts(db, streetCommunities.map((c) => c.id));
	const works = staleWorks(db, menuRows, now);
	const dispatchTasks = streetDispatchTasks(db, streetIds, now);
	const streetDesks: StreetDesk[] = streetRows.map((s) => {
		const mine = streetCommunities.filter((c) => c.streetId === s.id);
		const slugOf = (id: number) => places.get(id)!.slug;
		const menusHere = menuRows
			.filter((m) => mine.some((c) => c.id === m.communityId))
			.map((m) => ({ m, step: menuNextStep(m, now) }))
			.filter(({ step }) => step !== 'done')
			.map(({ m, step }) => ({ id: m.id, title: m.title, community: places.get(m.communityId)!.name, href: `/c/${slugOf(m.communityId)}/menus/${m.id}`, phase: currentPhase(m, now), step }));
		return {
			kind: 'street',
			name: s.name,
			href: `/street/${s.slug}/manage`,
			tasks: dispatchTasks.get(s.id) ?? [],
			menus: menusHere,
			stale: works.filter((w) => mine.some((c) => c.id === w.communityId)).map(({ communityId, ...w }) => ({ ...w, community: places.get(communityId)!.name, href: `/c/${slugOf(communityId)}/menus/${w.menuId}/projects/${w.id}` })),
			overdueByCommunity: mine.map((c) => ({ name: c.name, href: `/c/${c.slug}/manage#proposal-queue`, count: counts.get(c.id)!.overdue })).filter((c) => c.count > 0)
		};
	});

	sections.push(...departmentSections(db, departmentIds, now));
	const mine = personalSection(db, actor.userId, now);
	return { places: mine ? [mine, ...sections] : sections, streets: streetDesks };
}

/** Selected projects being built, in menus past their results, with no update for too long (oldest word first). */
function staleWorks(db: DbOrTx, menuRows: ReturnType<typeof menuFacts>, now: number) {
	const building = menuRows.filter((m) => phaseAtLeast(currentPhase(m, now), 'implementation') && m.resultsPublishedAt != null);
	if (!building.length) return [];
	const started = new Map(building.map((m) => [m.id, m]));
	return db
		.select({ id: menuProjects.id, title: menuProjects.title, menuId: menuProjects.menuId, lastUpdateAt: max(projectUpdates.createdAt) })
		.from(menuProjects)
		.leftJoin(projectUpdates, eq(projectUpdates.projectId, menuProjects.id))
		.where(and(inArray(menuProjects.menuId, [...started.keys()]), eq(menuProjects.selected, true), or(eq(menuProjects.implementationState, 'not_started'), eq(menuProjects.implementationState, 'in_progress'))))
		.groupBy(menuProjects.id)
		.all()
		.map((p) => {
			const menu = started.get(p.menuId)!;
			return { ...p, communityId: menu.communityId, worksStartedAt: Math.min(menu.implementationStartsAt, now) };
		})
		.filter((p) => isStale(p, now))
		.map((p) => ({ id: p.id, title: p.title, menuId: p.menuId, communityId: p.communityId, days: daysSince(p.lastUpdateAt ?? p.worksStartedAt, now) }))
		.sort((a, b) => b.days - a.days);
}
