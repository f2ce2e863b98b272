// Inputs of 吹哨派單. Messages are message keys (err_…), shown beside the field; text goes through text.ts.
import { z } from 'zod';
import { idField as id } from '../validation';
import { plainText, textLength } from '../text';
import { MAX_PHOTO_BYTES, type PhotoLimits } from '../media/photos';
import { chinaDayStart } from '../db/time';
import { attributeFields } from './answers';
import { DEADLINE_CLASSES, SERVICE_GROUPS, TRIAGE_CLOSE_REASONS, ATTRIBUTE_TYPES } from '../../codes';

export const MAX_REPORT_PHOTOS = 4;
/** A report and a reply each take up to four photos of 5 MB. */
export const REPORT_PHOTOS: PhotoLimits = { max: MAX_REPORT_PHOTOS, maxBytes: MAX_PHOTO_BYTES, tooMany: 'err_report_photos_too_many' };
/** Open311's limit for a description. */
export const MAX_DESCRIPTION = 4000;

const text = (min: number, max: number, key: string, multiline = true) => plainText({ multiline }).pipe(textLength(min, max, key));
/** An optional text: empty (or not sent) is null. */
const optionalText = (max: number, multiline = false) =>
	z
		.string()
		.optional()
		.transform((s) => s ?? '')
		.pipe(plainText({ multiline }))
		.pipe(textLength(0, max, 'err_too_long'))
		.transform((s) => s || null);

/** A number typed into a box, or null when left empty; `key` when it is not a number in [min, max]. */
const optionalNumber = (min: number, max: number, key: string, integer = false) =>
	z.unknown().optional().transform((value, ctx): number | null => {
		const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (s === '') return null;
		const n = Number(s);
		if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
			ctx.addIssue({ code: 'custom', message: key });
			return z.NEVER;
		}
		return n;
	});

const optionalId = z
	.union([z.literal(''), id])
	.optional()
	.transform((v) => (v === '' || v === undefined ? null : v));

/** Where the problem is: an address, a position, or a pin on the plan — at least one of them. */
const place = {
	address: optionalText(200),
	lat: optionalNumber(-90, 90, 'err_report_lat'),
	long: optionalNumber(-180, 180, 'err_report_long'),
	planX: optionalNumber(0, 1000, 'err_report_plan', true),
	planY: optionalNumber(0, 1000, 'err_report_plan', true)
};

type Placed = { address: string | null; lat: number | null; long: number | null; planX: number | null; planY: number | null };
function checkPlace(v: Placed, ctx: z.RefinementCtx) {
	if ((v.lat === null) !== (v.long === null)) ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'long'], message: 'err_report_lat_long_pair' });
	if ((v.planX === null) !== (v.planY === null)) ctx.addIssue({ code: 'custom', path: ['planX'], message: 'err_report_plan' });
	if (v.address === null && v.lat === null && v.planX === null) ctx.addIssue({ code: 'custom', path: ['address'], message: 'err_report_place_required' });
}

/** Answers to the service's questions arrive as `attribute[code]` fields; they are gathered under `answers`. */
const withAnswers = (raw: unknown) => (raw && typeof raw === 'object' ? { ...raw, answers: Object.fromEntries(attributeFields(raw as Record<string, unknown>)) } : raw);

export const reportSchema = z.preprocess(
	withAnswers,
	z
	.object({
		service: z.string({ error: 'err_report_service' }).trim().min(1, { error: 'err_report_service' }),
		description: text(4, MAX_DESCRIPTION, 'err_report_description_length'),
		...place,
		gridId: optionalId,
		/** A grid worker filing for someone else: their name and how to reach them. */
		onBehalfOf: optionalText(100),
		photos: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })).default([]),
		answers: z.record(z.string(), z.array(z.string())).default({})
	})
	.superRefine(checkPlace)
);
export type ReportInput = z.infer<typeof reportSchema>;

export const reclassifySchema = z.object({ service: z.string({ error: 'err_report_service' }).trim().min(1, { error: 'err_report_service' }), gridId: optionalId });

export const dispatchSchema = z.object({ departmentId: id, note: optionalText(500, true) });

export const closeTriageSchema = z
	.object({
		reason: z.enum(TRIAGE_CLOSE_REASONS, { error: 'err_report_close_reason' }),
		note: text(2, 500, 'err_report_note_length'),
		duplicateOfId: optionalId
	})
	.superRefine((v, ctx) => {
		if (v.reason === 'duplicate' && v.duplicateOfId === null) ctx.addIssue({ code: 'custom', path: ['duplicateOfId'], message: 'err_report_duplicate_of' });
	});

