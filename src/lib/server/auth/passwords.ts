import { hash, verify } from '@node-rs/argon2';
import commonPasswords from './common-passwords.json';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane. Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const COMMON = new Set<string>(commonPasswords as string[]);

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

export function isCommonPassword(password: string): boolean {
	return COMMON.has(password.toLowerCase());
}

export const COMMON_PASSWORD_COUNT = COMMON.size;
