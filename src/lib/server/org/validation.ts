import { z } from 'zod';
import { optionalText, text } from '../text';

// The record a form acts on (a street, a community, a grid, a department) comes from the URL or a field the
// route turns into the command's target; these schemas hold only what the person typed.
const slug = z
	.string()
	.trim()
	.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: 'err_slug_format' });
const name = text(2, 40, 'err_name_length');
const description = optionalText(500, 'err_too_long', { multiline: true }).transform((s) => s ?? '');

export const streetSchema = z.object({ slug, name });
export const updateStreetSchema = z.object({ name });
export const communitySchema = z.object({ slug, name, description });
export const updateCommunitySchema = z.object({ name, description });
export const gridSchema = z.object({ name });
export const renameGridSchema = z.object({ name });
export const departmentSchema = z.object({
	name,
	/** Telephone, office hours, address: how residents and the street reach it. */
	contact: optionalText(100).transform((s) => s ?? '')
});

const setting = (max: number) =>
	z.coerce.number({ error: 'err_number' }).int({ error: 'err_number' }).min(1, { error: 'err_setting_range' }).max(max, { error: 'err_setting_range' });
export const communitySettingsSchema = z.object({
	secondThreshold: setting(1000),
	responseDays: setting(365),
	reportHideThreshold: setting(100)
});
