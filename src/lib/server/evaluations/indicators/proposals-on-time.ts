// Proposals answered within their deadline: every qualified proposal of the community is counted once, in
// the period where its outcome became known — when it was answered in time, or when its deadline passed
// unanswered or answered late. Withdrawn proposals never had a deadline to keep.
import { and, asc, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { proposals } from '../../proposals/schema';
import { proposalLink } from '../../proposals/records';
import { MAX_ITEMS, type IndicatorSource } from './types';

const onTime = sql<boolean>`(${proposals.respondedAt} is not null and ${proposals.respondedAt} <= ${proposals.responseDueAt})`;
const settledAt = sql<number>`case when ${onTime} then ${proposals.respondedAt} else ${proposals.responseDueAt} end`;

export const proposalsOnTime: IndicatorSource = (db, community, from, to) => {
	const rows = db
		.select({ id: proposals.id, title: proposals.title, onTime: sql<number>`${onTime}`, answered: sql<number>`${proposals.respondedAt} is not null` })
		.from(proposals)
		.where(and(eq(proposals.communityId, community.id), isNotNull(proposals.responseDueAt), ne(proposals.state, 'withdrawn'), gte(settledAt, from), lt(settledAt, to)))
		.orderBy(asc(settledAt), asc(proposals.id))
		.all();
	const numerator = rows.filter((r) => r.onTime).length;
	return {
		numerator,
		denominator: rows.length,
		n: rows.length,
		items: rows.slice(0, MAX_ITEMS).map((r) => ({ kind: 'proposal', title: r.title, href: proposalLink(community, r.id), note: r.onTime ? 'on_time' : r.answered ? 'late' : 'unanswered' }))
	};
};
