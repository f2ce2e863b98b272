import { z } from 'zod';
import { displayNameText } from '../text';

// Letters, digits, '-' and '_' (3–32), or an 11-digit mainland mobile number. All-digit names must be a mobile.
const USERNAME = /^(?:1[3-9]\d{9}|(?!\d+$)[A-Za-z0-9_-]{3,32})$/;

export const username = z
	.string({ error: 'err_username_format' })
	.trim()
	.regex(USERNAME, { error: 'err_username_format' })
	.transform((s) => s.toLowerCase());

export const newPassword = z
	.string({ error: 'err_password_short' })
	.min(8, { error: 'err_password_short' })
	.max(200, { error: 'err_password_long' });

/** A resident's display name: clean text of 1–40 characters that does not pose as staff. */
export const displayName = displayNameText(false);

export const registerSchema = z
	.object({ username, displayName, password: newPassword, passwordConfirm: z.string() })
	.refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: 'err_password_mismatch' });

export const loginSchema = z.object({
	username: z.string().trim().min(1, { error: 'err_required' }).max(64, { error: 'err_login_failed' }),
	password: z.string().min(1, { error: 'err_required' }).max(200, { error: 'err_login_failed' })
});

export const changePasswordSchema = z
	.object({ currentPassword: z.string().min(1, { error: 'err_required' }), password: newPassword, passwordConfirm: z.string() })
	.refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: 'err_password_mismatch' });

/** Staff may show their title in their name (居委會 王主任); residents may not. */
export const profileSchemaFor = (staff: boolean) => z.object({ displayName: displayNameText(staff) });
export const profileSchema = profileSchemaFor(false);
