// Route glue, the same in every route: URL params → the scope a command runs in; a form post → the command →
// redirect(303) with a one-time message, or fail(400|403|404|409|429) with the messages and what was typed.
import { error, fail, isHttpError, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Err, Result } from './result';
import { errorMessage, hasMessage, localizeFields, t } from './i18n';
import type { Actor } from './policy';
import { getDb, type Db } from './db/client';
import { streetBySlug, type Community } from './org/queries';
import { cachedCommunity } from './org/cache';
import { groupCommit } from './db/group-commit';

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

const STATUS: Record<string, number> = { invalid: 400, forbidden: 403, not_found: 404, rate_limited: 429 };
const statusOf = (e: Err) => STATUS[e.error] ?? (e.error.startsWith('limit_') ? 429 : 409);

/**
 * A refused command as the answer a person should see: the sign-in page for visitors; otherwise the form
 * again, with a message beside each field, one sentence for the whole, and everything they typed.
 */
export function failure(e: Err, values: FormValues = {}, url?: URL) {
	if (e.error === 'unauthenticated') redirect(303, loginUrl(url));
	return fail(statusOf(e), {
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
	const community = cachedCommunity(getDb(), slug);
	if (!community) error(404, t('error_not_found'));
	return community;
}

/** The street named in the URL, or the 404 page. */
export function requireStreet(slug: string) {
	const street = streetBySlug(getDb(), slug);
	if (!street) error(404, t('error_not_found'));
	return street;
}

/** A record id from the URL: canonical decimal only; anything else finds nothing. */
export function idParam(s: string | null | undefined): number {
	return s && /^[1-9]\d{0,14}$/.test(s) ? Number(s) : 0;
}

// ── Targets: the scope a request names, from its URL ───────────────────────────────────────────────────────

type Params = Partial<Record<string, string>>;
type Event = Pick<RequestEvent, 'params'>;

/** `/c/{slug}/…`: the community. */
export const inCommunity = (e: Event) => ({ communityId: requireCommunity((e.params as Params).slug ?? '').id });
/** `/c/{slug}/…/{id}`: a record of the community. */
export const recordInCommunity = (e: Event) => ({ ...inCommunity(e), id: idParam((e.params as Params).id) });
/** `/street/{slug}/…`: the street. */
export const inStreet = (e: Event) => ({ streetId: requireStreet((e.params as Params).slug ?? '').id });
/** A site-wide page (`/admin`, `/account`). */
export const onSite = () => ({});

// ── One-time messages after a successful post ─────────────────────────────────────────────────────────────

const FLASH_COOKIE = 'flash';

/** Remembers a message (a `flash_` key) for the next page the person sees, once. */
export function setFlash(cookies: Cookies, key: string) {
	cookies.set(FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

/** The waiting message in the reader's language, cleared as it is read. Unknown keys say nothing. */
export function takeFlash(cookies: Cookies): string | null {
	const key = cookies.get(FLASH_COOKIE);
	if (!key) return null;
	cookies.delete(FLASH_COOKIE, { path: '/' });
	return key.startsWith('flash_') && hasMessage(key) ? t(key) : null;
}

// ── The route adapter ─────────────────────────────────────────────────────────────────────────────────────

type AnyCommand<Target, T> = (db: Db, actor: Actor | null, target: Target, input: unknown, now: number) => Result<T> | Promise<Result<T>>;
export type Upload = { name: string; type: string; bytes: Uint8Array };

export type FormActionOptions<Target, T> = {
	/** The scope the URL names (and the record's id in it; a desk's forms name their record in a field). */
	target: (event: RequestEvent, input: Record<string, unknown>) => Target;
	/** Where the result is shown: a path, or one computed from the command's value (or what was posted). */
	to: string | ((value: T, event: RequestEvent, input: Record<string, unknown>) => string);
	/** The one-time message on that page (a `flash_` message key). */
	flash: string | ((value: T) => string);
	/** Fields the route adds to what was posted (which form, fixed choices). */
	input?: (event: RequestEvent) => Record<string, unknown>;
	/** File fields, handed to the command as `{ name, type, bytes }[]` under the same names. */
	files?: readonly string[];
	/** What a refused form shows again, when formValues' one string per field is not enough (ticked boxes). */
	values?: (data: FormData) => FormValues;
	/** Named in the failure's values so a page with several forms shows the message beside the right one. */
	form?: string;
	/**
	 * Run in a shared transaction with the other requests of the moment (db/group-commit.ts): for the busiest
	 * writes (ballots), whose callers then share one disk wait. Synchronous commands only.
	 */
	groupCommit?: boolean;
};

/** The files of a multipart field; an empty file input sends one empty, nameless file, which is nothing. */
async function uploadsOf(data: FormData, field: string): Promise<Upload[]> {
	const files = data.getAll(field).filter((v): v is File => typeof v !== 'string' && (v.size > 0 || v.name !== ''));
	return Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/**
 * A browser never fills a file field in again, so a refused form with photos chosen says so beside the field
 * (unless the photos themselves are what is wrong).
 */
export function askAgainForFiles(e: Err, fields: readonly string[] | undefined, input: Record<string, unknown>): Err {
	const chosen = (fields ?? []).filter((f) => Array.isArray(input[f]) && input[f].length > 0 && !e.fields?.[f]);
	if (!chosen.length) return e;
	return { ...e, fields: { ...e.fields, ...Object.fromEntries(chosen.map((f) => [f, 'err_files_choose_again'])) } };
}

/**
 * A SvelteKit form action for a command. Success answers 303 to the page that shows the result, with its
 * one-time message, so that reloading it never posts again.
 */
export function formAction<Target, T>(command: AnyCommand<Target, T>, options: FormActionOptions<Target, T>) {
	return async (event: RequestEvent) => {
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch (e) {
			// a body over its limit is refused as such (413); anything else that does not parse is a bad form
			if (isHttpError(e)) throw e;
			error(400, t('error_bad_form'));
		}
		const input: Record<string, unknown> = { ...formObject(data), ...options.input?.(event) };
		for (const field of options.files ?? []) input[field] = await uploadsOf(data, field);
		const target = options.target(event, input);
		const db = getDb();
		const run = () => command(db, event.locals.actor, target, input, Date.now());
		const result = await (options.groupCommit ? groupCommit(db, run) : run());
		if (!result.ok) return failure(askAgainForFiles(result, options.files, input), { ...(options.values ?? formValues)(data), ...(options.form ? { form: options.form } : {}) }, event.url);
		setFlash(event.cookies, typeof options.flash === 'function' ? options.flash(result.value) : options.flash);
		redirect(303, typeof options.to === 'function' ? options.to(result.value, event, input) : options.to);
	};
}
