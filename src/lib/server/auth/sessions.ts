// Sessions as the Lucia guide builds them: a random token in the cookie, only its SHA-256 in the database.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, and, ne, lt, sql } from 'drizzle-orm';
import { clientOf, type Db, type DbOrTx } from '../db/client';
import { writeUnnoticed } from '../db/data-version';
import { prepared } from '../db/statements';
import { sessions, users } from './schema';
import { DAY, HOUR, MINUTE } from '../db/time';

export const SESSION_COOKIE = 'session';
const RESIDENT_LIFETIME = 30 * DAY;
const STAFF_LIFETIME = 12 * HOUR;
const STAFF_IDLE = 30 * MINUTE;
/** Don't write last_seen on every request: once a minute is precise enough for a 30-minute idle limit. */
const TOUCH_EVERY = MINUTE;

export type SessionUser = { id: number; username: string; displayName: string };
export type Session = typeof sessions.$inferSelect;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(25);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Staff sessions are short and absolute (12 h, 30 min idle); residents' slide for 30 days. */
export function createSession(db: DbOrTx, token: string, userId: number, staff: boolean, now: number): Session {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: now + (staff ? STAFF_LIFETIME : RESIDENT_LIFETIME),
		idleTimeout: staff ? STAFF_IDLE : null,
		lastSeenAt: now,
		createdAt: now
	};
	db.insert(sessions).values(session).run();
	return session;
}

// Read on every request that carries a session cookie: kept prepared.
const sessionWithUser = (db: DbOrTx) =>
	db
		.select({ session: sessions, user: { id: users.id, username: users.username, displayName: users.displayName } })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare();

export function validateSessionToken(
	db: Db,
	token: string,
	now: number
): { session: Session; user: SessionUser; renewed: boolean } | null {
	const id = sessionIdOf(token);
	const row = prepared(db, sessionWithUser).get({ id });
	if (!row) return null;
	const { session } = row;
	const idleExpired = session.idleTimeout !== null && now - session.lastSeenAt > session.idleTimeout;
	// Writes no page shows, so kept pages stay (db/data-version.ts): a session ended, seen again, extended.
	const unnoticed = (write: () => unknown) => void writeUnnoticed(clientOf(db), write);
	if (now >= session.expiresAt || idleExpired) {
		unnoticed(() => db.delete(sessions).where(eq(sessions.id, id)).run());
		return null;
	}
	const patch: Partial<Session> = {};
	if (session.idleTimeout === null && session.expiresAt - now < RESIDENT_LIFETIME / 2) {
		patch.expiresAt = now + RESIDENT_LIFETIME; // sliding window for residents
	}
	if (now - session.lastSeenAt >= TOUCH_EVERY) patch.lastSeenAt = now;
	if (Object.keys(patch).length) {
		unnoticed(() => db.update(sessions).set(patch).where(eq(sessions.id, id)).run());
		Object.assign(session, patch);
	}
	return { ...row, renewed: patch.expiresAt !== undefined };
}

/**
 * Someone appointed to a staff role while signed in as a resident: their session takes the staff limits
 * from now on (12 hours from its start at most, 30 minutes idle), as if they had signed in as staff.
 */
export function applyStaffLimits(db: DbOrTx, session: Session): Session {
	if (session.idleTimeout !== null) return session;
	const patch = { expiresAt: Math.min(session.expiresAt, session.createdAt + STAFF_LIFETIME), idleTimeout: STAFF_IDLE };
	db.update(sessions).set(patch).where(eq(sessions.id, session.id)).run();
	return { ...session, ...patch };
}

export function invalidateSession(db: DbOrTx, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Sign a user out everywhere, optionally keeping the session in use. */
export function invalidateOtherSessions(db: DbOrTx, userId: number, keepSessionId?: string) {
	const where = keepSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
		: eq(sessions.userId, userId);
	db.delete(sessions).where(where).run();
}

export function deleteExpiredSessions(db: DbOrTx, now: number) {
	db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
