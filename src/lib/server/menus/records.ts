// A menu and a project as commands and pages load them: within the community the URL names, with that
// community, so that the policy sees where they are. Nothing here decides; it only finds.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { prepared } from '../db/statements';
import type { Subject } from '../policy';
import { communities } from '../org/schema';
import { communitySubject, type CommunityRecord } from '../org/records';
import { menuProjects, menus } from './schema';
import { currentPhase, type MenuPhase } from './rules';

export type Menu = typeof menus.$inferSelect;
export type MenuProject = typeof menuProjects.$inferSelect;
export type MenuRecord = { menu: Menu; community: CommunityRecord };
export type ProjectRecord = MenuRecord & { project: MenuProject };

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

// Every ballot loads its menu (and the page around it does too): kept prepared.
const menuInCommunity = (db: DbOrTx) =>
	db
		.select({ menu: menus, community: communities })
		.from(menus)
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(and(eq(menus.id, sql.placeholder('id')), eq(menus.communityId, sql.placeholder('communityId'))))
		.prepare();

/** The menu `id` of community `communityId`; a menu of another community is not found. */
export function loadMenu(db: DbOrTx, target: { communityId: number; id: number }): MenuRecord | undefined {
	if (!validId(target.id)) return undefined;
	return prepared(db, menuInCommunity).get({ id: target.id, communityId: target.communityId });
}

/** The project `projectId` on menu `menuId` of community `communityId`; anywhere else it is not found. */
export function loadProject(db: DbOrTx, target: { communityId: number; menuId: number; projectId: number }): ProjectRecord | undefined {
	if (!validId(target.menuId) || !validId(target.projectId)) return undefined;
	return db
		.select({ project: menuProjects, menu: menus, community: communities })
		.from(menuProjects)
		.innerJoin(menus, eq(menus.id, menuProjects.menuId))
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(and(eq(menuProjects.id, target.projectId), eq(menus.id, target.menuId), eq(menus.communityId, target.communityId)))
		.get();
}

/** A menu, and each of its projects, are acted on where their community is. */
export const menuSubject = ({ community }: MenuRecord): Subject => communitySubject(community);
export const projectSubject = ({ community }: ProjectRecord): Subject => communitySubject(community);

/** A replayed (Pabulib) election is shown, never changed: the rule every menus command starts with. */
export const readOnly = ({ menu }: MenuRecord) => (menu.source === 'native' ? null : 'menu_read_only');

/**
 * The phase as it stands inside a write transaction. Street staff may have moved the menu on (advanced_to)
 * since the request loaded it; a command that holds only in some phases checks it again here.
 */
export function phaseInTransaction(tx: DbOrTx, menuId: number, now: number): MenuPhase {
	const menu = prepared(tx, menuPhases).get({ id: menuId });
	return menu ? currentPhase(menu, now) : 'scheduled';
}

/** What the phase is computed from, and nothing else: read once in every ballot's transaction. */
const menuPhases = (db: DbOrTx) =>
	db
		.select({
			source: menus.source,
			advancedTo: menus.advancedTo,
			collectStartsAt: menus.collectStartsAt,
			reviewStartsAt: menus.reviewStartsAt,
			voteStartsAt: menus.voteStartsAt,
			resultsStartsAt: menus.resultsStartsAt,
			implementationStartsAt: menus.implementationStartsAt,
			acceptanceStartsAt: menus.acceptanceStartsAt
		})
		.from(menus)
		.where(eq(menus.id, sql.placeholder('id')))
		.prepare();

export const menuLink = (c: { slug: string }, menuId: number, tail = '') => `/c/${c.slug}/menus/${menuId}${tail}`;
export const projectLink = ({ community, menu, project }: Pick<ProjectRecord, 'community' | 'menu' | 'project'>) =>
	menuLink(community, menu.id, `/projects/${project.id}`);
