// What this person may do about a rating subject, a 物業 period or a community's periods now: the pages'
// buttons and the commands ask the same checks.
import { abilities } from '../kernel/command';
import { closePropertyPeriod, hideRatingComment, openPropertyPeriod, rateReport, rateSubject, restoreRatingComment } from './commands';

export const ratingAbilities = abilities({ rate: rateSubject, rateReport, hide: hideRatingComment, restore: restoreRatingComment });
export const propertyPeriodAbilities = abilities({ close: closePropertyPeriod });
export const communityRatingAbilities = abilities({ openPeriod: openPropertyPeriod });
