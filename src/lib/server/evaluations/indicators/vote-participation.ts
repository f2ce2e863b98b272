// Vote participation: of the verified residents at the close of each menu vote that closed in the period, the
// share who voted. A vote closes when its results phase starts, or when its results were published if that
// came first (street staff may move a menu on early). Replayed (Pabulib) elections are not the community's.
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { ballots, menus } from '../../menus/schema';
import { menuLink } from '../../menus/records';
import { memberships } from '../../residency/schema';
import { RESIDENT_ROLES } from '../../policy';
import { MAX_ITEMS, type IndicatorSource } from './types';

const closedAt = sql<number>`min(${menus.resultsStartsAt}, coalesce(${menus.resultsPublishedAt}, ${menus.resultsStartsAt}))`;

export const voteParticipation: IndicatorSource = (db, community, from, to) => {
	const closed = db
		.select({ id: menus.id, title: menus.title, closedAt })
		.from(menus)
		.where(and(eq(menus.communityId, community.id), eq(menus.source, 'native'), sql`${closedAt} >= ${from}`, sql`${closedAt} < ${to}`))
		.orderBy(asc(closedAt), asc(menus.id))
		.all();
	if (!closed.length) return { numerator: 0, denominator: 0, n: 0, items: [] };
	const residents = db
		.select({ userId: memberships.userId, at: memberships.decidedAt })
		.from(memberships)
		.where(and(eq(memberships.communityId, community.id), inArray(memberships.role, RESIDENT_ROLES), eq(memberships.status, 'verified'), isNotNull(memberships.decidedAt), lte(memberships.decidedAt, to)))
		.all();
	const voted = db
		.selectDistinct({ menuId: ballots.menuId, voterId: ballots.voterId })
		.from(ballots)
		.where(and(inArray(ballots.menuId, closed.map((m) => m.id)), isNotNull(ballots.voterId)))
		.all();
	let numerator = 0;
	let denominator = 0;
	const items = closed.map((menu) => {
		const eligible = new Set(residents.filter((r) => r.at! <= menu.closedAt).map((r) => r.userId));
		const voters = voted.filter((v) => v.menuId === menu.id).map((v) => v.voterId!);
		for (const v of voters) eligible.add(v);
		numerator += voters.length;
		denominator += eligible.size;
		return { kind: 'menu', title: menu.title, href: menuLink(community, menu.id, '/results'), numerator: voters.length, denominator: eligible.size };
	});
	return { numerator, denominator, n: denominator, items: items.slice(0, MAX_ITEMS) };
};
