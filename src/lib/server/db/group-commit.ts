// Group commit. With synchronous=FULL every COMMIT waits for the disk (fsync), and on an election's last evening
// that wait, not the CPU, is what limits ballots per second. Work handed to groupCommit is queued; once the
// requests already read have queued theirs (setImmediate), one IMMEDIATE transaction runs the whole batch, each
// piece in a savepoint of its own, and only after that one COMMIT has returned is any piece's caller answered.
// So nothing is acknowledged before it is durable, a piece that fails undoes only its own writes, and a failed
// COMMIT fails every piece (none was acknowledged).
import type { Db } from './client';
import { clientOf } from './client';

/** Enough to share one disk wait among a burst, small enough that no caller waits long behind others' work. */
export const MAX_BATCH = 64;

/** Shared transactions committed and pieces they carried, in this process: the benchmark prints the batch size. */
export const groupStats = { commits: 0, pieces: 0 };

type Job = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

const queues = new WeakMap<Db, Job[]>();
/** Per connection, the savepoint every piece runs in (made once: better-sqlite3 builds a wrapper per transaction()). */
const pieces = new WeakMap<Db, (work: () => unknown) => unknown>();

function pieceOf(db: Db) {
	let piece = pieces.get(db);
	// A nested better-sqlite3 transaction is a savepoint: a throw rolls back this piece alone.
	if (!piece) pieces.set(db, (piece = clientOf(db).transaction((work: () => unknown) => work())));
	return piece;
}

/** Runs `work` (synchronous, reads and writes through `db`) in the next shared transaction; resolves after its COMMIT. */
export function groupCommit<T>(db: Db, work: () => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) queues.set(db, (queue = []));
		queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
		if (queue.length === 1) setImmediate(flush, db);
	});
}

function flush(db: Db) {
	const queue = queues.get(db)!;
	const batch = queue.splice(0, MAX_BATCH);
	if (queue.length) setImmediate(flush, db);
	const sqlite = clientOf(db);
	const piece = pieceOf(db);
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		sqlite
			.transaction(() => {
				for (const job of batch) {
					try {
						const value = piece(job.work);
						if (value instanceof Promise) throw new Error('groupCommit takes synchronous work only');
						outcomes.push({ ok: true, value });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			})
			.immediate();
	} catch (error) {
		for (const job of batch) job.reject(error);
		return;
	}
	groupStats.commits++;
	groupStats.pieces += batch.length;
	batch.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}
