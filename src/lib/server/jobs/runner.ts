// One in-process scheduler over the job_runs table. A job is a function of (db, now) that is safe to run twice
// and after a crash: it works out from the data what is due (so a missed run catches up) and claims each piece
// of work with a guarded write. A lease row keeps two server processes from running the same job at once.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobRuns } from './schema';

export type Job = {
	name: string;
	/** How often it runs. */
	everyMs: number;
	run(db: Db, now: number): unknown;
};

/** Longest a run may hold its lease: a process that dies mid-run frees the job when this passes. */
const LEASE_MS = 10 * 60_000;

/** Claims the job if it is due and nobody holds it; true when this process should run it now. */
function claim(db: Db, job: Job, now: number): boolean {
	db.insert(jobRuns).values({ name: job.name }).onConflictDoNothing().run();
	const taken = db
		.update(jobRuns)
		.set({ leaseUntil: now + LEASE_MS })
		.where(
			and(
				eq(jobRuns.name, job.name),
				or(isNull(jobRuns.leaseUntil), lt(jobRuns.leaseUntil, now)),
				or(isNull(jobRuns.lastRunAt), lt(jobRuns.lastRunAt, now - job.everyMs + 1))
			)
		)
		.run();
	return taken.changes === 1;
}

/** Runs every due job once. The scheduler calls it; tests call it with their own clock. */
export async function runDueJobs(db: Db, jobs: readonly Job[], now: number, force = false): Promise<string[]> {
	const ran: string[] = [];
	for (const job of jobs) {
		if (!force && !claim(db, job, now)) continue;
		let failure: string | null = null;
		try {
			await job.run(db, now);
			ran.push(job.name);
		} catch (e) {
			failure = e instanceof Error ? e.message : String(e);
			console.error(`job ${job.name} failed`, e);
		}
		db.insert(jobRuns)
			.values({ name: job.name, lastRunAt: now, lastError: failure, leaseUntil: null })
			.onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: now, lastError: failure, leaseUntil: null } })
			.run();
	}
	return ran;
}

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

/** Started once by the server. Ticks every `tickMs`; never keeps the process alive on its own. */
export function startJobs(getDb: () => Db, jobs: readonly Job[], tickMs = 15_000) {
	if (timer) return;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await runDueJobs(getDb(), jobs, Date.now());
		} catch (e) {
			console.error('job runner failed', e);
		} finally {
			running = false;
		}
	};
	timer = setInterval(tick, tickMs);
	timer.unref();
	setTimeout(tick, 1_000).unref();
}
