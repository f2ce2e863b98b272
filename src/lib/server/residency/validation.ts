import { z } from 'zod';
import { optionalText, text } from '../text';
import { COMMUNITY_STAFF_ROLES } from '../policy';

// What the person typed; the community, street, department or membership acted on is the command's target.
const addressPart = (max: number) => text(1, max, 'err_too_long');

/** An optional grid: '' (not chosen) is null. */
const optionalGrid = z
	.union([z.literal(''), z.coerce.number().int().positive()])
	.optional()
	.transform((v) => (v === '' || v === undefined ? null : v));

export const applySchema = z.object({
	compound: addressPart(60),
	building: addressPart(20),
	unit: addressPart(20),
	room: optionalText(20),
	gridId: optionalGrid
});

export const reviewSchema = z
	.object({
		decision: z.enum(['verify', 'reject'], { error: 'err_invalid' }),
		reason: optionalText(200).transform((s) => s ?? '')
	})
	.refine((v) => v.decision === 'verify' || v.reason.length >= 2, { path: ['reason'], error: 'err_reject_reason_required' });

const username = z.string().trim().min(1, { error: 'err_required' }).max(64).transform((s) => s.toLowerCase());

/** Whom to appoint: an account, by its login name. */
export const appointSchema = z.object({ username });

/** A committee member or a grid worker (optionally of one grid) of a community. */
export const appointCommunityStaffSchema = z.object({
	username,
	role: z.enum(COMMUNITY_STAFF_ROLES, { error: 'err_invalid' }),
	gridId: optionalGrid
});
