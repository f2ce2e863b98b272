// 打理得怎麼樣: the neighbours of an area's grid rate the upkeep of one term of care. The committee opens a claim's
// term for rating (once per claim: the rating subject is the claim), the residents of the area's grid (of the
// whole community when the area has no grid) are invited, and the ratings count in the community's
// satisfaction like every other rating.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { ok, err } from '../result';
import type { DbOrTx } from '../db/client';
import { openRatingSubject } from '../ratings/subjects';
import { ratingSubjects } from '../ratings/schema';
import { areaClaims } from './schema';
import { nothing } from './validation';
import { areaLink, claimSubject, loadClaim, type ClaimRecord } from './records';
import type { ClaimState } from '../../codes';

/** Terms that began: held now, or ended after they held the area. */
const RATEABLE: readonly ClaimState[] = ['active', 'at_risk', 'lapsed', 'released', 'revoked', 'expired', 'renewed'];

export const openUpkeepRating = defineCommand({
	action: 'area.open_rating',
	load: loadClaim,
	subject: claimSubject,
	rule: (_actor, { claim, area }: ClaimRecord) => (area.retiredAt !== null ? 'area_retired' : RATEABLE.includes(claim.state) && claim.startedAt !== null ? null : 'area_rating_not_started'),
	input: nothing,
	conflict: 'area_rating_opened',
	run: ({ tx, actor, record: { claim, area, community }, now }) => {
		const opened = tx
			.select({ id: ratingSubjects.id })
			.from(ratingSubjects)
			.where(and(eq(ratingSubjects.kind, 'area'), eq(ratingSubjects.subjectId, claim.id)))
			.get();
		if (opened) return err('area_rating_opened');
		const row = openRatingSubject(
			tx,
			{ kind: 'area', subjectId: claim.id, communityId: community.id, gridId: area.gridId, title: area.name, link: areaLink(community, area.id), openedBy: actor.userId },
			now
		);
		return ok({ claimId: claim.id, closesAt: row.closesAt, invited: row.invited });
	},
	audit: ({ record }, v) => ({ subjectType: 'area_claim', subjectId: record.claim.id, summary: { area: record.area.id, closesAt: v.closesAt, invited: v.invited } })
});

/** The terms (claim ids) of this area opened for rating, the most recent first. One statement. */
export function ratedTermsOf(db: DbOrTx, areaId: number): number[] {
	const claims = db.select({ id: areaClaims.id }).from(areaClaims).where(eq(areaClaims.areaId, areaId));
	return db
		.select({ claimId: ratingSubjects.subjectId })
		.from(ratingSubjects)
		.where(and(eq(ratingSubjects.kind, 'area'), inArray(ratingSubjects.subjectId, claims)))
		.orderBy(desc(ratingSubjects.opensAt), desc(ratingSubjects.id))
		.all()
		.map((r) => r.claimId);
}

/** The term of this area most recently opened for rating: the one its page shows and rates. */
export const ratedTermOf = (db: DbOrTx, areaId: number): number | null => ratedTermsOf(db, areaId)[0] ?? null;
