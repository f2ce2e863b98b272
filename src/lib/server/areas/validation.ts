// Inputs of 建設共管. Messages are message keys (err_…), shown beside the field. Text goes through text.ts
// (normalised, no control or reordering characters); Markdown is also bounded in depth.
import { z } from 'zod';
import { idField } from '../validation';
import { boundedMarkdown, plainText, textLength } from '../text';
import { chinaDayStart } from '../db/time';
import { MAX_PHOTO_BYTES, type PhotoLimits } from '../media/photos';
import { AREA_KINDS, CARE_KINDS } from '../../codes';

/** A care log takes up to four photos of 5 MB. */
export const MAX_CARE_PHOTOS = 4;
export const CARE_PHOTOS: PhotoLimits = { max: MAX_CARE_PHOTOS, maxBytes: MAX_PHOTO_BYTES, tooMany: 'err_care_photos_too_many' };
/** An area has one photo. */
export const AREA_PHOTO: PhotoLimits = { max: 1, maxBytes: MAX_PHOTO_BYTES, tooMany: 'err_area_photo_one' };
/** A plan of a whole community may be a large scan. */
export const MAX_PLAN_BYTES = 12 * 1024 * 1024;
export const PLAN_IMAGE: PhotoLimits = { max: 1, maxBytes: MAX_PLAN_BYTES, tooMany: 'err_area_photo_one' };

const line = (min: number, max: number, key: string) => plainText().pipe(textLength(min, max, key));
const optionalLine = (max: number) =>
	plainText({ missing: 'err_invalid' })
		.optional()
		.transform((s) => s ?? '')
		.pipe(textLength(0, max, 'err_too_long'));
/** Markdown a person writes: checked as text, bounded in length and in nesting. */
const markdown = (min: number, max: number, key: string) => plainText({ multiline: true }).pipe(textLength(min, max, key)).pipe(boundedMarkdown());
const optionalMarkdown = (max: number) =>
	plainText({ multiline: true, missing: 'err_invalid' })
		.optional()
		.transform((s) => s ?? '')
		.pipe(textLength(0, max, 'err_too_long'))
		.pipe(boundedMarkdown());

const checkbox = z
	.union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal(''), z.literal('0')])
	.optional()
	.transform((v) => v === 'on' || v === '1' || v === 'true');

/** A whole number in a range; empty (or not sent) is `fallback`. */
const whole = (min: number, max: number, fallback: number, key: string) =>
	z
		.string({ error: 'err_number' })
		.optional()
		.transform((s) => (s === undefined || s.trim() === '' ? String(fallback) : s.trim()))
		.pipe(z.string().regex(/^\d{1,6}$/, { error: 'err_number' }))
		.transform(Number)
		.pipe(z.number().min(min, { error: key }).max(max, { error: key }));

const optionalId = z
	.union([z.literal(''), idField])
	.optional()
	.transform((v) => (v === '' || v === undefined ? null : v));

/** A coordinate in decimal degrees, or empty. */
const degrees = (limit: number) =>
	z
		.string({ error: 'err_area_coordinate' })
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(z.union([z.literal(''), z.string().regex(/^-?\d{1,3}(\.\d{1,8})?$/, { error: 'err_area_coordinate' })]))
		.transform((s) => (s === '' ? null : Number(s)))
		.pipe(z.number().min(-limit, { error: 'err_area_coordinate' }).max(limit, { error: 'err_area_coordinate' }).nullable());

/** The files of a file field, as the route hands them over; what they are is judged by the photo checks. */
export const uploads = z
	.array(z.object({ name: z.string(), type: z.string().optional(), bytes: z.instanceof(Uint8Array) }))
	.optional()
	.transform((files) => files ?? []);

