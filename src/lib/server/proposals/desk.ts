// The committee desk's deliberation section: proposals awaiting an answer (overdue first), threads to keep.
import type { DbOrTx } from '../db/client';
import { mergeOptionsFor, mergeTargets, responseQueue } from './queries';
import { threadsToModerate } from '../consultations/queries';

export function deliberationDesk(db: DbOrTx, communityId: number, now: number) {
	const { queue, openCount } = responseQueue(db, communityId, now);
	const targets = queue.length ? mergeTargets(db, communityId) : [];
	return {
		queue: queue.map((p) => ({ ...p, merge: mergeOptionsFor(p.title, p.id, targets) })),
		openCount,
		threads: threadsToModerate(db, communityId)
	};
}