export const returnSchema = z.object({ reason: text(4, 1000, 'err_report_reason_length') });
export const progressSchema = z.object({ note: text(2, 2000, 'err_report_note_length') });
/** A reply or an on-the-spot fix: what was done, with photos as evidence. */
export const evidenceSchema = z.object({
	note: text(2, 2000, 'err_report_note_length'),
	photos: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })).default([])
});
export const leadSchema = z.object({ departmentId: id });

export const verifySchema = z
	.object({
		decision: z.enum(['fixed', 'not_fixed'], { error: 'err_invalid' }),
		reason: optionalText(1000, true)
	})
	.superRefine((v, ctx) => {
		if (v.decision === 'not_fixed' && (v.reason === null || [...v.reason].length < 4)) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err_report_not_fixed_reason' });
	});


// ── The catalogue ────────────────────────────────────────────────────────────────────────────────────────────

const SERVICE_CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === '1');

export const serviceSchema = z.object({
	code: z.string({ error: 'err_required' }).trim().toLowerCase().regex(SERVICE_CODE, { error: 'err_service_code' }),
	nameHant: text(1, 40, 'err_service_name_length', false),
	nameHans: text(1, 40, 'err_service_name_length', false),
	nameEn: text(1, 60, 'err_service_name_length', false),
	group: z.enum(SERVICE_GROUPS, { error: 'err_invalid' }),
	keywords: optionalText(200),
	description: optionalText(1000, true),
	departmentId: optionalId,
	deadlineClass: z.enum(DEADLINE_CLASSES, { error: 'err_invalid' }),
	active: checkbox
});
export type ServiceInput = z.infer<typeof serviceSchema>;
/** Editing keeps the code: clients of the API know the service by it. */
export const serviceUpdateSchema = serviceSchema.omit({ code: true }).extend({ serviceId: id });

export const attributeSchema = z
	.object({
		serviceId: id,
		code: z.string({ error: 'err_required' }).trim().toLowerCase().regex(SERVICE_CODE, { error: 'err_service_code' }),
		description: text(2, 200, 'err_attribute_question_length', false),
		datatype: z.enum(ATTRIBUTE_TYPES, { error: 'err_invalid' }),
		required: checkbox,
		/** One choice per line, for the two list types. */
		choices: z
			.string()
			.optional()
			.transform((s) =>
				(s ?? '')
					.split(/\r?\n/)
					.map((line) => line.normalize('NFC').trim())
					.filter(Boolean)
			)
	})
	.superRefine((v, ctx) => {
		const list = v.datatype === 'singlevaluelist' || v.datatype === 'multivaluelist';
		if (list && v.choices.length < 2) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'err_attribute_choices' });
		if (v.choices.length > 20 || v.choices.some((c) => [...c].length > 60)) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'err_attribute_choices' });
	});
export const removeAttributeSchema = z.object({ serviceId: id, attributeId: id });

/** The holidays, one date a line (2026-10-01); at most two years' worth. */
export const calendarSchema = z.object({
	holidays: z
		.string()
		.optional()
		.transform((s, ctx) => {
			const days = [...new Set((s ?? '').split(/[\s,，、]+/).filter(Boolean))].sort();
			if (days.some((d) => Number.isNaN(chinaDayStart(d))) || days.length > 60) {
				ctx.addIssue({ code: 'custom', message: 'err_holidays' });
				return z.NEVER;
			}
			return days;
		})
});

export const webhookSchema = z.object({
	departmentId: id,
	url: z
		.string()
		.trim()
		.max(500, { error: 'err_too_long' })
		.refine((s) => s === '' || /^https?:\/\/[^\s/]+/.test(s), { error: 'err_webhook_url' })
		.transform((s) => s || null)
});

export const keyCreateSchema = z.object({ name: text(2, 60, 'err_key_name_length', false) });
export const keyRevokeSchema = z.object({ keyId: id });

// ── The lists ────────────────────────────────────────────────────────────────────────────────────────────────

export const LIST_STATES = ['all', 'open', 'overdue', 'reported', 'dispatched', 'returned', 'escalated', 'in_progress', 'replied', 'closed'] as const;

/** The list's query string; anything unknown falls back to the defaults instead of failing. */
export const listQuerySchema = z.object({
	state: z.enum(LIST_STATES).catch('all'),
	service: z.string().trim().max(40).catch(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type ListQuery = z.infer<typeof listQuerySchema>;
