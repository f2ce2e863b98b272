// Reads for the project page, the menu's implementation list and the media route.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { menus, menuProjects } from '../schema';
import type { ProjectRecord } from '../records';
import { users } from '../../auth/schema';
import { projectAcceptances, projectPhotos, projectSpending, projectUpdates } from './schema';
import { readyForRating, spendingTotals } from './rules';

export const mediaUrl = (photoId: number) => `/media/projects/${photoId}`;

/** Everything the project page shows about a project loaded in its community: timeline with photos, spending, acceptance. Four queries. */
export function projectImplementation(db: DbOrTx, record: ProjectRecord) {
	const projectId = record.project.id;
	const updates = db
		.select({
			id: projectUpdates.id,
			body: projectUpdates.body,
			percent: projectUpdates.percent,
			createdAt: projectUpdates.createdAt,
			author: users.displayName
		})
		.from(projectUpdates)
		.leftJoin(users, eq(users.id, projectUpdates.authorId))
		.where(eq(projectUpdates.projectId, projectId))
		.orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id))
		.all();
	const photos = db
		.select({ id: projectPhotos.id, updateId: projectPhotos.updateId })
		.from(projectPhotos)
		.where(eq(projectPhotos.projectId, projectId))
		.orderBy(asc(projectPhotos.updateId), asc(projectPhotos.position))
		.all();
	const spending = db
		.select({
			id: projectSpending.id,
			item: projectSpending.item,
			planned: projectSpending.planned,
			actual: projectSpending.actual,
			updatedAt: projectSpending.updatedAt
		})
		.from(projectSpending)
		.where(eq(projectSpending.projectId, projectId))
		.orderBy(asc(projectSpending.id))
		.all();
	const acceptance = db
		.select({
			remarks: projectAcceptances.remarks,
			representatives: projectAcceptances.representatives,
			createdAt: projectAcceptances.createdAt,
			acceptedBy: users.displayName
		})
		.from(projectAcceptances)
		.leftJoin(users, eq(users.id, projectAcceptances.acceptedBy))
		.where(eq(projectAcceptances.projectId, projectId))
		.get();
	const { project: p, menu } = record;
	return {
		menu: { id: menu.id, title: menu.title, resultsPublishedAt: menu.resultsPublishedAt, source: menu.source },
		project: {
			id: p.id,
			title: p.title,
			description: p.description,
			cost: p.finalCost ?? p.estimatedCost,
			votes: p.votes,
			selected: p.selected === true,
			state: p.implementationState,
			percent: p.progressPercent,
			acceptedAt: p.acceptedAt,
			readyForRating: readyForRating(p)
		},
		updates: updates.map((u) => ({
			...u,
			photos: photos.filter((ph) => ph.updateId === u.id).map((ph) => ({ id: ph.id, url: mediaUrl(ph.id) }))
		})),
		spending,
		totals: spendingTotals(spending),
		acceptance: acceptance ? { ...acceptance, representatives: JSON.parse(acceptance.representatives) as string[] } : null
	};
}

/** The selected projects of a menu with where each stands. Three queries. */
export function menuImplementation(db: DbOrTx, communityId: number, menuId: number) {
	const menu = db
		.select({ id: menus.id, title: menus.title, budget: menus.budget, resultsPublishedAt: menus.resultsPublishedAt, source: menus.source })
		.from(menus)
		.where(and(eq(menus.id, menuId), eq(menus.communityId, communityId)))
		.get();
	if (!menu) return null;
	const projects = db
		.select({
			id: menuProjects.id,
			title: menuProjects.title,
			finalCost: menuProjects.finalCost,
			estimatedCost: menuProjects.estimatedCost,
			votes: menuProjects.votes,
			state: menuProjects.implementationState,
			percent: menuProjects.progressPercent,
			acceptedAt: menuProjects.acceptedAt
		})
		.from(menuProjects)
		.where(and(eq(menuProjects.menuId, menuId), eq(menuProjects.selected, true)))
		.orderBy(desc(menuProjects.votes), asc(menuProjects.id))
		.all();
	const totals = spendingByProject(db, projects.map((p) => p.id));
	return {
		menu,
		projects: projects.map((p) => ({
			id: p.id,
			title: p.title,
			cost: p.finalCost ?? p.estimatedCost,
			votes: p.votes,
			state: p.state,
			percent: p.percent,
			acceptedAt: p.acceptedAt,
			readyForRating: p.state === 'accepted',
			totals: totals.get(p.id) ?? spendingTotals([])
		}))
	};
}

/** Spending totals of many projects in one query. */
export function spendingByProject(db: DbOrTx, projectIds: number[]) {
	const lines = projectIds.length
		? db
				.select({ projectId: projectSpending.projectId, planned: projectSpending.planned, actual: projectSpending.actual })
				.from(projectSpending)
				.where(inArray(projectSpending.projectId, projectIds))
				.all()
		: [];
	const byProject = new Map<number, typeof lines>(projectIds.map((id) => [id, []]));
	for (const line of lines) byProject.get(line.projectId)!.push(line);
	return new Map([...byProject].map(([id, own]) => [id, spendingTotals(own)]));
}

/** A stored photo for the media route. */
export function photoById(db: DbOrTx, id: number) {
	return db
		.select({ fileName: projectPhotos.fileName, contentType: projectPhotos.contentType, size: projectPhotos.size })
		.from(projectPhotos)
		.where(eq(projectPhotos.id, id))
		.get();
}
