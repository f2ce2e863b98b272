// Loading a menu with the community it belongs to: what every menus command starts from.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { communities } from '../org/schema';
import { menus } from './schema';

export type Menu = typeof menus.$inferSelect;
export type MenuCommunity = { id: number; slug: string; name: string; streetId: number };
export type LoadedMenu = { menu: Menu; community: MenuCommunity };

export function loadMenu(db: DbOrTx, menuId: number): LoadedMenu | undefined {
	const row = db
		.select({ menu: menus, community: { id: communities.id, slug: communities.slug, name: communities.name, streetId: communities.streetId } })
		.from(menus)
		.innerJoin(communities, eq(communities.id, menus.communityId))
		.where(eq(menus.id, menuId))
		.get();
	return row;
}

export const scopeOf = (c: MenuCommunity) => ({ communityId: c.id, streetId: c.streetId });
export const menuLink = (c: { slug: string }, menuId: number, tail = '') => `/c/${c.slug}/menus/${menuId}${tail}`;
