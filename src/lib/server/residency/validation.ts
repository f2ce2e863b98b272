import { z } from 'zod';

const addressPart = (max: number) =>
	z.string().trim().min(1, { error: 'err_required' }).max(max, { error: 'err_too_long' });

export const applySchema = z.object({
	communityId: z.coerce.number().int().positive(),
	compound: addressPart(60),
	building: addressPart(20),
	unit: addressPart(20),
	gridId: z
		.union([z.literal(''), z.coerce.number().int().positive()])
		.optional()
		.transform((v) => (v === '' || v === undefined ? null : v))
});

export const reviewSchema = z
	.object({
		membershipId: z.coerce.number().int().positive(),
		decision: z.enum(['verify', 'reject'], { error: 'err_invalid' }),
		reason: z.string().trim().max(200, { error: 'err_too_long' }).optional().default('')
	})
	.refine((v) => v.decision === 'verify' || v.reason.length >= 2, { path: ['reason'], error: 'err_reject_reason_required' });

export const appointSchema = z
	.object({
		username: z.string().trim().min(1, { error: 'err_required' }).max(64).transform((s) => s.toLowerCase()),
		role: z.enum(['committee', 'grid_worker', 'street_staff', 'department'], { error: 'err_invalid' }),
		communityId: z.coerce.number().int().positive().optional(),
		streetId: z.coerce.number().int().positive().optional(),
		department: z.string().trim().max(40, { error: 'err_too_long' }).optional().default(''),
		/** A grid worker's grid (optional). */
		gridId: z
			.union([z.literal(''), z.coerce.number().int().positive()])
			.optional()
			.transform((v) => (v === '' || v === undefined ? null : v))
	})
	.refine((v) => v.role !== 'department' || v.department.length >= 2, { path: ['department'], error: 'err_department_required' });

export const revokeSchema = z.object({ membershipId: z.coerce.number().int().positive() });
