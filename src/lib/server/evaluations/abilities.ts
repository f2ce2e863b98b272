// What this person may do about a street's evaluation now: the pages' buttons and the commands ask the same checks.
import { abilities } from '../kernel/command';
import { createScheme, editScheme, publishSnapshot, setAwards, takeSnapshot } from './commands';

export const periodAbilities = abilities({ snapshot: takeSnapshot, publish: publishSnapshot, awards: setAwards });
export const streetSchemeAbilities = abilities({ create: createScheme });
export const schemeAbilities = abilities({ edit: editScheme });
