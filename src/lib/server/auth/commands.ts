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
import { checkRate, recordRate, type Limit } from '../rate-limit/limiter';
import { isStaff } from '../policy';
import { defineAsyncCommand, defineCommand } from '../kernel/command';
import { loadSite } from '../org/records';
import { verifiedMemberships } from '../residency/queries';
import { HOUR, MINUTE } from '../db/time';

export const LOGIN_LIMITS = {
	perAddress: { bucket: 'login_ip', max: 5, windowMs: MINUTE } satisfies Limit,
	perAccount: { bucket: 'login_account', max: 10, windowMs: HOUR } satisfies Limit
};
const REGISTER_LIMIT: Limit = { bucket: 'register_ip', max: 20, windowMs: HOUR };

// A real hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

export type SignedIn = { userId: number; token: string; staff: boolean; expiresAt: number };

export async function register(db: Db, input: unknown, ip: string | null, now: number): Promise<Result<SignedIn>> {
	const parsed = parseInput(registerSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	if (isCommonPassword(v.password)) return err('invalid', { fields: { password: 'err_password_common' } });
	if (v.password.toLowerCase().includes(v.username)) return err('invalid', { fields: { password: 'err_password_has_name' } });
	const rate = checkRate(db, REGISTER_LIMIT, ip ?? 'unknown', now);
	if (!rate.allowed) return err('rate_limited', { params: { minutes: Math.ceil((rate.retryAt - now) / MINUTE) } });
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
			recordRate(tx, REGISTER_LIMIT, ip ?? 'unknown', now);
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
	const address = ip ?? 'unknown';
	for (const [limit, key] of [
		[LOGIN_LIMITS.perAddress, address],
		[LOGIN_LIMITS.perAccount, name]
	] as const) {
		const rate = checkRate(db, limit, key, now);
		if (!rate.allowed) {
			return err('rate_limited', { params: { minutes: Math.max(1, Math.ceil((rate.retryAt - now) / MINUTE)) } });
		}
	}
	const user = db.select().from(users).where(eq(users.username, name)).get();
	dummyHash ??= hashPassword('not-a-real-password-x9');
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.value.password);
	if (!user || !valid) {
		db.transaction((tx) => {
			recordRate(tx, LOGIN_LIMITS.perAddress, address, now);
			recordRate(tx, LOGIN_LIMITS.perAccount, name, now);
		});
		return err('invalid_credentials');
	}
	const staff = isStaff(verifiedMemberships(db, user.id));
	const token = generateSessionToken();
	return db.transaction((tx) => {
		const session = createSession(tx, token, user.id, staff, now);
		writeAudit(tx, { userId: user.id, ip }, { action: 'user.login', subjectType: 'user', subjectId: user.id }, now);
		return ok({ userId: user.id, token, staff, expiresAt: session.expiresAt });
	});
}

// ── One's own account: commands of the kernel (the account is the signed-in person's, so nothing is looked up) ──

/** A new display name, shown wherever the person acts. */
export const updateProfile = defineCommand({
	action: 'account.update_profile',
	load: loadSite,
	subject: () => ({}),
	input: profileSchema,
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
	before: async (db, { actor, input }): Promise<Result<{ passwordHash: string }>> => {
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
