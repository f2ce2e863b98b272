// Inputs of 效果共評. Messages are message keys (err_…), shown beside the field.
import { z } from 'zod';
import { idField } from '../validation';
import { boundedMarkdown, plainText, textLength } from '../text';
import { chinaDayStart, DAY } from '../db/time';

/** A comment on a rating: optional Markdown, at most this many characters. */
export const MAX_COMMENT = 1000;
/** The longest 物業 rating period the committee may open. */
export const MAX_PERIOD_DAYS = 92;

const mark = z.union([z.literal(''), z.string().trim().regex(/^[1-5]$/, { error: 'err_rating_mark' })]).optional();

/**
 * A rating as posted: marks as strings ("1" … "5"), each dimension optional (left empty: not answered), and an
 * optional Markdown comment. The command holds the marks to the subject's own scale and dimensions.
 */
export const rateInput = z.object({
	overall: z.string({ error: 'err_rating_overall' }).trim().regex(/^[1-5]$/, { error: 'err_rating_overall' }),
	quality: mark,
	timeliness: mark,
	usefulness: mark,
	speed: mark,
	attitude: mark,
	cleanliness: mark,
	security: mark,
	repairs: mark,
	greenery: mark,
	// no union with '': an empty comment passes these as it is, and a refused one keeps its own message
	comment: plainText({ multiline: true }).pipe(textLength(0, MAX_COMMENT, 'err_rating_comment_length')).pipe(boundedMarkdown()).optional()
});
export type RawRating = z.infer<typeof rateInput>;

export const hideRatingSchema = z.object({
	ratingId: idField,
	reason: plainText().pipe(textLength(1, 200, 'err_rating_hide_reason'))
});

export const ratingIdSchema = z.object({ ratingId: idField });

const day = z
	.string({ error: 'err_required' })
	.trim()
	.refine((s) => !Number.isNaN(chinaDayStart(s)) && s >= '2000' && s < '2101', { error: 'err_date' })
	.transform(chinaDayStart);

/** A 物業 rating period: from the morning of its first day to the end of its last, at most MAX_PERIOD_DAYS. */
export const openPeriodSchema = z
	.object({
		title: plainText().pipe(textLength(2, 100, 'err_rating_period_title')),
		note: plainText({ multiline: true })
			.pipe(textLength(0, 1000, 'err_too_long'))
			.optional()
			.transform((s) => s ?? ''),
		opensOn: day,
		closesOn: day
	})
	.transform((v) => ({ title: v.title, note: v.note, opensAt: v.opensOn, closesAt: v.closesOn + DAY }))
	.superRefine((v, ctx) => {
		if (v.closesAt <= v.opensAt) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'err_rating_period_order' });
		else if (v.closesAt - v.opensAt > MAX_PERIOD_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'err_rating_period_too_long' });
	});
