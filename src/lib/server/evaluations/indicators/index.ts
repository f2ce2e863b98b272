// The evaluation's indicator registry: each indicator is measured by a provider — a function of
// (db, community, from, to) giving a numerator, a denominator, n and the records behind them (types.ts). A
// scheme may weigh all five indicators; one without a provider here is dropped for every community with the
// reason `no_source`, its weight shared among the others, and the pages say it has no data source yet. Never a
// made-up number.
//
// A new domain's figure joins by one line in PROVIDERS (and nothing else changes).
import type { EvaluationIndicator } from '../../../codes';
import type { IndicatorSource } from './types';
import { satisfaction } from './satisfaction';
import { proposalsOnTime } from './proposals-on-time';
import { voteParticipation } from './vote-participation';
import { coverageIndicator } from './coverage';
import { coverage } from '../../areas/coverage';
import { dispatchResolutionIndicator } from './dispatch';
import { figures as dispatchFigures } from '../../dispatch/figures';

/** One indicator measured by one provider. */
export type IndicatorProvider = { indicator: EvaluationIndicator; measure: IndicatorSource };
export type IndicatorRegistry = Partial<Record<EvaluationIndicator, IndicatorSource>>;

/** The providers: ratings, proposals, menu votes, co-managed areas and dispatch. */
export const PROVIDERS: readonly IndicatorProvider[] = [
	{ indicator: 'satisfaction', measure: satisfaction },
	{ indicator: 'proposals_on_time', measure: proposalsOnTime },
	{ indicator: 'vote_participation', measure: voteParticipation },
	{ indicator: 'coverage', measure: coverageIndicator(coverage) },
	{ indicator: 'dispatch_resolution', measure: dispatchResolutionIndicator(dispatchFigures) }
];

/** A registry from providers; two providers for one indicator is a bug, said at start-up. */
export function registry(providers: readonly IndicatorProvider[]): IndicatorRegistry {
	const out: IndicatorRegistry = {};
	for (const p of providers) {
		if (out[p.indicator]) throw new Error(`two providers for the indicator ${p.indicator}`);
		out[p.indicator] = p.measure;
	}
	return out;
}

export const SOURCES: IndicatorRegistry = registry(PROVIDERS);
