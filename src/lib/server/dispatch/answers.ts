// Answers to a service's extra questions (Open311 attributes), from a portal form or an API POST alike:
// `attribute[code]=value`, and `attribute[code][]=value` repeated for a multiple choice.
import { plainText, textLength } from '../text';
import type { serviceAttributes } from './schema';

export type Attribute = typeof serviceAttributes.$inferSelect;
export type Choice = { key: string; name: string };
export type Answer = { code: string; value: string };

export const choicesOf = (a: Pick<Attribute, 'choices'>): Choice[] => JSON.parse(a.choices) as Choice[];
/** The form field an answer comes in, and where its message is shown. */
export const answerField = (code: string) => `attribute[${code}]`;

/** The answers a form or a POST carries, by question code, each as the list of values sent. */
export function attributeFields(input: Record<string, unknown>): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const [key, value] of Object.entries(input)) {
		const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
		if (!m) continue;
		const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
		out.set(m[1], [...(out.get(m[1]) ?? []), ...values]);
	}
	return out;
}

const line = plainText().pipe(textLength(0, 200, 'err_answer_too_long'));
const paragraph = plainText({ multiline: true }).pipe(textLength(0, 2000, 'err_answer_too_long'));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** One answer checked against its question; the message key when it does not fit. */
function answerOf(a: Attribute, sent: string[]): { value: string | null } | { error: string } {
	const given = sent.map((s) => s.trim()).filter(Boolean);
	if (given.length === 0) return a.required ? { error: 'err_answer_required' } : { value: null };
	const keys = new Set(choicesOf(a).map((c) => c.key));
	switch (a.datatype) {
		case 'string':
		case 'text': {
			const parsed = (a.datatype === 'string' ? line : paragraph).safeParse(given.join(' '));
			return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'err_invalid' };
		}
		case 'number':
			return /^-?\d+(\.\d+)?$/.test(given[0]) && given.length === 1 ? { value: given[0] } : { error: 'err_answer_number' };
		case 'datetime':
			return ISO_DATE.test(given[0]) && !Number.isNaN(Date.parse(given[0])) && given.length === 1 ? { value: given[0] } : { error: 'err_answer_date' };
		case 'singlevaluelist':
			return given.length === 1 && keys.has(given[0]) ? { value: given[0] } : { error: 'err_answer_choice' };
		case 'multivaluelist':
			return given.every((g) => keys.has(g)) ? { value: JSON.stringify([...new Set(given)]) } : { error: 'err_answer_choice' };
	}
}

/** Every question's answer, or the message for each question answered wrongly (by its form field). */
export function parseAnswers(attributes: Attribute[], sent: Map<string, string[]>): { ok: true; answers: Answer[] } | { ok: false; fields: Record<string, string> } {
	const answers: Answer[] = [];
	const fields: Record<string, string> = {};
	for (const a of attributes) {
		const result = answerOf(a, sent.get(a.code) ?? []);
		if ('error' in result) fields[answerField(a.code)] = result.error;
		else if (result.value !== null) answers.push({ code: a.code, value: result.value });
	}
	return Object.keys(fields).length ? { ok: false, fields } : { ok: true, answers };
}

/** An answer as people read it: the choices' names, not their keys. */
export function answerText(a: Pick<Attribute, 'datatype' | 'choices'>, value: string): string {
	if (a.datatype !== 'singlevaluelist' && a.datatype !== 'multivaluelist') return value;
	const names = new Map(choicesOf(a).map((c) => [c.key, c.name]));
	const keys = a.datatype === 'multivaluelist' ? (JSON.parse(value) as string[]) : [value];
	return keys.map((k) => names.get(k) ?? k).join('、');
}
