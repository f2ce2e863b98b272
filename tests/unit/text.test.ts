// What people type is cleaned and checked the same way everywhere: src/lib/server/text.ts.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boundedMarkdown, characters, displayNameText, imitatesStaff, plainText, textLength } from '../../src/lib/server/text';
import { registerSchema, profileSchema, profileSchemaFor } from '../../src/lib/server/auth/validation';
import { parseInput } from '../../src/lib/server/validation';
import { HOSTILE_MARKDOWN, ordinaryMarkdown } from '../fixtures/hostile-markdown';

const firstError = (schema: z.ZodType, value: unknown) => {
	const r = schema.safeParse(value);
	return r.success ? null : r.error.issues[0].message;
};

describe('plainText', () => {
	const line = plainText();
	const body = plainText({ multiline: true });

	it('normalises to NFC and trims', () => {
		// "é" typed as e + combining acute, and "가" as two jamo
		expect(line.parse(' cafe\u0301 \u1100\u1161 ')).toBe('café 가');
		expect(line.parse('\u3000王阿姨\u3000')).toBe('王阿姨');
	});

	it.each([
		['a NUL', 'a\u0000b'],
		['an escape sequence', 'red \u001b[31m'],
		['a DEL', 'x\u007f'],
		['a C1 control', 'x\u0085y'],
		['a line break in one line', 'a\nb']
	])('refuses %s with err_text_control', (_, value) => {
		expect(firstError(line, value)).toBe('err_text_control');
	});

	it('lets a multi-line text keep line breaks and tabs but no other control', () => {
		expect(body.parse('第一行\r\n第二行\t完')).toBe('第一行\r\n第二行\t完');
		expect(firstError(body, '第一行\u0007')).toBe('err_text_control');
	});

	it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
		'refuses the bidirectional control U+%s',
		(c) => {
			expect(firstError(line, `invoice${c}fdp.exe`)).toBe('err_text_bidi');
		}
	);

	it.each([
		['zero-width spaces', '\u200b\u200b'],
		['a zero-width joiner and a BOM', '\u200d\ufeff'],
		['Hangul fillers', '\u3164\u3164'],
		['a braille blank', '\u2800'],
		['a soft hyphen and a variation selector', '\u00ad\ufe0f'],
		['tag characters', '\u{e0041}\u{e0042}']
	])('refuses a text made only of %s', (_, value) => {
		expect(firstError(line, value)).toBe('err_text_invisible');
	});

	it('keeps visible text with a zero-width joiner inside (emoji families are one character)', () => {
		expect(line.parse('👨‍👩‍👧 一家')).toBe('👨‍👩‍👧 一家');
	});
});

describe('textLength counts characters as people do', () => {
	it('counts code points, not UTF-16 units', () => {
		expect(characters('社區')).toBe(2);
		expect(characters('𠀋𠀋')).toBe(2); // outside the BMP: two UTF-16 units each
		expect(characters('😀')).toBe(1);
	});

	it('accepts 40 CJK extension characters or emoji where a max of 40 is set', () => {
		const forty = textLength(1, 40, 'err_display_name_length');
		expect(forty.safeParse('😀'.repeat(40)).success).toBe(true); // .max(40) on UTF-16 would refuse this
		expect(firstError(forty, '😀'.repeat(41))).toBe('err_display_name_length');
		expect(firstError(forty, '')).toBe('err_display_name_length');
	});
});

describe('boundedMarkdown', () => {
	it('accepts ordinary writing', () => {
		expect(boundedMarkdown().safeParse(ordinaryMarkdown(5_000)).success).toBe(true);
	});

	it.each(['10,000 >', '5,000 nested list levels on one line', '2,500 nested emphasis', '10,000 [', '*a × 7,500'])(
		'refuses %s with err_markdown_too_deep',
		(name) => {
			expect(firstError(boundedMarkdown(), HOSTILE_MARKDOWN[name])).toBe('err_markdown_too_deep');
		}
	);

	it('composes with the other helpers', () => {
		const schema = plainText({ multiline: true }).pipe(textLength(1, 5000, 'err_too_long')).pipe(boundedMarkdown());
		expect(schema.parse('> 引用\n\n**好**')).toBe('> 引用\n\n**好**');
		expect(firstError(schema, '>'.repeat(40) + ' x')).toBe('err_markdown_too_deep');
	});
});

describe('display names may not pose as staff', () => {
	it.each(['居委會', '金韋居委会', '街道辦 李', '街道办事处', '網格員小王', '网格员', '管理員', '居民委員會主任', '居 委 會', '居·委·會', '居\u200b委會', 'Admin', 'ＡＤＭＩＮ', 'site moderator', '官方客服'])(
		'refuses %s for a resident',
		(name) => {
			expect(imitatesStaff(name)).toBe(true);
			expect(firstError(displayNameText(false), name)).toBe('err_display_name_staff_title');
		}
	);

	it.each(['王阿姨', '居民老李', '委員會觀察者 小陳', 'Badminton 愛好者', 'Administration fan? no: Adminton'])('accepts %s', (name) => {
		expect(imitatesStaff(name)).toBe(false);
	});

	it('lets staff carry their title', () => {
		expect(displayNameText(true).parse('金韋居委會 王主任')).toBe('金韋居委會 王主任');
		expect(profileSchemaFor(true).safeParse({ displayName: '街道辦 李科長' }).success).toBe(true);
	});

	it('is wired into registration and the profile form', () => {
		const form = { username: 'fake_staff', displayName: '金韋居委會', password: 'lotus-pond-1987', passwordConfirm: 'lotus-pond-1987' };
		expect(parseInput(registerSchema, form)).toMatchObject({ ok: false, fields: { displayName: 'err_display_name_staff_title' } });
		expect(parseInput(registerSchema, { ...form, displayName: '\u202e阿王' })).toMatchObject({ fields: { displayName: 'err_text_bidi' } });
		expect(parseInput(registerSchema, { ...form, displayName: '\u200b' })).toMatchObject({ fields: { displayName: 'err_text_invisible' } });
		expect(parseInput(profileSchema, { displayName: '網格員' })).toMatchObject({ fields: { displayName: 'err_display_name_staff_title' } });
		expect(parseInput(profileSchema, { displayName: 'cafe\u0301' })).toEqual({ ok: true, value: { displayName: 'café' } });
	});
});
