// Every scheduled job of the portal. A domain adds its jobs here (see src/lib/server/README.md).
import type { Job } from './runner';
import { deliverEffects } from './outbox';
import { runMenuReminders } from '../menus/reminders';
import { runRatingInvitations } from '../ratings/subjects';
import { runEvaluationSnapshots } from '../evaluations/snapshot';
import { runAreaLapses } from '../areas/lifecycle';
import { runDispatchJobs } from '../dispatch/jobs';
import { deleteExpiredSessions } from '../auth/sessions';
import { pruneRateEvents } from '../rate-limit/limiter';
import { deleteExpiredHolds } from '../uploads/held';
import { DAY, HOUR, MINUTE } from '../db/time';

export const JOBS: readonly Job[] = [
	// Voting opens and closes by date, with nobody acting: tell residents what is due.
	{ name: 'menus.reminders', everyMs: MINUTE, run: runMenuReminders },
	// Accepted projects open for rating, and windows that open on a later day invite residents when they do.
	{ name: 'ratings.invite', everyMs: MINUTE, run: runRatingInvitations },
	// A period's evaluation is computed when the period ends (street staff may compute it again until they publish).
	{ name: 'evaluations.snapshot', everyMs: 10 * MINUTE, run: runEvaluationSnapshots },
	// Claims go at risk, lapse and expire with time: the claimants are told, the area opens again.
	{ name: 'areas.lapse', everyMs: 15 * MINUTE, run: runAreaLapses },
	// 吹哨派單: overdue reminders (催辦), the reporter's verification reminder and the 14-day close.
	{ name: 'dispatch.reminders', everyMs: 5 * MINUTE, run: runDispatchJobs },
	{ name: 'effects.deliver', everyMs: 10_000, run: (db, now) => deliverEffects(db, now) },
	{ name: 'sessions.delete_expired', everyMs: HOUR, run: deleteExpiredSessions },
	// Files held across a refused form are good for an hour; then they go.
	{ name: 'held_uploads.delete_expired', everyMs: HOUR, run: deleteExpiredHolds },
	// The longest rate-limit window is a day; older events count for nothing.
	{ name: 'rate_limits.prune', everyMs: HOUR, run: (db, now) => pruneRateEvents(db, now - DAY) }
];
