// Zod building blocks for text people type: normalised, free of characters that hide or reorder what is
// shown, counted as people count, and (for Markdown) shaped so that rendering it stays cheap.
// Messages are message keys, shown beside the field.
import { z } from 'zod';
import { MARKDOWN_LIMITS, markdownShape } from '../markdown-limits';

// C0 and C1 controls; a multi-line text may keep tab, line feed and carriage return.
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Embeddings, overrides and isolates: they reorder what follows them ("gnp.exe" shown as "exe.png"). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** White space, and characters that show nothing: zero-width, joiners, fillers, variation selectors, tags. */
const INVISIBLE =
	/[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu;

export const onlyInvisible = (s: string) => s.length > 0 && s.replace(INVISIBLE, '') === '';

/**
 * A text field: NFC-normalised and trimmed; refuses control characters, bidirectional overrides, and a
 * text made only of invisible characters. `multiline` allows line breaks and tabs.
 */
export function plainText(options: { multiline?: boolean; missing?: string } = {}) {
	const control = options.multiline ? CONTROL_MULTILINE : CONTROL_LINE;
	return z
		.string({ error: options.missing ?? 'err_required' })
		.normalize('NFC')
		.trim()
		.refine((s) => !control.test(s), { error: 'err_text_control' })
		.refine((s) => !BIDI_CONTROL.test(s), { error: 'err_text_bidi' })
		.refine((s) => !onlyInvisible(s), { error: 'err_text_invisible' });
}

/** Characters as people count them: 「社區」 is 2, an emoji is 1 (code points, not UTF-16 units). */
export const characters = (s: string) => [...s].length;

/** Length between `min` and `max` characters, else `key`. Pipe a text into it: `plainText().pipe(textLength(1, 40, key))`. */
export const textLength = (min: number, max: number, key: string) =>
	z.string().refine((s) => characters(s) >= min && characters(s) <= max, { error: key });

/**
 * Markdown that renders quickly: quotes, lists and emphasis nested no deeper than markdown-limits.ts
 * allows. Old texts are bounded when shown anyway; this tells the writer while they can still fix it.
 */
export const boundedMarkdown = () =>
	z.string().refine(
		(s) => {
			const shape = markdownShape(s);
			return shape.depth <= MARKDOWN_LIMITS.depth && shape.marks <= MARKDOWN_LIMITS.marks;
		},
		{ error: 'err_markdown_too_deep' }
	);

type TextOptions = { multiline?: boolean; markdown?: boolean };

/**
 * The one builder for text fields: clean text (plainText), required, `min`–`max` characters as people count
 * them (else `key`), and for Markdown fields shaped so that it renders quickly.
 */
export function text(min: number, max: number, key: string, options: TextOptions = {}) {
	const clean = plainText({ multiline: options.multiline || options.markdown })
		.refine((s) => s.length > 0, { error: 'err_required' })
		.pipe(textLength(min, max, key));
	return options.markdown ? clean.pipe(boundedMarkdown()) : clean;
}

/** The same for a field that may be left empty: empty (or not sent) is null. */
export function optionalText(max: number, key = 'err_too_long', options: TextOptions = {}) {
	const clean = plainText({ multiline: options.multiline || options.markdown }).pipe(textLength(0, max, key));
	return (options.markdown ? clean.pipe(boundedMarkdown()) : clean).optional().transform((s) => s || null);
}

// ── Names that imitate staff ──────────────────────────────────────────────────────────────────────────

/** Titles only staff may show, in simplified form; names are folded the same way before comparing. */
const STAFF_TITLES = ['居委会', '居民委员会', '街道办', '网格员', '管理员', '工作人员', '社区书记', '官方'];
const LATIN_TITLES = /\b(?:admin|administrator|moderator|official)\b/;
const TRADITIONAL: Record<string, string> = { 會: '会', 辦: '办', 網: '网', 員: '员', 區: '区', 書: '书', 記: '记', 處: '处' };

/** The name with look-alikes folded: compatibility forms (ＡＢＣ), traditional characters, and no spaces or dots between. */
function skeleton(name: string): string {
	return name
		.normalize('NFKC')
		.toLowerCase()
		.replace(INVISIBLE, '')
		.replace(/[\p{P}\p{S}]/gu, '')
		.replace(/[會辦網員區書記處]/g, (c) => TRADITIONAL[c]);
}

export function imitatesStaff(name: string): boolean {
	const latin = name.normalize('NFKC').toLowerCase().replace(/[^a-z]+/g, ' ');
	return LATIN_TITLES.test(latin) || STAFF_TITLES.some((title) => skeleton(name).includes(title));
}

/** A display name; only staff may carry a staff title in it (nobody is staff when registering). */
export const displayNameText = (staff: boolean) => {
	const name = plainText({ missing: 'err_display_name_length' }).pipe(textLength(1, 40, 'err_display_name_length'));
	return staff ? name : name.refine((s) => !imitatesStaff(s), { error: 'err_display_name_staff_title' });
};
