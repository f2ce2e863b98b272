// Guessing passwords is slowed by growing delays; parallel requests cannot slip under the limits; and an
// attacker cannot lock the owner, or the neighbours behind one address, out of their accounts.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { changePassword, login, register } from '../../../src/lib/server/auth/commands';
import { gateLogin, nextAllowedAt, RULES } from '../../../src/lib/server/auth/throttle';
import { rateEvents } from '../../../src/lib/server/rate-limit/schema';
import { validateSessionToken } from '../../../src/lib/server/auth/sessions';
import { MINUTE } from '../../../src/lib/server/db/time';

const owner = { username: 'wang_ayi', displayName: '王阿姨', password: 'lotus-pond-1987', passwordConfirm: 'lotus-pond-1987' };
const wrong = { username: 'wang_ayi', password: 'wrong-password' };
const right = { username: 'wang_ayi', password: owner.password };

async function withOwner() {
	const world = demoWorld();
	const r = await register(world.db, owner, '192.0.2.1', world.now);
	if (!r.ok) throw new Error('setup');
	return world;
}

describe('nextAllowedAt: growing delays', () => {
	const rule = { bucket: 't', windowMs: MINUTE * 60, free: 3, baseMs: 1000, maxMs: 10_000 };
	it('lets the free attempts through at once, then doubles the wait up to the ceiling', () => {
		expect(nextAllowedAt(rule, { n: 2, last: 500 })).toBe(0);
		expect(nextAllowedAt(rule, { n: 3, last: 500 })).toBe(1500);
		expect(nextAllowedAt(rule, { n: 4, last: 500 })).toBe(2500);
		expect(nextAllowedAt(rule, { n: 5, last: 500 })).toBe(4500);
		expect(nextAllowedAt(rule, { n: 500, last: 500 })).toBe(10_500);
	});
});

