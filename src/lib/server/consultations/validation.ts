import { z } from 'zod';
import { idField as id } from '../validation';
import { REPORT_REASONS, STANCES } from './schema';
import { chinaDayStart, HOUR } from '../db/time';

import { optionalText, text } from '../text';

const markdown = { markdown: true };

const optionalId = z
	.union([z.literal(''), id])
	.optional()
	.transform((v) => (v === '' || v === undefined ? null : v));
const count = z.coerce.number({ error: 'err_number' }).int({ error: 'err_number' }).min(0, { error: 'err_number' }).max(100_000, { error: 'err_number' });
const checkbox = z
	.union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal(''), z.literal('0')])
	.optional()
	.transform((v) => v === 'on' || v === '1' || v === 'true');

const date = z
	.string({ error: 'err_required' })
	.trim()
	.refine((s) => !Number.isNaN(chinaDayStart(s)) && s >= '2000' && s < '2101', { error: 'err_date' });

export const openSchema = z.object({
	topic: text(4, 80, 'err_consultation_topic_length'),
	background: text(10, 5000, 'err_consultation_background_length', markdown),
	/** The last day comments are taken (inclusive), or empty. */
	closesOn: z.union([z.literal(''), date]).optional().transform((v) => (v ? chinaDayStart(v) + 24 * HOUR : null)),
	major: checkbox,
	proposalId: optionalId
});

export const commentSchema = z
	.object({
		body: text(1, 2000, 'err_comment_length', markdown),
		stance: z
			.union([z.literal(''), z.enum(STANCES, { error: 'err_comment_stance' })])
			.optional()
			.transform((v) => (v ? v : null)),
		parentId: optionalId
	})
	.refine((v) => v.parentId !== null || v.stance !== null, { path: ['stance'], error: 'err_comment_stance' });

/** The committee answers a comment: always a reply, never a side taken (a stance sent along is ignored). */
export const officialReplySchema = z.object({ body: text(1, 2000, 'err_comment_length', markdown), parentId: id });

export const reportSchema = z.object({ commentId: id, reason: z.enum(REPORT_REASONS, { error: 'err_report_reason' }) });
export const hideSchema = z.object({ commentId: id, reason: text(2, 200, 'err_hide_reason') });
export const commentIdSchema = z.object({ commentId: id });
export const pinSchema = z.object({ summary: optionalText(5000, 'err_too_long', markdown).transform((s) => s ?? '') });
export const closeSchema = z.object({ resolution: text(10, 10_000, 'err_resolution_length', markdown) });
export const implementationSchema = z.object({ implementation: text(10, 10_000, 'err_implementation_length', markdown) });

/** The stage a form asks to record, read on its own: a step out of turn is refused before anything else. */
export const stageNumberSchema = z.object({ stage: z.coerce.number().int() });
/** The stage form as posted; checked against the order first, then with `stageSchema`. */
export const stageFormSchema = z.looseObject({});

export const stageSchema = z
	.object({
		stage: z.coerce.number({ error: 'err_invalid' }).int().min(1, { error: 'err_invalid' }).max(4, { error: 'err_invalid' }),
		heldOn: date,
		body: text(10, 5000, 'err_stage_body_length', markdown),
		outcome: text(2, 200, 'err_stage_outcome_length'),
		entitled: count.refine((n) => n >= 1, { error: 'err_stage_entitled' }),
		attended: count,
		votesFor: z.union([z.literal(''), count]).optional(),
		votesAgainst: z.union([z.literal(''), count]).optional(),
		votesAbstain: z.union([z.literal(''), count]).optional()
	})
	.superRefine((v, ctx) => {
		if (v.attended > v.entitled) ctx.addIssue({ code: 'custom', path: ['attended'], message: 'err_stage_attended' });
		if (v.stage < 3) return;
		const votes = [v.votesFor, v.votesAgainst, v.votesAbstain];
		(['votesFor', 'votesAgainst', 'votesAbstain'] as const).forEach((k, i) => {
			if (votes[i] === '' || votes[i] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'err_required' });
		});
		const sum = votes.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
		if (sum > v.attended) ctx.addIssue({ code: 'custom', path: ['votesFor'], message: 'err_stage_votes' });
	})
	.transform((v) => ({
		...v,
		heldAt: chinaDayStart(v.heldOn) + 10 * HOUR,
		votesFor: v.stage >= 3 ? Number(v.votesFor) : null,
		votesAgainst: v.stage >= 3 ? Number(v.votesAgainst) : null,
		votesAbstain: v.stage >= 3 ? Number(v.votesAbstain) : null
	}));
