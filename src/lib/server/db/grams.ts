// Search terms of 1-2 characters (電梯, 梯, 5F) found through an index, with the rows LIKE '%term%' finds.
//
// The trigram index cannot see terms under 3 characters and SQLite has no bigram tokenizer, so a proposal's index
// row (proposals_grams, migration 0019) holds a token for every character and every pair of adjacent characters of
// each of its texts (each text on its own, as LIKE tests them). A token is the code points in fixed-width hex, six
// digits each ("電梯" is 0096fb0068af): any character, punctuation included, becomes a plain token the `ascii`
// tokenizer keeps whole, and a character (6 digits) never reads as a pair (12). Letters are lower-cased ASCII only,
// as LIKE and SQLite's lower() fold them. A term's own token is then in a row exactly when LIKE '%term%' would
// match one of its texts.
//
// The tokens are made here, in a SQL function the index triggers call, rather than in SQL itself: triggers allow
// no WITH, and numbering a text's positions otherwise (json_each) with substr() costs time in the square of its
// length (150 ms for a 5,000-character body, inside the write lock). openDatabase registers it on every
// connection, so every write path — commands, migrations, seeds, tests, benchmarks — keeps the index in step; a
// connection without it (the sqlite3 shell) has its write to proposals refused ("no such function"), never
// silently left out of the index.
import type Database from 'better-sqlite3';

export const GRAMS_FUNCTION = 'text_grams';

const hexOf = new Map<number, string>();
function hex(codePoint: number): string {
	let h = hexOf.get(codePoint);
	if (h === undefined) {
		h = codePoint.toString(16).padStart(6, '0');
		if (hexOf.size < 20_000) hexOf.set(codePoint, h);
	}
	return h;
}

/** Code points of a text as SQLite's LIKE reads it: up to a NUL, ASCII letters lower-cased. */
function codePoints(text: string): number[] {
	const out: number[] = [];
	for (const c of text) {
		const cp = c.codePointAt(0)!;
		if (cp === 0) break;
		out.push(cp >= 65 && cp <= 90 ? cp + 32 : cp);
	}
	return out;
}

/** The index tokens of some texts: each character and each adjacent pair within one text, once, space-separated. */
export function textGrams(...texts: unknown[]): string {
	const tokens = new Set<string>();
	for (const text of texts) {
		if (typeof text !== 'string') continue;
		const cps = codePoints(text);
		for (let i = 0; i < cps.length; i++) {
			const one = hex(cps[i]);
			tokens.add(one);
			if (i + 1 < cps.length) tokens.add(one + hex(cps[i + 1]));
		}
	}
	return [...tokens].join(' ');
}

/** The token a term of 1-2 characters is found by. */
export function gramToken(term: string): string {
	const cps = codePoints(term);
	if (cps.length < 1 || cps.length > 2 || cps.length !== [...term].length) throw new Error('a term of 1-2 characters, without NUL');
	return cps.map(hex).join('');
}

/** Registers the SQL function the index triggers call; openDatabase does, for every connection. */
export function registerGrams(sqlite: Database.Database) {
	sqlite.function(GRAMS_FUNCTION, { deterministic: true, varargs: true }, (...texts: unknown[]) => textGrams(...texts));
}
