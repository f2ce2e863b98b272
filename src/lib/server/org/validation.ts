import { z } from 'zod';

// The record a form acts on (a street, a community, a grid, a department) comes from the URL or a field the
// route turns into the command's target; these schemas hold only what the person typed.
const slug = z
	.string()
	.trim()
	.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: 'err_slug_format' });
const name = z.string().trim().min(2, { error: 'err_name_length' }).max(40, { error: 'err_name_length' });
const description = z.string().trim().max(500, { error: 'err_too_long' }).optional().default('');

export const streetSchema = z.object({ slug, name });
export const updateStreetSchema = z.object({ name });
export const communitySchema = z.object({ slug, name, description });
export const updateCommunitySchema = z.object({ name, description });
export const gridSchema = z.object({ name });
export const renameGridSchema = z.object({ name });
export const departmentSchema = z.object({
	name,
	/** Telephone, office hours, address: how residents and the street reach it. */
	contact: z.string().trim().max(100, { error: 'err_too_long' }).optional().default('')
});

const setting = (max: number) =>
	z.coerce.number({ error: 'err_number' }).int({ error: 'err_number' }).min(1, { error: 'err_setting_range' }).max(max, { error: 'err_setting_range' });
export const communitySettingsSchema = z.object({
	secondThreshold: setting(1000),
	responseDays: setting(365),
	reportHideThreshold: setting(100)
});
