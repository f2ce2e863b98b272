// The indicators the evaluation can measure. A scheme may weigh all five; one without a data source here is
// dropped for every community with the reason `no_source`, its weight shared among the others, and the pages
// say it has no data source yet. Never a made-up number.
//
// When the areas and dispatch work lands, the lead wires the last two (and nothing else changes):
//   import { coverage } from '../../areas/coverage';
//   import { figures } from '../../dispatch/figures';
//   coverage: coverageIndicator(coverage),
//   dispatch_resolution: dispatchResolutionIndicator(figures)   // if figures names 解決率 otherwise, map it in dispatch.ts
import type { EvaluationIndicator } from '../../../codes';
import type { IndicatorSource } from './types';
import { satisfaction } from './satisfaction';
import { proposalsOnTime } from './proposals-on-time';
import { voteParticipation } from './vote-participation';

export const SOURCES: Partial<Record<EvaluationIndicator, IndicatorSource>> = {
	satisfaction,
	proposals_on_time: proposalsOnTime,
	vote_participation: voteParticipation
};

export const hasSource = (indicator: EvaluationIndicator) => SOURCES[indicator] !== undefined;
