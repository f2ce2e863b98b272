// Dispatch resolution verified by the reporter (吹哨派單, 解決率): from the dispatch domain's
// `figures(db, { communityId }, from, to)` (src/lib/server/dispatch/figures.ts), whose denominators keep returned
// and reopened reports.
import type { DbOrTx } from '../../db/client';
import type { IndicatorSource } from './types';

export type Ratio = { numerator: number; denominator: number; n: number };
/** What this indicator reads of dispatch's figures: 解決率, fixed as verified by whoever reported it. */
export type DispatchFigures = { resolution: Ratio };
export type FiguresSource = (db: DbOrTx, scope: { communityId: number }, from: number, to: number) => DispatchFigures;

/** The indicator over dispatch's resolution figure, with a link to the community's reports. */
export function dispatchResolutionIndicator(figures: FiguresSource): IndicatorSource {
	return (db, community, from, to) => {
		const { resolution } = figures(db, { communityId: community.id }, from, to);
		return { numerator: resolution.numerator, denominator: resolution.denominator, n: resolution.n, items: [{ kind: 'reports', title: '', href: `/c/${community.slug}/reports` }] };
	};
}
