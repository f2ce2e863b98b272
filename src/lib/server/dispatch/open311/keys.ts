// Open311 API keys: made and revoked by street staff. The key is shown once, when it is made; only its SHA-256
// is stored, so a copy of the database files no reports.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { defineCommand } from '../../kernel/command';
import { loadStreet, streetSubject } from '../../org/records';
import { err, ok } from '../../result';
import { open311Keys } from '../schema';
import { keyCreateSchema, keyRevokeSchema } from '../validation';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
/** 32 random bytes, base64url: the secret an API client sends as `api_key`. */
export const newKey = () => `o311_${randomBytes(32).toString('base64url')}`;

export type ApiKey = typeof open311Keys.$inferSelect;

/** The live key of this street with this secret, if any. */
export function keyBySecret(db: DbOrTx, streetId: number, secret: string): ApiKey | undefined {
	if (!secret || secret.length > 200) return undefined;
	return db
		.select()
		.from(open311Keys)
		.where(and(eq(open311Keys.keyHash, hashKey(secret)), eq(open311Keys.streetId, streetId), isNull(open311Keys.revokedAt)))
		.get();
}

/** Stores a key under a name and returns the secret — the only time anyone sees it. */
export function insertKey(tx: DbOrTx, streetId: number, name: string, createdBy: number | null, now: number, secret = newKey()) {
	const row = tx.insert(open311Keys).values({ streetId, name, keyHash: hashKey(secret), hint: secret.slice(-4), createdBy, createdAt: now }).returning({ id: open311Keys.id }).get();
	return { id: row.id, key: secret };
}

export const createKey = defineCommand({
	action: 'open311.key_create',
	load: loadStreet,
	subject: streetSubject,
	input: keyCreateSchema,
	conflict: 'key_name_taken',
	run: ({ tx, actor, record: street, input, now }) => ok(insertKey(tx, street.id, input.name, actor.userId, now)),
	// never the secret: the log says which key, by name and its last characters
	audit: ({ input }, made) => ({ subjectType: 'open311_key', subjectId: made.id, summary: { name: input.name, hint: made.key.slice(-4) } })
});

function loadKey(db: DbOrTx, target: { streetId: number; id: number }): ApiKey | undefined {
	return db
		.select()
		.from(open311Keys)
		.where(and(eq(open311Keys.id, target.id), eq(open311Keys.streetId, target.streetId)))
		.get();
}

/** A revoked key files nothing more; what it filed stays. */
export const revokeKey = defineCommand({
	action: 'open311.key_revoke',
	load: loadKey,
	subject: (k: ApiKey) => ({ streetId: k.streetId }),
	rule: (_actor, k) => (k.revokedAt === null ? null : 'key_revoked'),
	input: keyRevokeSchema,
	run: ({ tx, actor, record, now }) => {
		const revoked = tx
			.update(open311Keys)
			.set({ revokedAt: now, revokedBy: actor.userId })
			.where(and(eq(open311Keys.id, record.id), isNull(open311Keys.revokedAt)))
			.run();
		return revoked.changes ? ok(null) : err('key_revoked');
	},
	audit: ({ record }) => ({ subjectType: 'open311_key', subjectId: record.id, summary: { name: record.name, hint: record.hint } })
});
