// Turning command results into HTTP answers, the same way in every route.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Err } from './result';
import { errorMessage, localizeFields, t } from './i18n';
import type { Actor } from './policy';
import { getDb } from './db/client';
import { communityBySlug, type Community } from './org/queries';

export type FormValues = Record<string, string>;

/** The submitted fields as strings, without passwords: what the form shows again after an error. */
export function formValues(data: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, value] of data.entries()) {
		if (typeof value === 'string' && !/password/i.test(key)) values[key] = value;
	}
	return values;
}

/** The form as a plain object for zod (repeated fields become arrays). */
export function formObject(data: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return out;
}

/**
 * A failed command as the answer a person should see: 403/404 pages for acting out of scope or on
 * nothing, the sign-in page for visitors, and otherwise the form again with messages beside the fields.
 */
export function failure(e: Err, values: FormValues = {}, url?: URL) {
	if (e.error === 'forbidden') error(403, t('error_forbidden'));
	if (e.error === 'not_found') error(404, t('error_not_found'));
	if (e.error === 'unauthenticated') redirect(303, loginUrl(url));
	const status = e.error === 'invalid' ? 400 : e.error === 'rate_limited' ? 429 : 409;
	return fail(status, {
		values,
		errors: localizeFields(e.fields),
		message: e.error === 'invalid' ? t('error_invalid') : errorMessage(e)
	});
}

export function loginUrl(url?: URL) {
	return url ? `/login?next=${encodeURIComponent(url.pathname + url.search)}` : '/login';
}

/** For loads of pages only signed-in people see. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	if (!event.locals.actor) redirect(303, loginUrl(event.url));
	return event.locals.actor;
}

/** Only same-site paths may be a post-login destination. */
export { safeNext } from './safe-next';

/** The community named in the URL, or the 404 page. */
export function requireCommunity(slug: string): Community {
	const community = communityBySlug(getDb(), slug);
	if (!community) error(404, t('error_not_found'));
	return community;
}
