import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { users } from './schema';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { createSession, generateSessionToken, invalidateOtherSessions } from './sessions';
import { changePasswordSchema, loginSchema, profileSchema, registerSchema } from './validation';
import { parseInput } from '../validation';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { forgetAttempt, gateCurrentPassword, gateLogin, gateRegistration } from './throttle';
import { authorize, isStaff, type Actor } from '../policy';
import { verifiedMemberships } from '../residency/queries';

// A real hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

export type SignedIn = { userId: number; token: string; staff: boolean; expiresAt: number };

export async function register(db: Db, input: unknown, ip: string | null, now: number): Promise<Result<SignedIn>> {
	const parsed = parseInput(registerSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	if (isCommonPassword(v.password)) return err('invalid', { fields: { password: 'err_password_common' } });
	if (v.password.toLowerCase().includes(v.username)) return err('invalid', { fields: { password: 'err_password_has_name' } });
	// counted before hashing, failed attempts too (a taken name tells something)
	const gate = gateRegistration(db, ip ?? 'unknown', now);
	if (!gate.ok) return gate;
	const passwordHash = await hashPassword(v.password);
	const token = generateSessionToken();
	try {
		return db.transaction((tx) => {
			const user = tx
				.insert(users)
				.values({ username: v.username, displayName: v.displayName, passwordHash, createdAt: now })
				.returning({ id: users.id })
				.get();
			const session = createSession(tx, token, user.id, false, now);
			writeAudit(tx, { userId: user.id, ip }, { action: 'user.register', subjectType: 'user', subjectId: user.id, summary: { username: v.username } }, now);
			return ok({ userId: user.id, token, staff: false, expiresAt: session.expiresAt });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('invalid', { fields: { username: 'err_username_taken' } });
		throw e;
	}
}

export async function login(db: Db, input: unknown, ip: string | null, now: number): Promise<Result<SignedIn>> {
	const parsed = parseInput(loginSchema, input);
	if (!parsed.ok) return parsed;
	const name = parsed.value.username.toLowerCase();
	// counted before the hash is checked, so parallel guesses cannot all slip under the limits
	const gate = gateLogin(db, name, ip ?? 'unknown', now);
	if (!gate.ok) return gate;
	const user = db.select().from(users).where(eq(users.username, name)).get();
	dummyHash ??= hashPassword('not-a-real-password-x9');
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.value.password);
	if (!user || !valid) return err('invalid_credentials');
	const staff = isStaff(verifiedMemberships(db, user.id));
	const token = generateSessionToken();
	return db.transaction((tx) => {
		forgetAttempt(tx, gate.attempt);
		const session = createSession(tx, token, user.id, staff, now);
		writeAudit(tx, { userId: user.id, ip }, { action: 'user.login', subjectType: 'user', subjectId: user.id }, now);
		return ok({ userId: user.id, token, staff, expiresAt: session.expiresAt });
	});
}

export function updateProfile(db: Db, actor: Actor | null, input: unknown, now: number): Result<null> {
	const denied = authorize(actor, 'account.edit');
	if (denied) return denied;
	const parsed = parseInput(profileSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction((tx) => {
		tx.update(users).set({ displayName: parsed.value.displayName }).where(eq(users.id, actor!.userId)).run();
		writeAudit(tx, actor, { action: 'user.update_profile', subjectType: 'user', subjectId: actor!.userId, summary: { displayName: parsed.value.displayName } }, now);
		return ok(null);
	});
}

/** Changing the password signs out every other session of the account. */
export async function changePassword(
	db: Db,
	actor: Actor | null,
	currentSessionId: string,
	input: unknown,
	now: number
): Promise<Result<null>> {
	const denied = authorize(actor, 'account.edit');
	if (denied) return denied;
	const parsed = parseInput(changePasswordSchema, input);
	if (!parsed.ok) return parsed;
	if (!gateCurrentPassword(db, actor!.userId, now).ok) return err('invalid', { fields: { currentPassword: 'err_current_password_attempts' } });
	const user = db.select().from(users).where(eq(users.id, actor!.userId)).get();
	if (!user || !(await verifyPassword(user.passwordHash, parsed.value.currentPassword))) {
		return err('invalid', { fields: { currentPassword: 'err_current_password_wrong' } });
	}
	if (isCommonPassword(parsed.value.password)) return err('invalid', { fields: { password: 'err_password_common' } });
	const passwordHash = await hashPassword(parsed.value.password);
	return db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
		invalidateOtherSessions(tx, user.id, currentSessionId);
		writeAudit(tx, actor, { action: 'user.change_password', subjectType: 'user', subjectId: user.id }, now);
		return ok(null);
	});
}
