// Password guessing is slowed, never turned into a lock-out of the owner.
//
// Every password check is counted *before* it is made, in one IMMEDIATE transaction with the check of the
// limits, so parallel requests cannot all slip under a limit while the hashes are being computed. An
// attempt that turns out right is forgotten again; a wrong one stays counted for the window.
//
// Delays grow: after `free` attempts in the window, the next waits `baseMs` after the last one, then twice
// that, and so on up to `maxMs`. Three counts apply to signing in:
//   - account at address: a guesser at one address is slowed quickly; the owner elsewhere is untouched;
//   - address: many accounts tried from one address (credential stuffing), generous for a shared NAT;
//   - account, from anywhere: once an account has drawn many failures, an address that has failed on it
//     must wait from its first failure on — but an address with no failure on it still gets its try,
//     so the owner signs in while the account is under attack.
import { and, count, eq, gte, inArray, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { rateEvents } from '../rate-limit/schema';
import { err, type Err } from '../result';
import { HOUR, MINUTE } from '../db/time';

export type Rule = { bucket: string; windowMs: number; free: number; baseMs: number; maxMs: number };

export const RULES = {
	accountAtAddress: { bucket: 'login_pair', windowMs: HOUR, free: 5, baseMs: 30_000, maxMs: 15 * MINUTE },
	address: { bucket: 'login_address', windowMs: 15 * MINUTE, free: 30, baseMs: 1_000, maxMs: MINUTE },
	account: { bucket: 'login_account', windowMs: HOUR, free: 10, baseMs: 30_000, maxMs: 15 * MINUTE },
	register: { bucket: 'register_address', windowMs: HOUR, free: 20, baseMs: 3 * MINUTE, maxMs: HOUR },
	currentPassword: { bucket: 'current_password', windowMs: HOUR, free: 5, baseMs: 30_000, maxMs: 15 * MINUTE }
} satisfies Record<string, Rule>;

type Count = { n: number; last: number | null };

function counted(db: DbOrTx, rule: Rule, key: string, now: number): Count {
	const row = db
		.select({ n: count(), last: max(rateEvents.at) })
		.from(rateEvents)
		.where(and(eq(rateEvents.bucket, rule.bucket), eq(rateEvents.key, key), gte(rateEvents.at, now - rule.windowMs)))
		.get();
	return { n: row?.n ?? 0, last: row?.last ?? null };
}

/** When the next attempt may be made under this rule, given what is counted (now or earlier: at once). */
export function nextAllowedAt(rule: Rule, c: Count): number {
	if (c.n < rule.free || c.last === null) return 0;
	return c.last + Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, c.n - rule.free));
}

/** An attempt let through: the rows that count it, to be forgotten if it turns out right. */
export type Attempt = { ids: number[]; pair?: string };
export type Gate = { ok: true; attempt: Attempt } | Err<'rate_limited'>;

const refused = (retryAt: number, now: number): Err<'rate_limited'> =>
	err('rate_limited', { params: { minutes: Math.max(1, Math.ceil((retryAt - now) / MINUTE)) } });

/** Checks the rules and, if they allow, counts the attempt — in one IMMEDIATE transaction. */
function gate(db: Db, checks: { rule: Rule; key: string; applies?: (counts: Count[]) => boolean }[], now: number): Gate {
	return db.transaction(
		(tx) => {
			const counts = checks.map((c) => counted(tx, c.rule, c.key, now));
			const retryAt = Math.max(0, ...checks.map((c, i) => (c.applies?.(counts) === false ? 0 : nextAllowedAt(c.rule, counts[i]))));
			if (retryAt > now) return refused(retryAt, now);
			const ids = checks.map(
				(c) => tx.insert(rateEvents).values({ bucket: c.rule.bucket, key: c.key, at: now }).returning({ id: rateEvents.id }).get().id
			);
			return { ok: true as const, attempt: { ids } };
		},
		{ behavior: 'immediate' }
	);
}

const pairKey = (account: string, address: string) => `${account}\n${address}`;

/** Before checking a password to sign in to `account` from `address`. */
export function gateLogin(db: Db, account: string, address: string, now: number): Gate {
	const pair = pairKey(account, address);
	const result = gate(
		db,
		[
			{ rule: RULES.accountAtAddress, key: pair },
			{ rule: RULES.address, key: address },
			// counts[0] is this address's record on this account: a clean address is not held back by others' failures
			{ rule: RULES.account, key: account, applies: (counts) => counts[0].n > 0 }
		],
		now
	);
	return result.ok ? { ok: true, attempt: { ...result.attempt, pair } } : result;
}

/** The password was right: the attempt is forgotten, and so are this address's earlier slips on the account. */
export function forgetAttempt(db: DbOrTx, attempt: Attempt) {
	if (attempt.ids.length) db.delete(rateEvents).where(inArray(rateEvents.id, attempt.ids)).run();
	if (attempt.pair) db.delete(rateEvents).where(and(eq(rateEvents.bucket, RULES.accountAtAddress.bucket), eq(rateEvents.key, attempt.pair))).run();
}

/** Before creating an account from `address`: at most 20 attempts an hour, failed ones included. */
export const gateRegistration = (db: Db, address: string, now: number): Gate => gate(db, [{ rule: RULES.register, key: address }], now);

/** Before checking the current password on /account (someone holding a session must not guess it quickly). */
export const gateCurrentPassword = (db: Db, userId: number, now: number): Gate =>
	gate(db, [{ rule: RULES.currentPassword, key: String(userId) }], now);
