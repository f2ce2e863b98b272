// Inputs of the menus domain. Messages are message keys (err_…), shown beside the field.
import { z } from 'zod';
import { idField as id } from '../validation';
import { BALLOT_RULES, TALLY_RULES } from './schema';
import { chinaDayStart } from '../db/time';
import { parseYuan, type YuanProblem } from '../../money';
import { optionalText, text } from '../text';

const MONEY_ERRORS: Record<Exclude<YuanProblem, 'required'>, string> = {
	malformed: 'err_money',
	negative: 'err_money_negative',
	too_many_decimals: 'err_money_decimals',
	too_large: 'err_money_too_big'
};

/**
 * An amount typed in yuan ("300000", "300,000", "¥300,000", "308151.26"), as fen: the one reader of money in
 * every form of the menus (budgets, costs, spending), with its one maximum (MAX_YUAN). Zero is refused unless
 * `allowZero`; an optional amount left empty is null.
 */
export function yuanField(opts: { allowZero: boolean; optional?: false }): z.ZodType<number>;
export function yuanField(opts: { allowZero: boolean; optional: true }): z.ZodType<number | null>;
export function yuanField(opts: { allowZero: boolean; optional?: boolean }): z.ZodType<number | null> {
	return z.unknown().optional().transform((raw, ctx): number | null => {
		const read = parseYuan(raw);
		const fail = (message: string) => {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		};
		if (!read.ok) return read.problem === 'required' ? (opts.optional ? null : fail('err_required')) : fail(MONEY_ERRORS[read.problem]);
		if (read.fen === 0 && !opts.allowZero) return fail('err_money_positive');
		return read.fen;
	});
}

const optionalCount = z
	.unknown()
	.optional()
	.transform((raw, ctx) => {
		const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		if (text === '') return null;
		if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10_000) {
			ctx.addIssue({ code: 'custom', message: 'err_menu_count' });
			return z.NEVER;
		}
		return Number(text);
	});

const day = z
	.string({ error: 'err_required' })
	.trim()
	.min(1, { error: 'err_required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'err_menu_date' })
	.refine((s) => !Number.isNaN(chinaDayStart(s)), {
		error: 'err_menu_date'
	})
	.transform(chinaDayStart);

// Clean text (text.ts: NFC, no control or bidi characters, not only invisible); descriptions are Markdown
// shaped to render quickly, like every other Markdown field.
const title = text(2, 80, 'err_menu_title_length');
const markdown = optionalText(5000, 'err_too_long', { markdown: true }).transform((s) => s ?? '');

export const DATE_FIELDS = ['collectStartsAt', 'reviewStartsAt', 'voteStartsAt', 'resultsStartsAt', 'implementationStartsAt', 'acceptanceStartsAt'] as const;

const DATE_SET = new Set<string>(DATE_FIELDS);

export const menuSchema = z
	.object({
		title,
		description: markdown,
		budget: yuanField({ allowZero: false }),
		ballotRule: z.enum(BALLOT_RULES, { error: 'err_invalid' }),
		maxChoices: optionalCount,
		minChoices: optionalCount,
		tallyRule: z.enum(TALLY_RULES, { error: 'err_invalid' }),
		minVotes: optionalCount,
		collectStartsAt: day,
		reviewStartsAt: day,
		voteStartsAt: day,
		resultsStartsAt: day,
		implementationStartsAt: day,
		acceptanceStartsAt: day
	})
	// Dates out of order are reported even when another field is wrong too, so a person sees every problem at once.
	.superRefine(
		(v, ctx) => {
			for (let i = 1; i < DATE_FIELDS.length; i++) {
				if (v[DATE_FIELDS[i]] <= v[DATE_FIELDS[i - 1]]) {
					ctx.addIssue({ code: 'custom', path: [DATE_FIELDS[i]], message: 'err_menu_date_order' });
				}
			}
		},
		{ when: (payload) => !payload.issues.some((issue) => DATE_SET.has(String(issue.path?.[0]))) }
	)
	.superRefine((v, ctx) => {
		if (v.ballotRule === 'choose_k' && v.maxChoices === null) ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'err_menu_max_required' });
		if (v.maxChoices !== null && v.minChoices !== null && v.minChoices > v.maxChoices) {
			ctx.addIssue({ code: 'custom', path: ['minChoices'], message: 'err_menu_min_over_max' });
		}
		if (v.tallyRule === 'greedy-threshold' && v.minVotes === null) ctx.addIssue({ code: 'custom', path: ['minVotes'], message: 'err_menu_min_votes_required' });
	})
	.transform((v) => ({
		...v,
		maxChoices: v.ballotRule === 'choose_k' ? v.maxChoices : null,
		minVotes: v.tallyRule === 'greedy-threshold' ? v.minVotes : null
	}));
export type MenuInput = z.infer<typeof menuSchema>;

export const candidateSchema = z.object({
	title,
	description: markdown,
	estimatedCost: yuanField({ allowZero: false }),
	proposalId: z
		.union([z.literal(''), id])
		.optional()
		.transform((v) => (v === '' || v === undefined ? null : v))
});

export const reviewSchema = z
	.object({
		decision: z.enum(['feasible', 'infeasible'], { error: 'err_invalid' }),
		finalCost: z.unknown().optional(),
		reason: optionalText(300, 'err_too_long', { multiline: true }).transform((s) => s ?? '')
	})
	.transform((v, ctx) => {
		if (v.decision === 'infeasible') {
			if (v.reason.length < 2) {
				ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err_menu_reason_required' });
				return z.NEVER;
			}
			return { decision: v.decision, finalCost: null, reason: v.reason };
		}
		const cost = yuanField({ allowZero: false }).safeParse(v.finalCost);
		if (!cost.success) {
			ctx.addIssue({ code: 'custom', path: ['finalCost'], message: cost.error.issues[0]?.message ?? 'err_money' });
			return z.NEVER;
		}
		return { decision: v.decision, finalCost: cost.data, reason: null };
	});

/** Ticked project ids, as the form sends them (none, one, or many), each once. Anything not a number is reported as unknown. */
export const ballotSchema = z.object({
	projectIds: z
		.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
		.optional()
		.transform((v) => [...new Set((v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]).map((x) => String(x).trim()).filter((x) => x !== ''))])
});

/** Replayed elections: a .pb file of up to 20 MB, read as UTF-8 text. */
export const MAX_PB_BYTES = 20 * 1024 * 1024;
/** The import form's one file, as formAction holds it across a refused form. */
export const PB_FILE = { max: 1, maxBytes: MAX_PB_BYTES, tooMany: 'err_invalid', tooBig: 'err_menu_file_too_big' };
const upload = z.object({ name: z.string(), type: z.string().optional(), bytes: z.instanceof(Uint8Array) });
const pbText = z
	.array(upload)
	.optional()
	.transform((files, ctx) => {
		const file = files?.find((f) => f.bytes.length > 0);
		const fail = (message: string) => {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		};
		if (!file) return fail('err_menu_file_required');
		if (file.bytes.length > MAX_PB_BYTES) return fail('err_menu_file_too_big');
		return new TextDecoder().decode(file.bytes);
	});
export const importSchema = z.object({
	file: pbText,
	title: optionalText(80, 'err_menu_title_length').transform((s) => s ?? ''),
	description: markdown
});
