// Where a person lands after signing in without a destination (the rule is in rules.ts).
import type { DbOrTx } from '../db/client';
import { verifiedMemberships } from '../residency/queries';
import { communityById } from '../org/queries';
import { canSomewhere } from '../policy';
import { landingFor } from './rules';

export function landing(db: DbOrTx, userId: number): string {
	const memberships = verifiedMemberships(db, userId);
	const isAdmin = canSomewhere({ userId, username: '', displayName: '', memberships, ip: null }, 'site.admin_view');
	return landingFor(memberships, (id) => communityById(db, id)?.slug, isAdmin);
}
