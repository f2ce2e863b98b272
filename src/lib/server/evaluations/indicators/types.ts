// One module per indicator: each measures one community over one period [from, to) as a numerator, a
// denominator and n (the cases behind the figure), with the records a reader can follow to see what moved it.
import type { DbOrTx } from '../../db/client';
import type { EvidenceItem } from '../document';

export type Measured = { numerator: number; denominator: number; n: number; items: EvidenceItem[] };
export type CommunityRef = { id: number; slug: string };
export type IndicatorSource = (db: DbOrTx, community: CommunityRef, from: number, to: number) => Measured;

/** How many records an indicator lists behind its figure (the figure itself counts them all). */
export const MAX_ITEMS = 100;
