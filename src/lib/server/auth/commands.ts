import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { users } from './schema';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { createSession, generateSessionToken, invalidateOtherSessions } from './sessions';
import { changePasswordSchema, loginSchema, profileSchemaFor, registerSchema } from './validation';
import { parseInput } from '../validation';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { forgetAttempt, gateCurrentPassword, gateLogin, gateRegistration } from './throttle';
import { isStaff } from '../policy';
import { defineAsyncCommand, defineCommand } from '../kernel/command';
import { loadSite } from '../org/records';
import { imitatesStaff } from '../text';
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

// ── One's own account: commands of the kernel (the account is the signed-in person's, so nothing is looked up) ──

/** A new display name, shown wherever the person acts. Only staff may carry a staff title in it (居委會 王主任). */
export const updateProfile = defineCommand({
	action: 'account.update_profile',
	load: loadSite,
	subject: () => ({}),
	input: profileSchemaFor(true),
	check: (_db, { actor, input }) =>
		!isStaff(actor.memberships) && imitatesStaff(input.displayName) ? err('invalid', { fields: { displayName: 'err_display_name_staff_title' } }) : null,
	run: ({ tx, actor, input }) => {
		tx.update(users).set({ displayName: input.displayName }).where(eq(users.id, actor.userId)).run();
		return ok(null);
	},
	audit: ({ actor, input }) => ({ subjectType: 'user', subjectId: actor.userId, summary: { displayName: input.displayName } })
});

/**
 * A new password, after the current one is verified (argon2, slow: before the transaction). It signs out
 * every other session of the account; the one in use (the target's `sessionId`) stays signed in.
 */
export const changePassword = defineAsyncCommand({
	action: 'account.change_password',
	load: (_db, target: { sessionId: string | null }) => ({ keepSessionId: target.sessionId }),
	subject: () => ({}),
	input: changePasswordSchema,
	before: async (db, { actor, input, now }): Promise<Result<{ passwordHash: string }>> => {
		// counted before the slow check, so parallel guesses at the current password are held back too
		if (!gateCurrentPassword(db, actor.userId, now).ok) return err('invalid', { fields: { currentPassword: 'err_current_password_attempts' } });
		const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).get();
		if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
			return err('invalid', { fields: { currentPassword: 'err_current_password_wrong' } });
		}
		if (isCommonPassword(input.password)) return err('invalid', { fields: { password: 'err_password_common' } });
		return ok({ passwordHash: await hashPassword(input.password) });
	},
	run: ({ tx, actor, record, input }) => {
		tx.update(users).set({ passwordHash: input.passwordHash }).where(eq(users.id, actor.userId)).run();
		invalidateOtherSessions(tx, actor.userId, record.keepSessionId ?? undefined);
		return ok(null);
	},
	audit: ({ actor }) => ({ subjectType: 'user', subjectId: actor.userId })
});
