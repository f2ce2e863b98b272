// Every field whose text a page shows through renderMarkdown refuses, when it is saved, Markdown nested too deep to
// render quickly, and every one is clean text (text.ts): the writer is told while they can still fix it. Rendering
// bounds old texts anyway (markdown-limits.test.ts); this is the check at the door, field by field.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as proposals from '../../src/lib/server/proposals/validation';
import * as consultations from '../../src/lib/server/consultations/validation';
import * as menus from '../../src/lib/server/menus/validation';
import * as areas from '../../src/lib/server/areas/validation';
import * as ratings from '../../src/lib/server/ratings/validation';

/** The schema of one field of an object schema, through any refinements and transforms around the object. */
function field(schema: z.ZodType, name: string): z.ZodType {
	let s = schema as unknown as { shape?: Record<string, z.ZodType>; in?: z.ZodType; def?: { in?: z.ZodType } };
	while (!s.shape) {
		const inner = s.in ?? s.def?.in;
		if (!inner) throw new Error(`no field ${name}`);
		s = inner as typeof s;
	}
	if (!s.shape[name]) throw new Error(`no field ${name}`);
	return s.shape[name];
}

const firstError = (schema: z.ZodType, value: string) => {
	const r = schema.safeParse(value);
	return r.success ? null : r.error.issues[0]?.message;
};

/** Every Markdown field of the forms: [domain, schema, field]. A page that renders another one adds it here. */
const MARKDOWN_FIELDS: [string, z.ZodType, string][] = [
	['proposal', proposals.proposalSchema, 'body'],
	['proposal answer', proposals.answerSchema, 'reason'],
	['proposal to a menu', proposals.menuSchema, 'note'],
	['proposal merge', proposals.mergeSchema, 'note'],
	['consultation', consultations.openSchema, 'background'],
	['comment', consultations.commentSchema, 'body'],
	['official reply', consultations.officialReplySchema, 'body'],
	['pinned summary', consultations.pinSchema, 'summary'],
	['resolution', consultations.closeSchema, 'resolution'],
	['implementation', consultations.implementationSchema, 'implementation'],
	['stage', consultations.stageSchema, 'body'],
	['menu', menus.menuSchema, 'description'],
	['menu project', menus.candidateSchema, 'description'],
	['area duties', areas.areaSchema, 'duties'],
	['area not adoptable', areas.areaSchema, 'notAdoptableReason'],
	['area reason', areas.reasonSchema, 'reason'],
	['claim decision', areas.decisionSchema, 'reason'],
	['care log', areas.careSchema, 'note'],
	['team', areas.teamSchema, 'description'],
	['rating comment', ratings.rateInput, 'comment']
];

// Short enough for every field's length limit, too deep for the renderer's.
const DEEP_QUOTES = `${'>'.repeat(40)} 很深的引用`;
const DEEP_LIST = `${'- '.repeat(40)}很深的清單`;

describe('every Markdown field, when saved', () => {
	for (const [what, schema, name] of MARKDOWN_FIELDS) {
		it(`${what} ${name}: refuses nesting too deep to render quickly, keeps ordinary Markdown, refuses a bidi override`, () => {
			const f = field(schema, name);
			expect(firstError(f, DEEP_QUOTES)).toBe('err_markdown_too_deep');
			expect(firstError(f, DEEP_LIST)).toBe('err_markdown_too_deep');
			expect(f.safeParse('> 引用一句\n\n- **第一** 項\n- 第二項').success).toBe(true);
			expect(firstError(f, '說明文字\u202egnp.exe')).toBe('err_text_bidi');
		});
	}
});

describe('text fields of menus and ratings that are not Markdown are clean text too', () => {
	it.each([
		['menu title', menus.menuSchema, 'title'],
		['project title', menus.candidateSchema, 'title'],
		['review reason', menus.reviewSchema, 'reason'],
		['replayed election title', menus.importSchema, 'title'],
		['rating period note', ratings.openPeriodSchema, 'note']
	] as [string, z.ZodType, string][])('%s: NFC, and no control, bidi or invisible-only text', (_what, schema, name) => {
		const f = field(schema, name);
		expect(f.parse('  Cafe\u0301 座椅更新  ')).toBe('Café 座椅更新');
		expect(firstError(f, '座椅\u0000更新')).toBe('err_text_control');
		expect(firstError(f, '座椅更新\u202e')).toBe('err_text_bidi');
		expect(firstError(f, '\u200b\u200b\u200b')).toBe('err_text_invisible');
	});
});
