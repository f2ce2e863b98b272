// Inputs of 實施 and 驗收. Messages are message keys (err_…), shown beside the field.
import { z } from 'zod';
import { idField as id } from '../../validation';
import { yuanField } from '../validation';

import { MAX_PHOTO_BYTES, type PhotoLimits } from '../../media/photos';

export { MAX_PHOTO_BYTES };
export const MAX_PHOTOS = 6;
/** A progress update takes up to six photos of 5 MB. */
export const PROGRESS_PHOTOS: PhotoLimits = { max: MAX_PHOTOS, maxBytes: MAX_PHOTO_BYTES, tooMany: 'err_photos_too_many' };
export const MAX_REPRESENTATIVES = 20;

const text = (max: number) =>
	z
		.string({ error: 'err_required' })
		.trim()
		.min(1, { error: 'err_required' })
		.max(max, { error: 'err_too_long' });

/** What a person typed into a number box, without spaces and thousands separators. */
function typed(value: unknown): string {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? value.replace(/[\s,，]/g, '') : '';
}

const percent = z.unknown().optional().transform((value, ctx): number => {
	const s = typed(value).replace(/[%％]$/, '');
	const fail = (message: string) => {
		ctx.addIssue({ code: 'custom', message });
		return z.NEVER;
	};
	if (s === '') return fail('err_required');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('err_number');
	const n = Number(s);
	if (!Number.isInteger(n) || n < 0 || n > 100) return fail('err_impl_percent_range');
	return n;
});

/** Names typed one per line (or separated by commas or 、), trimmed, each once. */
const representatives = z.unknown().optional().transform((value, ctx): string[] => {
	const parts = (Array.isArray(value) ? value : [value])
		.filter((v): v is string => typeof v === 'string')
		.flatMap((v) => v.split(/[\n\r,，、;；]+/))
		.map((v) => v.trim())
		.filter(Boolean);
	const names = [...new Set(parts)];
	const fail = (message: string) => {
		ctx.addIssue({ code: 'custom', message });
		return z.NEVER;
	};
	if (names.length === 0) return fail('err_impl_representatives_required');
	if (names.length > MAX_REPRESENTATIVES) return fail('err_impl_representatives_too_many');
	if (names.some((n) => n.length > 40)) return fail('err_too_long');
	return names;
});

/** The files of the photos field, as the route hands them over; what they are is judged by `checkPhotos`. */
const photos = z
	.array(z.object({ name: z.string(), type: z.string().optional(), bytes: z.instanceof(Uint8Array) }))
	.optional()
	.transform((files) => files ?? []);

export const progressSchema = z.object({ body: text(2000), percent, photos });
export type ProgressInput = z.infer<typeof progressSchema>;

/** Planned and (once known) actual amounts, typed in yuan, stored in fen; a line may cost nothing. */
export const spendingSchema = z.object({ item: text(100), planned: yuanField({ allowZero: true }), actual: yuanField({ allowZero: true, optional: true }) });

export const editSpendingSchema = spendingSchema.extend({ lineId: id });

export const acceptanceSchema = z.object({ remarks: text(2000), representatives });
