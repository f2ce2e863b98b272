import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localeFromAcceptLanguage, localeFromRequest } from '../../src/lib/server/i18n';

describe('language from Accept-Language', () => {
	it.each([
		['zh-TW,zh;q=0.9', 'zh-Hant'],
		['zh-HK', 'zh-Hant'],
		['zh-Hant-TW', 'zh-Hant'],
		['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
		['zh-Hans', 'zh-Hans'],
		['en-US,en;q=0.9', 'en'],
		['fr-FR, en;q=0.5', 'en'],
		['de-DE', undefined],
		['', undefined]
	])('%s → %s', (header, locale) => {
		expect(localeFromAcceptLanguage(header)).toBe(locale);
	});
});

describe('language of a request', () => {
	it('the chosen cookie wins over the browser', () => {
		expect(localeFromRequest('a=1; locale=zh-Hans; b=2', 'zh-TW')).toBe('zh-Hans');
		expect(localeFromRequest('locale=en', 'zh-CN')).toBe('en');
	});
	it('an unknown cookie value falls back to Accept-Language', () => {
		expect(localeFromRequest('locale=fr', 'zh-CN')).toBe('zh-Hans');
		expect(localeFromRequest(null, null)).toBeUndefined();
	});
});

/** A message is text, or (for plurals) variants chosen by declared inputs. */
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variants[];
const texts = (msg: Message | undefined): string[] => (msg === undefined ? [] : typeof msg === 'string' ? [msg] : msg.flatMap((v) => Object.values(v.match)));
const params = (msg: Message): string[] => {
	const found = new Set(texts(msg).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])));
	if (typeof msg !== 'string') for (const v of msg) for (const d of v.declarations) if (d.startsWith('input ')) found.add(d.slice('input '.length).trim());
	return [...found].sort();
};

describe('message catalogue', () => {
	// Every folder of messages holds one file per language with the same keys, none empty.
	const dirs = ['messages', ...readdirSync('messages').map((d) => join('messages', d)).filter((d) => statSync(d).isDirectory())];
	for (const dir of dirs) {
		it(`${dir}: every message exists in zh-Hant, zh-Hans and en`, () => {
			const load = (l: string) => JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8')) as Record<string, Message>;
			const [hant, hans, en] = ['zh-Hant', 'zh-Hans', 'en'].map(load);
			const keys = Object.keys(hant).filter((k) => k !== '$schema').sort();
			expect(Object.keys(hans).filter((k) => k !== '$schema').sort()).toEqual(keys);
			expect(Object.keys(en).filter((k) => k !== '$schema').sort()).toEqual(keys);
			for (const k of keys) {
				for (const [name, file] of [['zh-Hant', hant], ['zh-Hans', hans], ['en', en]] as const) {
					expect(texts(file[k]).length, `${name} ${k}`).toBeGreaterThan(0);
					for (const text of texts(file[k])) expect(text.trim(), `${name} ${k}`).toBeTruthy();
				}
				// the same placeholders in every language (a plural's "1 supporter" may leave its count implied)
				expect(params(hans[k]), `zh-Hans ${k}`).toEqual(params(hant[k]));
				expect(params(en[k]), `en ${k}`).toEqual(params(hant[k]));
			}
		});
	}

	it('no key is defined in two message files', () => {
		const seen = new Map<string, string>();
		for (const dir of dirs) {
			for (const k of Object.keys(JSON.parse(readFileSync(join(dir, 'zh-Hant.json'), 'utf8')))) {
				if (k === '$schema') continue;
				expect(seen.get(k), `${k} in ${dir}`).toBeUndefined();
				seen.set(k, dir);
			}
		}
	});
});
