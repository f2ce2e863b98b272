// The reader never sees a bare key: every message key the code can ask for at run time exists in the catalogue
// (and so, by i18n.test.ts, in all three languages).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasMessage, t } from '../../src/lib/server/i18n';
import { AUDIT_ACTIONS, auditLabelKey } from '../../src/lib/server/audit/actions';

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sources(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}
const code = sources('src').map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

/** Every distinct match of `pattern`'s first group across the sources, with a file it was found in. */
function found(pattern: RegExp): Map<string, string> {
	const out = new Map<string, string>();
	for (const { file, text } of code) for (const m of text.matchAll(pattern)) if (!out.has(m[1])) out.set(m[1], file);
	return out;
}
const missing = (keys: Map<string, string>, toKey: (k: string) => string) => [...keys].filter(([k]) => !hasMessage(toKey(k))).map(([k, f]) => `${toKey(k)} (${f})`);

describe('no bare keys', () => {
	it('every audit action has a label', () => {
		expect(AUDIT_ACTIONS.filter((a) => !hasMessage(auditLabelKey(a)))).toEqual([]);
	});

	it('every error code a command returns has a sentence', () => {
		const codes = found(/\berr\(\s*'([a-z_]+)'/g);
		// a rule's ternary results and a conflict's code (not the states or phases it compares with)
		for (const { file, text } of code.filter((c) => !c.file.includes('kernel'))) {
			for (const line of text.split('\n').filter((l) => /^\s*(rule|conflict):/.test(l))) {
				for (const m of line.matchAll(/(?:\?|:)\s*'([a-z][a-z_]+)'/g)) codes.set(m[1], file);
			}
		}
		codes.delete('invalid');
		expect(codes.size).toBeGreaterThan(20);
		expect(missing(codes, (k) => `error_${k}`)).toEqual([]);
	});

	it('every field message key exists', () => {
		const keys = found(/'(err_[a-z0-9_]+)'/g);
		expect(keys.size).toBeGreaterThan(20);
		expect(missing(keys, (k) => k)).toEqual([]);
	});

	it('every one-time message after a form exists', () => {
		const keys = found(/'(flash_[a-z0-9_]+)'/g);
		expect(keys.size).toBeGreaterThan(5);
		expect(missing(keys, (k) => k)).toEqual([]);
	});

	it('every notification kind has its message', () => {
		const kinds = found(/notify\([^)]*?'([a-z_]+)',\s*\{/g);
		expect(kinds.size).toBeGreaterThan(5);
		expect(missing(kinds, (k) => `notify_${k}`)).toEqual([]);
	});

	it('t() of an unknown key says the key (so a missing one is found by these tests, not by residents)', () => {
		expect(t('flash_saved')).not.toBe('flash_saved');
		expect(t('no_such_key_anywhere')).toBe('no_such_key_anywhere');
	});
});
