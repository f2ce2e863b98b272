// The tokens of the index of characters and pairs (src/lib/server/db/grams.ts), and the one way they are written.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { gramToken, textGrams } from '../../src/lib/server/db/grams';
import { clientOf, createTestDb } from '../../src/lib/server/db/client';

const tokens = (...texts: string[]) => textGrams(...texts).split(' ');

describe('tokens of characters and pairs', () => {
	it('holds each character and each adjacent pair of each text, once, lower-casing ASCII only', () => {
		expect(tokens('電梯電梯')).toEqual([gramToken('電'), gramToken('電梯'), gramToken('梯'), gramToken('梯電')]);
		expect(tokens('AB')).toEqual(tokens('ab'));
		expect(tokens('É')).not.toEqual(tokens('é'));
	});
	it('pairs no characters across two texts, and stops at a NUL as LIKE does', () => {
		expect(tokens('電', '梯')).not.toContain(gramToken('電梯'));
		expect(tokens('電\u0000梯')).toEqual([gramToken('電')]);
	});
	it('never reads a character as a pair: any code point is six hex digits', () => {
		expect(gramToken('😀')).toBe('01f600');
		expect(gramToken('a😀')).toBe('00006101f600');
		expect(() => gramToken('電梯們')).toThrow();
	});
	it('is needed to write a proposal: a connection without it is refused, not left out of the index', () => {
		const db = createTestDb();
		const plain = new Database(clientOf(db).serialize());
		try {
			plain.exec(`INSERT INTO streets (id, slug, name, created_at) VALUES (1, 's', 's', 0); INSERT INTO communities (id, street_id, slug, name, created_at) VALUES (1, 1, 'c', 'c', 0);
				INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (1, 'u', 'u', 'x', 0);`);
			expect(() => plain.exec(`INSERT INTO proposals (community_id, author_id, title, body, category, created_at, updated_at) VALUES (1, 1, '電梯', '電梯', 'facilities', 0, 0)`)).toThrow(/no such function: text_grams/);
		} finally {
			plain.close();
		}
	});
});