describe('login throttle', () => {
	it('tries at most 5 of 200 parallel wrong passwords from one address (the rest are refused before hashing)', async () => {
		const { db, now } = await withOwner();
		const results = await Promise.all(Array.from({ length: 200 }, () => login(db, wrong, '203.0.113.9', now)));
		const tried = results.filter((r) => !r.ok && r.error === 'invalid_credentials');
		expect(tried).toHaveLength(RULES.accountAtAddress.free);
		expect(results.filter((r) => !r.ok && r.error === 'rate_limited')).toHaveLength(200 - RULES.accountAtAddress.free);
	});

	it('makes a guesser at one address wait longer after each failure, and lets them try once the wait is over', async () => {
		const { db, now } = await withOwner();
		const base = RULES.accountAtAddress.baseMs;
		for (let i = 0; i < 5; i++) expect(await login(db, wrong, '203.0.113.9', now)).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await login(db, wrong, '203.0.113.9', now + base - 1)).toMatchObject({ error: 'rate_limited', params: { minutes: 1 } });
		expect(await login(db, wrong, '203.0.113.9', now + base)).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await login(db, wrong, '203.0.113.9', now + base + 2 * base - 1)).toMatchObject({ error: 'rate_limited' });
		expect(await login(db, wrong, '203.0.113.9', now + base + 2 * base)).toEqual({ ok: false, error: 'invalid_credentials' });
	});

	it('does not stop the owner signing in from another address while one address guesses', async () => {
		const { db, now } = await withOwner();
		for (let i = 0; i < 40; i++) await login(db, wrong, '203.0.113.9', now + i * 60_000);
		expect((await login(db, right, '198.51.100.7', now + 40 * 60_000)).ok).toBe(true);
	});

	it('lets the owner sign in from a clean address while the account is guessed at from many addresses', async () => {
		const { db, now } = await withOwner();
		for (let i = 0; i < 60; i++) expect(await login(db, wrong, `203.0.113.${i}`, now + i)).toEqual({ ok: false, error: 'invalid_credentials' });
		// the account ceiling now holds back every address that has failed on it, from its first failure
		expect(await login(db, wrong, '203.0.113.1', now + 100)).toMatchObject({ error: 'rate_limited' });
		expect(await login(db, right, '203.0.113.1', now + 100)).toMatchObject({ error: 'rate_limited' });
		// but not an address that has not: the owner at home signs in
		const home = await login(db, right, '198.51.100.7', now + 100);
		expect(home.ok).toBe(true);
		if (home.ok) expect(validateSessionToken(db, home.value.token, now + 100)?.user.username).toBe('wang_ayi');
	});

	it('lets neighbours behind one address (a shared NAT) keep signing in after many mistakes a minute', async () => {
		const { db, now } = await withOwner();
		// twenty neighbours mistype their passwords within a minute
		for (let i = 0; i < 20; i++) await login(db, { username: `resident${(i % 5) + 1}`, password: 'typo-typo' }, '100.64.0.1', now + i * 1000);
		expect((await login(db, right, '100.64.0.1', now + 21_000)).ok).toBe(true);
	});

	it('still slows one address trying many accounts (credential stuffing)', async () => {
		const { db, now } = await withOwner();
		for (let i = 0; i < RULES.address.free; i++) await login(db, { username: `user${i}`, password: 'guess-1234' }, '203.0.113.50', now);
		expect(await login(db, { username: 'user-next', password: 'guess-1234' }, '203.0.113.50', now)).toMatchObject({ error: 'rate_limited' });
		expect((await login(db, { username: 'user-next', password: 'guess-1234' }, '203.0.113.50', now + RULES.address.baseMs)).ok).toBe(false);
	});

	it('forgets a right attempt and the slips before it, so the owner is not held back by their own typos', async () => {
		const { db, now } = await withOwner();
		for (let i = 0; i < 4; i++) await login(db, wrong, '198.51.100.7', now);
		expect((await login(db, right, '198.51.100.7', now)).ok).toBe(true);
		const pairRows = db.select().from(rateEvents).where(and(eq(rateEvents.bucket, RULES.accountAtAddress.bucket))).all();
		expect(pairRows).toHaveLength(0);
		for (let i = 0; i < 5; i++) await login(db, wrong, '198.51.100.7', now + 1);
		expect(gateLogin(db, 'wang_ayi', '198.51.100.7', now + 1)).toMatchObject({ ok: false, error: 'rate_limited' });
	});
});

describe('registration throttle', () => {
	it('creates at most 20 of 40 parallel registrations from one address', async () => {
		const { db, now } = demoWorld();
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => register(db, { ...owner, username: `burst_${i}` }, '203.0.113.77', now))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(20);
		expect(results.filter((r) => !r.ok && r.error === 'rate_limited')).toHaveLength(20);
	});

	it('counts a registration that failed because the name was taken', async () => {
		const { db, now } = demoWorld();
		for (let i = 0; i < 20; i++) await register(db, { ...owner, username: 'resident1' }, '203.0.113.78', now);
		expect(await register(db, owner, '203.0.113.78', now)).toMatchObject({ error: 'rate_limited' });
	});
});

describe('the current-password check on /account', () => {
	it('is counted, so a stolen session cannot guess the password quickly', async () => {
		const { db, now, actor } = await withOwner();
		const me = actor('wang_ayi');
		const attempt = (at: number) =>
			changePassword(db, me, { sessionId: 'session' }, { currentPassword: 'guess-guess', password: 'river-bridge-42', passwordConfirm: 'river-bridge-42' }, at);
		for (let i = 0; i < RULES.currentPassword.free; i++) expect(await attempt(now)).toMatchObject({ fields: { currentPassword: 'err_current_password_wrong' } });
		expect(await attempt(now)).toMatchObject({ error: 'invalid', fields: { currentPassword: 'err_current_password_attempts' } });
		expect(await attempt(now + RULES.currentPassword.baseMs)).toMatchObject({ fields: { currentPassword: 'err_current_password_wrong' } });
	});
});
