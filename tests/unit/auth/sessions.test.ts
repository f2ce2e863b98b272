import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { sessions } from '../../../src/lib/server/auth/schema';
import { dataVersion } from '../../../src/lib/server/db/data-version';
import { clientOf } from '../../../src/lib/server/db/client';
import { applyStaffLimits, createSession, generateSessionToken, invalidateOtherSessions, sessionIdOf, validateSessionToken } from '../../../src/lib/server/auth/sessions';
import { DAY, HOUR, MINUTE } from '../../../src/lib/server/db/time';

describe('sessions', () => {
	it('tokens carry at least 20 random bytes and only their SHA-256 is stored', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		expect(token.length).toBeGreaterThanOrEqual(32); // 25 bytes in base32
		expect(generateSessionToken()).not.toBe(token);
		createSession(db, token, ids.user.resident1, false, now);
		const rows = db.select().from(sessions).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(sessionIdOf(token));
		expect(rows[0].id).not.toContain(token);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('residents stay signed in for 30 days, sliding while they use it', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		createSession(db, token, ids.user.resident1, false, now);
		// a day in, the expiry stays (the answer need not set the cookie again); used on day 29, it moves
		expect(validateSessionToken(db, token, now + DAY)?.renewed).toBe(false);
		const renewed = validateSessionToken(db, token, now + 29 * DAY);
		expect(renewed?.user.username).toBe('resident1');
		expect(renewed?.renewed).toBe(true);
		// used on day 29, so it now lasts until day 59
		expect(validateSessionToken(db, token, now + 58 * DAY)).not.toBeNull();
		expect(validateSessionToken(db, token, now + 120 * DAY)).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('a session seen again or extended leaves kept pages kept (the data version stays)', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		createSession(db, token, ids.user.resident1, false, now);
		const version = dataVersion(clientOf(db));
		expect(validateSessionToken(db, token, now + 2 * MINUTE)).not.toBeNull();
		expect(validateSessionToken(db, token, now + 29 * DAY)?.renewed).toBe(true);
		expect(db.select().from(sessions).get()?.lastSeenAt).toBe(now + 29 * DAY);
		expect(dataVersion(clientOf(db))).toBe(version);
	});

	it('staff sessions end after 30 idle minutes', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		createSession(db, token, ids.user.committee1, true, now);
		expect(validateSessionToken(db, token, now + 29 * MINUTE)).not.toBeNull();
		expect(validateSessionToken(db, token, now + 29 * MINUTE + 31 * MINUTE)).toBeNull();
	});

	it('staff sessions end after 12 hours however active', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		createSession(db, token, ids.user.street, true, now);
		let t = now;
		for (; t < now + 12 * HOUR - 20 * MINUTE; t += 20 * MINUTE) expect(validateSessionToken(db, token, t)).not.toBeNull();
		expect(validateSessionToken(db, token, now + 12 * HOUR)).toBeNull();
	});

	it('a resident appointed to staff while signed in gets the staff limits on that session', () => {
		const { db, ids, now } = demoWorld();
		const token = generateSessionToken();
		const session = createSession(db, token, ids.user.resident1, false, now);
		const limited = applyStaffLimits(db, session);
		expect(limited).toMatchObject({ expiresAt: now + 12 * HOUR, idleTimeout: 30 * MINUTE });
		expect(validateSessionToken(db, token, now + 40 * MINUTE)).toBeNull(); // idle too long
		// already a staff session: nothing changes
		const staff = createSession(db, generateSessionToken(), ids.user.committee1, true, now);
		expect(applyStaffLimits(db, staff)).toEqual(staff);
	});

	it('signing out everywhere else keeps only the current session', () => {
		const { db, ids, now } = demoWorld();
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		for (const tk of [a, b, c]) createSession(db, tk, ids.user.resident2, false, now);
		createSession(db, generateSessionToken(), ids.user.resident3, false, now);
		invalidateOtherSessions(db, ids.user.resident2, sessionIdOf(b));
		expect(validateSessionToken(db, a, now)).toBeNull();
		expect(validateSessionToken(db, b, now)).not.toBeNull();
		expect(validateSessionToken(db, c, now)).toBeNull();
		expect(db.select().from(sessions).where(eq(sessions.userId, ids.user.resident3)).all()).toHaveLength(1);
	});

	it('an unknown token is no session', () => {
		const { db, now } = demoWorld();
		expect(validateSessionToken(db, 'not-a-token', now)).toBeNull();
	});
});
