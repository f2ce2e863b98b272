import { z } from 'zod';
import { idField as id } from '../validation';
import { CATEGORIES } from './schema';

import { optionalText, text } from '../text';


export const proposalSchema = z.object({
	title: text(4, 80, 'err_proposal_title_length'),
	body: text(10, 5000, 'err_proposal_body_length', { markdown: true }),
	category: z.enum(CATEGORIES, { error: 'err_proposal_category' }),
	location: optionalText(80)
});
export type ProposalInput = z.infer<typeof proposalSchema>;

export const answerSchema = z.object({ reason: text(4, 2000, 'err_proposal_reason_length', { markdown: true }) });
export const menuSchema = z.object({
	note: optionalText(2000, 'err_too_long', { markdown: true })
});
export const mergeSchema = z.object({
	targetId: id,
	note: optionalText(2000, 'err_too_long', { markdown: true })
});

export const LIST_SORTS = ['newest', 'seconds', 'deadline'] as const;
export const LIST_FILTERS = ['all', 'open', 'qualified', 'overdue', 'consultation', 'menu', 'answered', 'merged', 'withdrawn'] as const;

/** The list's query string; anything unknown falls back to the defaults instead of failing. */
export const listQuerySchema = z.object({
	q: z.string().trim().max(60).catch(''),
	state: z.enum(LIST_FILTERS).catch('all'),
	category: z.enum(['all', ...CATEGORIES]).catch('all'),
	sort: z.enum(LIST_SORTS).catch('newest'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type ListQuery = z.infer<typeof listQuerySchema>;
