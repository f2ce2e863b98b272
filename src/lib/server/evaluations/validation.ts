// Inputs of 社區評價. Messages are message keys (err_…), shown beside the field.
import { z } from 'zod';
import { plainText, textLength } from '../text';
import { EVALUATION_INDICATORS, PERIOD_KINDS, type EvaluationIndicator } from '../../codes';
import { parsePeriod } from './periods';

/** "1234", "1,234.5" or "¥1234.56" yuan → whole fen; at most ¥1,000,000,000. */
export const yuanToFen = (key: string) =>
	z
		.string({ error: 'err_required' })
		.trim()
		.refine((s) => s !== '', { error: 'err_required' })
		.transform((s, ctx) => {
			const cleaned = s.replace(/^[¥￥]\s*/, '').replace(/[,，\s]/g, '');
			const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
			if (!m) {
				ctx.addIssue({ code: 'custom', message: key });
				return z.NEVER;
			}
			return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
		});

export const awardsSchema = z
	.object({ pool: yuanToFen('err_evaluation_money'), floor: yuanToFen('err_evaluation_money'), cap: yuanToFen('err_evaluation_money') })
	.refine((v) => v.floor <= v.cap, { path: ['cap'], error: 'err_evaluation_cap_below_floor' });

const whole = (min: number, max: number, key: string) =>
	z
		.union([z.literal(''), z.string().trim().regex(/^\d{1,6}$/, { error: key })])
		.optional()
		.transform((s, ctx) => {
			if (!s) return null;
			const n = Number(s);
			if (n < min || n > max) {
				ctx.addIssue({ code: 'custom', message: key });
				return z.NEVER;
			}
			return n;
		});

const fields: Record<string, z.ZodType> = {};
for (const code of EVALUATION_INDICATORS) {
	fields[`${code}_weight`] = whole(0, 100, 'err_evaluation_weight');
	fields[`${code}_target`] = whole(1, 100, 'err_evaluation_target');
	fields[`${code}_minN`] = whole(0, 100_000, 'err_evaluation_min_n');
}

export type SchemeInput = {
	periodKind: (typeof PERIOD_KINDS)[number];
	startsAt: number;
	note: string;
	indicators: { indicator: EvaluationIndicator; weight: number; targetPercent: number; minN: number }[];
};

/**
 * A scheme version: its period, its first period, a note for the committees, and per indicator a weight
 * (0 leaves it out), a target and a minimum n. The weights used must add up to 100.
 */
export const schemeSchema = z
	.object({
		periodKind: z.enum(PERIOD_KINDS, { error: 'err_invalid' }),
		firstPeriod: z.string({ error: 'err_required' }).trim().min(1, { error: 'err_required' }),
		note: z
			.union([z.literal(''), plainText({ multiline: true }).pipe(textLength(0, 500, 'err_too_long'))])
			.optional()
			.transform((s) => s ?? ''),
		...fields
	})
	.transform((v, ctx): SchemeInput => {
		const values = v as Record<string, number | null | string>;
		const period = parsePeriod(String(values.firstPeriod));
		if (!period || period.kind !== v.periodKind) ctx.addIssue({ code: 'custom', path: ['firstPeriod'], message: 'err_evaluation_start_not_period' });
		const indicators = EVALUATION_INDICATORS.flatMap((indicator) => {
			const weight = (values[`${indicator}_weight`] as number | null) ?? 0;
			if (weight === 0) return [];
			const targetPercent = values[`${indicator}_target`] as number | null;
			const minN = values[`${indicator}_minN`] as number | null;
			if (targetPercent === null) ctx.addIssue({ code: 'custom', path: [`${indicator}_target`], message: 'err_evaluation_target' });
			if (minN === null) ctx.addIssue({ code: 'custom', path: [`${indicator}_minN`], message: 'err_evaluation_min_n' });
			return [{ indicator, weight, targetPercent: targetPercent ?? 0, minN: minN ?? 0 }];
		});
		const sum = indicators.reduce((s, i) => s + i.weight, 0);
		if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'err_evaluation_weights_sum' });
		return { periodKind: v.periodKind, startsAt: period?.startsAt ?? NaN, note: v.note, indicators };
	});
