// Co-management coverage (建設共管): the time-averaged share of the community's adoptable areas with an active
// claim, from the areas domain's `coverage(db, communityId, from, to)` (src/lib/server/areas/coverage.ts).
import type { DbOrTx } from '../../db/client';
import type { IndicatorSource } from './types';

/** The areas domain's figure, as its engineer publishes it. */
export type CoverageFigure = { numerator: number; denominator: number; n: number; share: number | null };
export type CoverageSource = (db: DbOrTx, communityId: number, from: number, to: number) => CoverageFigure;

/** The indicator over the areas domain's coverage: its numerator and denominator as they are; the link to the areas. */
export function coverageIndicator(coverage: CoverageSource): IndicatorSource {
	return (db, community, from, to) => {
		const c = coverage(db, community.id, from, to);
		return { numerator: c.numerator, denominator: c.denominator, n: c.n, items: [{ kind: 'areas', title: '', href: `/c/${community.slug}/areas` }] };
	};
}