export const areaSchema = z
	.object({
		name: line(1, 60, 'err_area_name_length'),
		kind: z.enum(AREA_KINDS, { error: 'err_area_kind' }),
		gridId: optionalId,
		place: optionalLine(100),
		duties: optionalMarkdown(4000),
		capacity: whole(1, 50, 1, 'err_area_capacity'),
		termMonths: whole(1, 36, 12, 'err_area_term'),
		minCareDays: whole(1, 365, 30, 'err_area_min_care'),
		priority: checkbox,
		notAdoptable: checkbox,
		notAdoptableReason: optionalMarkdown(1000),
		latitude: degrees(90),
		longitude: degrees(180),
		photo: uploads
	})
	.superRefine((v, ctx) => {
		if (v.notAdoptable && v.notAdoptableReason === '') ctx.addIssue({ code: 'custom', path: ['notAdoptableReason'], message: 'err_area_reason_required' });
		if ((v.latitude === null) !== (v.longitude === null)) ctx.addIssue({ code: 'custom', path: [v.latitude === null ? 'latitude' : 'longitude'], message: 'err_area_coordinate_pair' });
	});
export type AreaInput = z.infer<typeof areaSchema>;

export const reasonSchema = z.object({ reason: markdown(2, 1000, 'err_area_reason_length') });

export const planSchema = z.object({ plan: uploads });

/**
 * A click on the plan, posted by `<input type="image" name="pin">` as pin.x / pin.y in pixels of the image as it
 * was drawn (`width` wide, the route draws it at a width it knows), and the area to pin.
 */
export const pinSchema = z.object({
	areaId: idField,
	'pin.x': z.coerce.number({ error: 'err_area_pin' }).int({ error: 'err_area_pin' }).min(0, { error: 'err_area_pin' }),
	'pin.y': z.coerce.number({ error: 'err_area_pin' }).int({ error: 'err_area_pin' }).min(0, { error: 'err_area_pin' })
});

export const settingsSchema = z.object({
	maxActiveClaims: whole(1, 50, 5, 'err_area_max_claims'),
	approveClaims: checkbox
});

export const claimSchema = z
	.object({
		for: z.enum(['person', 'household', 'team'], { error: 'err_claim_for' }).optional().default('person'),
		teamId: optionalId
	})
	.superRefine((v, ctx) => {
		if (v.for === 'team' && v.teamId === null) ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'err_claim_team' });
	});

export const decisionSchema = z
	.object({
		decision: z.enum(['approve', 'decline'], { error: 'err_invalid' }),
		reason: optionalMarkdown(1000)
	})
	.superRefine((v, ctx) => {
		if (v.decision === 'decline' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err_area_reason_required' });
	});

const careDate = plainText().refine((s) => !Number.isNaN(chinaDayStart(s)), { error: 'err_date' });

export const careSchema = z.object({
	caredOn: careDate.transform((s) => chinaDayStart(s)),
	minutes: whole(1, 720, 60, 'err_care_minutes'),
	people: whole(1, 100, 1, 'err_care_people'),
	kind: z.enum(CARE_KINDS, { error: 'err_care_kind' }),
	note: optionalMarkdown(2000),
	photos: uploads
});
export type CareInput = z.infer<typeof careSchema>;

export const nothing = z.object({});

export const teamSchema = z.object({
	name: line(2, 30, 'err_team_name_length'),
	description: optionalMarkdown(1000),
	named: checkbox
});
export const joinSchema = z.object({ named: checkbox });

/** The catalogue's query string; anything unknown falls back to everything. */
export const AREA_FILTER_STATES = ['all', 'claimed', 'pending', 'at_risk', 'lapsed', 'priority', 'open', 'not_adoptable'] as const;
export const areaListSchema = z.object({
	grid: z.union([z.literal('all'), z.literal('none'), z.coerce.number().int().positive()]).catch('all'),
	kind: z.enum(['all', 'areas', 'duties', ...AREA_KINDS]).catch('all'),
	state: z.enum(AREA_FILTER_STATES).catch('all'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type AreaListQuery = z.infer<typeof areaListSchema>;
