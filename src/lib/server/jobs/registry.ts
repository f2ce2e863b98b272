// Every scheduled job of the portal. A domain adds its jobs here (see src/lib/server/README.md).
import type { Job } from './runner';
import { deliverEffects } from './outbox';
import { runMenuReminders } from '../menus/reminders';
import { runAreaLapses } from '../areas/lifecycle';
import { deleteExpiredSessions } from '../auth/sessions';
import { pruneRateEvents } from '../rate-limit/limiter';
import { DAY, HOUR, MINUTE } from '../db/time';

export const JOBS: readonly Job[] = [
	// Voting opens and closes by date, with nobody acting: tell residents what is due.
	{ name: 'menus.reminders', everyMs: MINUTE, run: runMenuReminders },
	// Claims go at risk, lapse and expire with time: the claimants are told, the area opens again.
	{ name: 'areas.lapse', everyMs: 15 * MINUTE, run: runAreaLapses },
	{ name: 'effects.deliver', everyMs: 10_000, run: (db, now) => deliverEffects(db, now) },
	{ name: 'sessions.delete_expired', everyMs: HOUR, run: deleteExpiredSessions },
	// The longest rate-limit window is a day; older events count for nothing.
	{ name: 'rate_limits.prune', everyMs: HOUR, run: (db, now) => pruneRateEvents(db, now - DAY) }
];
