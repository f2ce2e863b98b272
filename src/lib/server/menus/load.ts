// Loading a menu with the community it belongs to: what every menus command starts from.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { parseInput } from '../validation';
import { authorize, type Action, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { menuIdSchema } from './validation';
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

/**
 * The start of every street command on a whole menu: the menu named in the input, if this person may
 * do `action` in its community and it is not a read-only replay.
 */
export function menuToChange(db: DbOrTx, actor: Actor | null, input: unknown, action: Action): Result<LoadedMenu> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(menuIdSchema, input);
	if (!parsed.ok) return parsed;
	const loaded = loadMenu(db, parsed.value.menuId);
	if (!loaded) return err('not_found');
	const denied = authorize(actor, action, scopeOf(loaded.community));
	if (denied) return denied;
	if (loaded.menu.source !== 'native') return err('menu_read_only');
	return ok(loaded);
}
