// Rating subjects for the tests: a 物業 period of jinwei opened by its committee, and an accepted project.
import { eq } from 'drizzle-orm';
import { chinaDate, DAY } from '../../../src/lib/server/db/time';
import { openPropertyPeriod } from '../../../src/lib/server/ratings/commands';
import { menuProjects } from '../../../src/lib/server/menus/schema';
import { publishedMenu } from '../implementation/fixture';
import type { RatingTarget } from '../../../src/lib/server/ratings/records';
import type { World } from '../world';

/** An open 物業 period of jinwei (opened yesterday, for 20 days); residents are invited at once. */
export function propertyPeriod(w: World): RatingTarget {
	const opened = openPropertyPeriod(
		w.db,
		w.actor('committee1'),
		{ communityId: w.ids.community.jinwei },
		{ title: '2026 年第四季物業服務', opensOn: chinaDate(w.now - DAY), closesOn: chinaDate(w.now + 20 * DAY) },
		w.now - DAY
	);
	if (!opened.ok) throw new Error(`fixture: ${opened.error}`);
	return { communityId: w.ids.community.jinwei, kind: 'property', subjectId: opened.value.id };
}

/** A published jinwei menu whose project a (voted by resident1–5) was accepted `daysAgo` days ago. */
export function acceptedProject(w: World, daysAgo = 1): RatingTarget & { menuId: number } {
	const menu = publishedMenu(w);
	w.db.update(menuProjects).set({ implementationState: 'accepted', acceptedAt: w.now - daysAgo * DAY }).where(eq(menuProjects.id, menu.projects.a)).run();
	return { communityId: w.ids.community.jinwei, kind: 'project', subjectId: menu.projects.a, menuId: menu.menuId };
}
