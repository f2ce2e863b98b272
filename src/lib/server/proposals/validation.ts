import { z } from 'zod';
import { idField as id } from '../validation';
import { CATEGORIES } from './schema';
import { LIST_SORTS, readCursor, type Cursor } from './paging';

import { optionalText, text } from '../text';
import { MAX_PHOTO_BYTES, type PhotoLimits } from '../media/photos';


export const proposalSchema = z.object({
	title: text(4, 80, 'err_proposal_title_length'),
	body: text(10, 5000, 'err_proposal_body_length', { markdown: true }),
	category: z.enum(CATEGORIES, { error: 'err_proposal_category' }),
	location: optionalText(80)
});
export type ProposalInput = z.infer<typeof proposalSchema>;

/** A proposal filed in the browser may bring up to four photos of 5 MB (the place, the problem). */
export const MAX_PROPOSAL_PHOTOS = 4;
export const PROPOSAL_PHOTOS: PhotoLimits = { max: MAX_PROPOSAL_PHOTOS, maxBytes: MAX_PHOTO_BYTES, tooMany: 'err_proposal_photos_too_many' };
export const proposalWithPhotosSchema = proposalSchema.extend({
	photos: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })).default([])
});

export const answerSchema = z.object({ reason: text(4, 2000, 'err_proposal_reason_length', { markdown: true }) });
export const menuSchema = z.object({
	note: optionalText(2000, 'err_too_long', { markdown: true })
});
export const mergeSchema = z.object({
	targetId: id,
	note: optionalText(2000, 'err_too_long', { markdown: true })
});

export { LIST_SORTS } from './paging';
export const LIST_FILTERS = ['all', 'open', 'qualified', 'overdue', 'consultation', 'menu', 'answered', 'merged', 'withdrawn'] as const;

/** The deepest page a number reaches (?page=N, read with OFFSET, under a ms); deeper pages are reached by cursor. */
export const NUMBERED_PAGES = 50;

/**
 * The list's query string; anything unknown falls back to the defaults instead of failing. `after` / `before` name
 * the proposal next to the page (paging.ts); a cursor that names none in this order is dropped, giving the first
 * page. With a cursor, `page` is only the number shown (as Reddit's `count`): nothing is skipped by it.
 */
export const listQuerySchema = z
	.object({
		q: z.string().trim().max(60).catch(''),
		state: z.enum(LIST_FILTERS).catch('all'),
		category: z.enum(['all', ...CATEGORIES]).catch('all'),
		sort: z.enum(LIST_SORTS).catch('newest'),
		page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
		after: z.string().max(60).optional().catch(undefined),
		before: z.string().max(60).optional().catch(undefined)
	})
	.transform(({ after, before, ...query }) => {
		const cursor = readCursor(query.sort, after, before);
		// The page number beside a cursor that names nothing is not a page to skip to.
		return { ...query, page: cursor || (after === undefined && before === undefined) ? query.page : 1, cursor };
	});
/** The list as it first opens, read once: most visits ask for it, and there is nothing in the address to check. */
const PLAIN_LIST = Object.freeze(listQuerySchema.parse({}));

/** The list's query from an address: its search, filters, sort and page, each falling back to its default. */
export function readListQuery(params: URLSearchParams) {
	return params.size === 0 ? PLAIN_LIST : listQuerySchema.parse(Object.fromEntries(params));
}

/** The parsed query; callers that build one by hand (tests, benchmarks) may leave the cursor out. */
export type ListQuery = Omit<z.infer<typeof listQuerySchema>, 'cursor'> & { cursor?: Cursor | null };
