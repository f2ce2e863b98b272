// What this person may do here now: the pages' buttons and the commands ask the same checks.
import { abilities } from '../kernel/command';
import { configureAreas, createArea, placePin, retireArea, updateArea, uploadPlan } from './catalogue';
import { claimArea, releaseClaim, renewClaim, reviewClaim, revokeClaim } from './claims';
import { checkLog, logCare, nudgeClaim, rejectLog, thankLog } from './care';
import { createTeam, joinTeam, leaveTeam, reviewTeam } from './teams';
import { openUpkeepRating } from './upkeep';

/** On a community: the committee's catalogue and plan tools, a resident's team. */
export const communityAreaAbilities = abilities({ create: createArea, uploadPlan, configure: configureAreas, createTeam });
export const areaAbilities = abilities({ claim: claimArea, update: updateArea, retire: retireArea, pin: placePin });
export const claimAbilities = abilities({ review: reviewClaim, release: releaseClaim, renew: renewClaim, revoke: revokeClaim, log: logCare, nudge: nudgeClaim, openRating: openUpkeepRating });
export const logAbilities = abilities({ thank: thankLog, check: checkLog, reject: rejectLog });
export const teamAbilities = abilities({ review: reviewTeam, join: joinTeam, leave: leaveTeam });
