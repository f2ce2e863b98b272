// Resident satisfaction: every rating of the community's subjects (projects, 物業 periods, reports, areas)
// whose rating window closed in the period — so the figures are final when the period ends. Satisfied: 4–5
// of five, 滿意 or 基本滿意 of three. The score reads the lower end of the 95 % Wilson interval (rules.ts).
import { and, asc, count, eq, gt, lte, sql } from 'drizzle-orm';
import { ratings, ratingSubjects, RATING_KINDS, RATING_SHAPES } from '../../ratings/schema';
import { satisfiedFrom } from '../../ratings/rules';
import { MAX_ITEMS, type IndicatorSource } from './types';

/** `overall >= threshold of the subject's kind`, as SQL. */
const satisfied = sql.join(
	[sql`case ${ratingSubjects.kind}`, ...RATING_KINDS.map((k) => sql` when ${k} then ${satisfiedFrom(RATING_SHAPES[k].scale)}`), sql` end`],
	sql``
);

export const satisfaction: IndicatorSource = (db, community, from, to) => {
	const subjects = db
		.select({
			kind: ratingSubjects.kind,
			title: ratingSubjects.title,
			link: ratingSubjects.link,
			n: count(ratings.id),
			satisfied: sql<number>`sum(case when ${ratings.overall} >= ${satisfied} then 1 else 0 end)`
		})
		.from(ratingSubjects)
		.innerJoin(ratings, and(eq(ratings.subjectKind, ratingSubjects.kind), eq(ratings.subjectId, ratingSubjects.subjectId)))
		.where(and(eq(ratingSubjects.communityId, community.id), gt(ratingSubjects.closesAt, from), lte(ratingSubjects.closesAt, to)))
		.groupBy(ratingSubjects.id)
		.orderBy(asc(ratingSubjects.closesAt), asc(ratingSubjects.id))
		.all();
	const numerator = subjects.reduce((s, x) => s + x.satisfied, 0);
	const n = subjects.reduce((s, x) => s + x.n, 0);
	return {
		numerator,
		denominator: n,
		n,
		items: subjects.slice(0, MAX_ITEMS).map((s) => ({ kind: s.kind, title: s.title, href: s.link, numerator: s.satisfied, denominator: s.n }))
	};
};
