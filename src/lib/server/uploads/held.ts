// Chosen files held across a refused form (schema.ts says why). Domain-neutral: formAction (http.ts) holds what a
// signed-in person chose when their form comes back, and merges it in again when the form is sent next.
//
// Not a command of the kernel and not audited: holding a draft's files changes nothing anyone else sees or relies
// on (no civic record, no state, no right), it is private to its owner, unreadable by anyone else and gone within
// the hour — the same standing as the typed text a refused form shows again. What the person then files goes
// through its command, with its audit row, as always.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { HOUR } from '../db/time';
import { heldUploads } from './schema';
import type { PhotoLimits } from '../media/photos';
import type { HeldListing } from '../../held-files';

/** A held file is good for an hour after it was chosen. */
export const HOLD_MS = HOUR;
/** What one person may hold at once, all forms together: a little more than the largest form takes (6 × 5 MB). */
export const USER_MAX_FILES = 12;
export const USER_MAX_BYTES = 40 * 1024 * 1024;

/** How many files a field takes and how large each may be (a domain's PhotoLimits), with its messages. */
export type FileLimits = PhotoLimits & { tooBig?: string };
/** A file as a form hands it over (http.ts `Upload`). */
export type HeldFile = { name: string; type: string; bytes: Uint8Array };
export type { HeldListing };
export type Held = HeldFile & HeldListing;

const TOKEN = /^[0-9a-f]{32}$/;
const newToken = () => randomBytes(16).toString('hex');

/**
 * The files `tokens` name that this person holds for this field and that have not expired, in the order they
 * were first chosen. Anything else (another person's token, another field's, an expired or made-up one) is
 * simply not found.
 */
export function takeHeld(db: DbOrTx, userId: number, field: string, tokens: readonly string[], now: number): Held[] {
	const wanted = [...new Set(tokens.filter((t) => TOKEN.test(t)))];
	if (!wanted.length) return [];
	return db
		.select({ token: heldUploads.token, name: heldUploads.fileName, type: heldUploads.contentType, bytes: heldUploads.bytes })
		.from(heldUploads)
		.where(and(inArray(heldUploads.token, wanted), eq(heldUploads.userId, userId), eq(heldUploads.field, field), sql`${heldUploads.createdAt} > ${now - HOLD_MS}`))
		.orderBy(asc(heldUploads.id))
		.all()
		.map((r) => ({ ...r, bytes: new Uint8Array(r.bytes) }));
}

/** Held files first (in the order first chosen), then those chosen now: the order the person put them in. */
export function mergeHeld(held: readonly HeldFile[], chosen: readonly HeldFile[]): HeldFile[] {
	return [...held.map(({ name, type, bytes }) => ({ name, type, bytes })), ...chosen];
}

/** The limit a set of files breaks (its message key), or null. */
export function overLimits(files: readonly { bytes: Uint8Array }[], limits: FileLimits): string | null {
	if (files.length > limits.max) return limits.tooMany;
	if (files.some((f) => f.bytes.length > limits.maxBytes)) return limits.tooBig ?? 'err_photo_too_big';
	return null;
}

type Holding = { ok: true; held: HeldListing[] } | { ok: false; error: string };

/**
 * Holds `chosen` beside the `kept` files (already held) of one field of a refused form, within the field's limits.
 * When this person would hold more than USER_MAX_FILES / USER_MAX_BYTES in all, their oldest other holds (another
 * form left behind) make room: the form in front of them matters most. Over the field's own limits, nothing new
 * is held and the error says which limit.
 */
export function holdFiles(db: Db, userId: number, field: string, kept: readonly Held[], chosen: readonly HeldFile[], limits: FileLimits, now: number): Holding {
	const problem = overLimits([...kept, ...chosen], limits);
	if (problem) return { ok: false, error: problem };
	const added = chosen.map((f) => ({ ...f, token: newToken() }));
	db.transaction(
		(tx) => {
			for (const f of added) {
				tx.insert(heldUploads)
					.values({ token: f.token, userId, field, fileName: f.name.slice(0, 200), contentType: f.type.slice(0, 100), bytes: Buffer.from(f.bytes), size: f.bytes.length, createdAt: now })
					.run();
			}
			makeRoom(tx, userId, [...kept, ...added].map((f) => f.token));
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, held: [...kept, ...added].map(({ token, name }) => ({ token, name })) };
}

/** Drops this person's oldest holds, other than `keep`, until what they hold is within bounds. */
function makeRoom(tx: DbOrTx, userId: number, keep: string[]) {
	const rows = tx.select({ token: heldUploads.token, size: heldUploads.size }).from(heldUploads).where(eq(heldUploads.userId, userId)).orderBy(asc(heldUploads.id)).all();
	let files = rows.length;
	let bytes = rows.reduce((sum, r) => sum + r.size, 0);
	const drop: string[] = [];
	for (const r of rows) {
		if (files <= USER_MAX_FILES && bytes <= USER_MAX_BYTES) break;
		if (keep.includes(r.token)) continue;
		drop.push(r.token);
		files -= 1;
		bytes -= r.size;
	}
	if (drop.length) tx.delete(heldUploads).where(and(eq(heldUploads.userId, userId), inArray(heldUploads.token, drop))).run();
}

/** Lets go of this person's held files named by `tokens` (filed, or discarded by them); others' are untouched. */
export function releaseHeld(db: DbOrTx, userId: number, tokens: readonly string[]) {
	const named = tokens.filter((t) => TOKEN.test(t));
	if (named.length) db.delete(heldUploads).where(and(eq(heldUploads.userId, userId), inArray(heldUploads.token, named))).run();
}

/** The hourly job: held files older than an hour are deleted (each run takes what is due; running twice is harmless). */
export function deleteExpiredHolds(db: DbOrTx, now: number) {
	db.delete(heldUploads).where(lt(heldUploads.createdAt, now - HOLD_MS)).run();
}

