import { z } from 'zod';
import { idField as id } from '../validation';
import { CATEGORIES } from './schema';

/** Length in characters as a person counts them (an emoji or a CJK character is one). */
const length = (min: number, max: number, key: string) =>
	z
		.string({ error: 'err_required' })
		.trim()
		.refine((s) => s.length > 0, { error: 'err_required' })
		.refine((s) => [...s].length >= min && [...s].length <= max, { error: key });


export const proposalSchema = z.object({
	title: length(4, 80, 'err_proposal_title_length'),
	body: length(10, 5000, 'err_proposal_body_length'),
	category: z.enum(CATEGORIES, { error: 'err_proposal_category' }),
	location: z
		.string()
		.trim()
		.max(80, { error: 'err_too_long' })
		.optional()
		.transform((s) => s || null)
});
export type ProposalInput = z.infer<typeof proposalSchema>;

export const answerSchema = z.object({ reason: length(4, 2000, 'err_proposal_reason_length') });
export const menuSchema = z.object({
	note: z
		.string()
		.trim()
		.max(2000, { error: 'err_too_long' })
		.optional()
		.transform((s) => s || null)
});
export const mergeSchema = z.object({
	targetId: id,
	note: z
		.string()
		.trim()
		.max(2000, { error: 'err_too_long' })
		.optional()
		.transform((s) => s || null)
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
