import { z } from 'zod';

const slug = z
	.string()
	.trim()
	.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: 'err_slug_format' });
const name = z.string().trim().min(2, { error: 'err_name_length' }).max(40, { error: 'err_name_length' });
const id = z.coerce.number().int().positive();

export const streetSchema = z.object({ slug, name });
export const updateStreetSchema = z.object({ id, name });
export const communitySchema = z.object({
	streetId: id,
	slug,
	name,
	description: z.string().trim().max(500, { error: 'err_too_long' }).optional().default('')
});
export const updateCommunitySchema = communitySchema.omit({ streetId: true, slug: true }).extend({ id });
export const gridSchema = z.object({ communityId: id, name });
export const renameGridSchema = z.object({ id, name });

const setting = (max: number) =>
	z.coerce.number({ error: 'err_number' }).int({ error: 'err_number' }).min(1, { error: 'err_setting_range' }).max(max, { error: 'err_setting_range' });
export const communitySettingsSchema = z.object({
	secondThreshold: setting(1000),
	responseDays: setting(365),
	reportHideThreshold: setting(100)
});
