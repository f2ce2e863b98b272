// Proposals (議題) the committee marked "for a menu": offered as the origin of a candidate project.
import type { DbOrTx } from '../db/client';
import { proposalsMarkedForMenu } from '../proposals/queries';

export type OfferedProposal = { id: number; title: string };

/** The proposals a candidate of this community may link to. */
export function offeredProposals(db: DbOrTx, communityId: number): OfferedProposal[] {
	return proposalsMarkedForMenu(db, communityId);
}
