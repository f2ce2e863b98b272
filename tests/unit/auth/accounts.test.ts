import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { users, sessions } from '../../../src/lib/server/auth/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import { changePassword, login, register, updateProfile } from '../../../src/lib/server/auth/commands';
import { COMMON_PASSWORD_COUNT, hashPassword, isCommonPassword, verifyPassword } from '../../../src/lib/server/auth/passwords';
import { validateSessionToken } from '../../../src/lib/server/auth/sessions';

const good = { username: 'wang_ayi', displayName: '王阿姨', password: 'lotus-pond-1987', passwordConfirm: 'lotus-pond-1987' };

describe('passwords', () => {
	it('hashes with argon2id at the OWASP settings', async () => {
		const hash = await hashPassword('lotus-pond-1987');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'lotus-pond-1987')).toBe(true);
		expect(await verifyPassword(hash, 'lotus-pond-1988')).toBe(false);
		expect(await verifyPassword('garbage', 'x')).toBe(false);
	});
	it('ships at least 1,000 common passwords and refuses them in any case', () => {
		expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(1000);
		expect(isCommonPassword('password')).toBe(true);
		expect(isCommonPassword('12345678')).toBe(true);
		expect(isCommonPassword('PassWord1')).toBe(true);
		expect(isCommonPassword('woaini1314')).toBe(true);
		expect(isCommonPassword('lotus-pond-1987')).toBe(false);
	});
});

describe('register', () => {
	it('creates the account, a session and an audit row', async () => {
		const { db, now } = demoWorld();
		const r = await register(db, good, '10.0.0.1', now);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(validateSessionToken(db, r.value.token, now)?.user.displayName).toBe('王阿姨');
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'user.register')).all()).toHaveLength(1);
	});

	it.each([
		['ab', 'err_username_format'],
		['has space', 'err_username_format'],
		['12345', 'err_username_format'],
		['12345678901', 'err_username_format'],
		['a'.repeat(33), 'err_username_format']
	])('refuses the login name %s', async (username, key) => {
		const { db, now } = demoWorld();
		const r = await register(db, { ...good, username }, null, now);
		expect(r).toMatchObject({ ok: false, error: 'invalid', fields: { username: key } });
	});

	it('accepts an 11-digit mainland mobile number as a login name', async () => {
		const { db, now } = demoWorld();
		expect((await register(db, { ...good, username: '13812345678' }, null, now)).ok).toBe(true);
	});

	it('refuses short, common and mismatched passwords beside the right field', async () => {
		const { db, now } = demoWorld();
		expect(await register(db, { ...good, password: 'short', passwordConfirm: 'short' }, null, now)).toMatchObject({ fields: { password: 'err_password_short' } });
		expect(await register(db, { ...good, password: 'iloveyou', passwordConfirm: 'iloveyou' }, null, now)).toMatchObject({ fields: { password: 'err_password_common' } });
		expect(await register(db, { ...good, passwordConfirm: 'other-pass-123' }, null, now)).toMatchObject({ fields: { passwordConfirm: 'err_password_mismatch' } });
		expect(db.select().from(users).where(eq(users.username, 'wang_ayi')).all()).toHaveLength(0);
	});

	it('says only "name taken" for an existing name, whatever its case', async () => {
		const { db, now } = demoWorld();
		const r = await register(db, { ...good, username: 'Resident1' }, null, now);
		expect(r).toEqual({ ok: false, error: 'invalid', fields: { username: 'err_username_taken' } });
	});

	it('two parallel registrations of one name end in one account', async () => {
		const { db, now } = demoWorld();
		const results = await Promise.all([register(db, good, null, now), register(db, good, null, now)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(db.select().from(users).where(eq(users.username, 'wang_ayi')).all()).toHaveLength(1);
	});
});

describe('login', () => {
	it('signs in with the right password and gives staff a short session', async () => {
		const { db, now } = demoWorld();
		await register(db, good, null, now);
		const r = await login(db, { username: 'WANG_AYI', password: good.password }, '10.0.0.2', now);
		expect(r).toMatchObject({ ok: true, value: { staff: false } });
	});

	it('refuses a wrong password without saying which part was wrong', async () => {
		const { db, now } = demoWorld();
		await register(db, good, null, now);
		expect(await login(db, { username: 'wang_ayi', password: 'wrong-password' }, '10.0.0.3', now)).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await login(db, { username: 'nobody-here', password: 'wrong-password' }, '10.0.0.3', now)).toEqual({ ok: false, error: 'invalid_credentials' });
	});
	// Limits on guessing: tests/unit/auth/throttle.test.ts
});

describe('account', () => {
	it('changing the password signs out every other session', async () => {
		const { db, now, actor } = demoWorld();
		const reg = await register(db, good, null, now);
		if (!reg.ok) throw new Error('setup');
		const other = await login(db, { username: 'wang_ayi', password: good.password }, null, now);
		if (!other.ok) throw new Error('setup');
		const me = actor('wang_ayi');
		const current = validateSessionToken(db, reg.value.token, now)!.session.id;
		const wrong = await changePassword(db, me, { sessionId: current }, { currentPassword: 'nope-nope', password: 'river-bridge-42', passwordConfirm: 'river-bridge-42' }, now);
		expect(wrong).toMatchObject({ fields: { currentPassword: 'err_current_password_wrong' } });
		const r = await changePassword(db, me, { sessionId: current }, { currentPassword: good.password, password: 'river-bridge-42', passwordConfirm: 'river-bridge-42' }, now);
		expect(r.ok).toBe(true);
		expect(validateSessionToken(db, reg.value.token, now)).not.toBeNull();
		expect(validateSessionToken(db, other.value.token, now)).toBeNull();
		expect((await login(db, { username: 'wang_ayi', password: 'river-bridge-42' }, null, now)).ok).toBe(true);
		expect(db.select().from(sessions).all().length).toBeGreaterThan(0);
		// the refused attempt left nothing in the log; the change is there once, by the account itself
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'account.change_password')).all()).toEqual([expect.objectContaining({ actorId: me.userId, subjectId: me.userId })]);
	});

	it('updates the display name, refusing an empty one', () => {
		const { db, now, actor } = demoWorld();
		expect(updateProfile(db, actor('resident1'), {}, { displayName: '  ' }, now)).toMatchObject({ fields: { displayName: 'err_display_name_length' } });
		expect(updateProfile(db, actor('resident1'), {}, { displayName: '王奶奶' }, now).ok).toBe(true);
		expect(db.select().from(users).where(eq(users.username, 'resident1')).get()?.displayName).toBe('王奶奶');
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'account.update_profile')).all()).toHaveLength(1);
		expect(updateProfile(db, null, {}, { displayName: 'x' }, now)).toEqual({ ok: false, error: 'unauthenticated' });
	});
});
