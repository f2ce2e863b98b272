// Proposals (議題) the committee marked "for a menu": offered as the origin of a candidate project.
import type { DbOrTx } from '../db/client';

export type OfferedProposal = { id: number; title: string };

/** The proposals a candidate of this community may link to. */
export function offeredProposals(db: DbOrTx, communityId: number): OfferedProposal[] {
	void db;
	void communityId;
	return [];
}
