// 成果公開: what each published menu of a community chose and what became of it. Six queries in all.
// Amounts are fen (only the portal's own menus are here); each menu says how it writes them.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { menus, menuProjects } from '../schema';
import { projectAcceptances, projectPhotos, projectUpdates } from './schema';
import { spendingByProject, mediaUrl } from './queries';
import { spendingTotals } from './rules';
import { menuHasFractions, moneyStyle } from '../queries';
import { WHOLE_YUAN, type MoneyStyle } from '../../../money';

/** How many photos each project shows on the outcomes page (the newest). */
export const OUTCOME_PHOTOS = 3;
/** The newest menus first; older ones stay on their own pages. */
export const OUTCOME_MENUS = 12;

export function communityOutcomes(db: DbOrTx, communityId: number) {
	const menuRows = db
		.select({
			id: menus.id,
			title: menus.title,
			budget: menus.budget,
			currency: menus.currency,
			amountScale: menus.amountScale,
			fractions: menuHasFractions,
			resultsPublishedAt: menus.resultsPublishedAt
		})
		.from(menus)
		.where(and(eq(menus.communityId, communityId), isNotNull(menus.resultsPublishedAt), eq(menus.source, 'native')))
		.orderBy(desc(menus.resultsPublishedAt), desc(menus.id))
		.limit(OUTCOME_MENUS)
		.all();
	if (!menuRows.length) return { menus: [], totals: { chosen: 0, accepted: 0, planned: 0, actual: 0 }, money: WHOLE_YUAN };
	const projects = db
		.select({
			id: menuProjects.id,
			menuId: menuProjects.menuId,
			title: menuProjects.title,
			cost: sql<number>`coalesce(${menuProjects.finalCost}, ${menuProjects.estimatedCost})`,
			votes: menuProjects.votes,
			state: menuProjects.implementationState,
			percent: menuProjects.progressPercent,
			acceptedAt: menuProjects.acceptedAt
		})
		.from(menuProjects)
		.where(and(inArray(menuProjects.menuId, menuRows.map((m) => m.id)), eq(menuProjects.selected, true)))
		.orderBy(desc(menuProjects.votes), menuProjects.id)
		.all();
	const ids = projects.map((p) => p.id);
	const spending = spendingByProject(db, ids);
	const acceptances = new Map(
		(ids.length
			? db
					.select({ projectId: projectAcceptances.projectId, remarks: projectAcceptances.remarks, representatives: projectAcceptances.representatives })
					.from(projectAcceptances)
					.where(inArray(projectAcceptances.projectId, ids))
					.all()
			: []
		).map((a) => [a.projectId, { remarks: a.remarks, representatives: JSON.parse(a.representatives) as string[] }])
	);
	const latest = latestUpdates(db, ids);
	const photos = latestPhotos(db, ids);
	const shaped = projects.map((p) => ({
		...p,
		readyForRating: p.state === 'accepted',
		totals: spending.get(p.id) ?? spendingTotals([]),
		acceptance: acceptances.get(p.id) ?? null,
		latest: latest.get(p.id) ?? null,
		photos: photos.get(p.id) ?? []
	}));
	const outcomeMenus = menuRows.map(({ currency, amountScale, fractions, ...m }) => {
		const chosen = shaped.filter((p) => p.menuId === m.id);
		return {
			...m,
			money: moneyStyle({ currency, amountScale }, fractions),
			projects: chosen,
			chosenCost: chosen.reduce((s, p) => s + p.cost, 0),
			planned: chosen.reduce((s, p) => s + p.totals.planned, 0),
			actual: chosen.reduce((s, p) => s + p.totals.actual, 0),
			accepted: chosen.filter((p) => p.state === 'accepted').length
		};
	});
	return {
		menus: outcomeMenus,
		totals: {
			chosen: shaped.length,
			accepted: shaped.filter((p) => p.state === 'accepted').length,
			planned: outcomeMenus.reduce((s, m) => s + m.planned, 0),
			actual: outcomeMenus.reduce((s, m) => s + m.actual, 0)
		},
		// The totals add fen of every menu: with fen if any menu shows them.
		money: { ...WHOLE_YUAN, fractions: outcomeMenus.some((m) => m.money.fractions) } satisfies MoneyStyle
	};
}

/** The newest update of each project. */
function latestUpdates(db: DbOrTx, projectIds: number[]) {
	if (!projectIds.length) return new Map<number, { body: string; createdAt: number }>();
	const ranked = db
		.select({
			projectId: projectUpdates.projectId,
			body: projectUpdates.body,
			createdAt: projectUpdates.createdAt,
			rank: sql<number>`row_number() over (partition by ${projectUpdates.projectId} order by ${projectUpdates.createdAt} desc, ${projectUpdates.id} desc)`.as('rank')
		})
		.from(projectUpdates)
		.where(inArray(projectUpdates.projectId, projectIds))
		.as('ranked');
	const rows = db.select().from(ranked).where(eq(ranked.rank, 1)).all();
	return new Map(rows.map((r) => [r.projectId, { body: r.body, createdAt: r.createdAt }]));
}

/** The newest few photos of each project. */
function latestPhotos(db: DbOrTx, projectIds: number[]) {
	const out = new Map<number, { id: number; url: string }[]>();
	if (!projectIds.length) return out;
	const ranked = db
		.select({
			id: projectPhotos.id,
			projectId: projectPhotos.projectId,
			rank: sql<number>`row_number() over (partition by ${projectPhotos.projectId} order by ${projectPhotos.createdAt} desc, ${projectPhotos.id} desc)`.as('rank')
		})
		.from(projectPhotos)
		.where(inArray(projectPhotos.projectId, projectIds))
		.as('ranked');
	const rows = db.select().from(ranked).where(sql`${ranked.rank} <= ${OUTCOME_PHOTOS}`).orderBy(ranked.projectId, sql`rank`).all();
	for (const r of rows) {
		const list = out.get(r.projectId) ?? [];
		list.push({ id: r.id, url: mediaUrl(r.id) });
		out.set(r.projectId, list);
	}
	return out;
}
