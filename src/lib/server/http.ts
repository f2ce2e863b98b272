// Route glue, the same in every route: URL params → the scope a command runs in; a form post → the command →
// redirect(303) with a one-time message, or fail(400|403|404|409|429) with the messages and what was typed.
import { error, fail, isHttpError, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { err, type Err, type Result } from './result';
import { errorMessage, hasMessage, localizeFields, t } from './i18n';
import type { Actor } from './policy';
import { getDb, type Db } from './db/client';
import { streetBySlug, type Community } from './org/queries';
import { cachedCommunity } from './org/cache';
import { groupCommit } from './db/group-commit';
import { discardField, heldField } from '../held-files';
import { holdFiles, mergeHeld, releaseHeld, takeHeld, type FileLimits, type Held, type HeldListing } from './uploads/held';

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
export function failure(e: Err, values: FormValues = {}, url?: URL, held: Record<string, HeldListing[]> = {}) {
	if (e.error === 'unauthenticated') redirect(303, loginUrl(url));
	return fail(statusOf(e), refusedForm(values, e.fields, e.error === 'invalid' ? t('error_invalid') : errorMessage(e), held));
}

/**
 * What a form answers when it is not filed: what was typed, messages beside the fields and above them, and the
 * files held for the next submission (by field: the form lists them and sends their tokens back).
 */
function refusedForm(values: FormValues, fields: Err['fields'], message: string, held: Record<string, HeldListing[]>) {
	return { values, errors: localizeFields(fields), message, held };
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

/** A step before the command that sends the form back with a question (similar proposals): its data and sentence. */
export type Pause<P extends Record<string, unknown>> = { status: number; message: string; data: P };

export type FormActionOptions<Target, T, P extends Record<string, unknown> = Record<string, never>> = {
	/** The scope the URL names (and the record's id in it; a desk's forms name their record in a field). */
	target: (event: RequestEvent, input: Record<string, unknown>) => Target;
	/** Where the result is shown: a path, or one computed from the command's value (or what was posted). */
	to: string | ((value: T, event: RequestEvent, input: Record<string, unknown>) => string);
	/** The one-time message on that page (a `flash_` message key). */
	flash: string | ((value: T) => string);
	/** Fields the route adds to what was posted (which form, fixed choices). */
	input?: (event: RequestEvent) => Record<string, unknown>;
	/**
	 * File fields, handed to the command as `{ name, type, bytes }[]` under the same names, each with the limits
	 * its command enforces (a domain's PhotoLimits). When the form is refused, a signed-in person's files are held
	 * within these limits and the form sends them again (uploads/held.ts).
	 */
	files?: Readonly<Record<string, FileLimits>>;
	/** What a refused form shows again, when formValues' one string per field is not enough (ticked boxes). */
	values?: (data: FormData) => FormValues;
	/** Named in the failure's values so a page with several forms shows the message beside the right one. */
	form?: string;
	/** Asked before the command, with the files already merged: a pause sends the form back (files held) instead. */
	pause?: (event: RequestEvent, input: Record<string, unknown>) => Pause<P> | null;
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
 * Without a person to hold them for, a refused form with files chosen asks for them again beside the field
 * (unless the files themselves are what is wrong).
 */
export function askAgainForFiles(e: Err, fields: readonly string[] | undefined, input: Record<string, unknown>): Err {
	const chosen = (fields ?? []).filter((f) => Array.isArray(input[f]) && input[f].length > 0 && !e.fields?.[f]);
	if (!chosen.length) return e;
	return { ...e, fields: { ...e.fields, ...Object.fromEntries(chosen.map((f) => [f, 'err_files_choose_again'])) } };
}

const UNHELD = ['forbidden', 'not_found', 'unauthenticated'];

/** One form's files: per field, those held from before (still good) and those chosen now. */
type FormFiles = { fields: string[]; held: Record<string, Held[]>; chosen: Record<string, Upload[]>; gone: string[] };

/**
 * Reads the file fields of a post and merges, per field, the held files its tokens name (this person's, this
 * field's, unexpired) before the files chosen now. Held files the person ticked away, or the one file a field
 * takes when another is chosen, are let go. Tokens that name
 * nothing usable are `gone`: the form then says so beside the field rather than file without them.
 */
export async function readFormFiles(data: FormData, actor: Actor | null, files: Readonly<Record<string, FileLimits>> | undefined, now: number): Promise<FormFiles & { input: Record<string, Upload[]> }> {
	const out: FormFiles & { input: Record<string, Upload[]> } = { fields: Object.keys(files ?? {}), held: {}, chosen: {}, gone: [], input: {} };
	for (const field of out.fields) {
		const chosen = await uploadsOf(data, field);
		const tokens = [...new Set(data.getAll(heldField(field)).filter((v): v is string => typeof v === 'string' && v !== ''))];
		let held: Held[] = [];
		// a field that takes one file: a file chosen now takes the place of the one held
		const replaced = files![field].max === 1 && chosen.length > 0;
		if (actor && tokens.length) {
			if (replaced || data.has(discardField(field))) releaseHeld(getDb(), actor.userId, tokens);
			else {
				held = takeHeld(getDb(), actor.userId, field, tokens, now);
				if (held.length < tokens.length) out.gone.push(field);
			}
		}
		out.held[field] = held;
		out.chosen[field] = chosen;
		out.input[field] = mergeHeld(held, chosen);
	}
	return out;
}

/**
 * A refused form's files: per field, held for the next submission (what was held stays, what was chosen now is
 * added) unless they are themselves what is wrong — the command said so beside the field, or they break the
 * field's limits — in which case they are let go and the message says why. Without a signed-in person nothing
 * is held and the field asks for the files again.
 */
export function keepFormFiles(
	e: Err,
	actor: Actor | null,
	files: Readonly<Record<string, FileLimits>> | undefined,
	f: FormFiles,
	now: number,
	blame: Record<string, string> = e.fields ?? {}
): { e: Err; held: Record<string, HeldListing[]> } {
	if (!actor) return { e: askAgainForFiles(e, f.fields, f.chosen), held: {} };
	// a form this person may not send at all (not theirs to act on, or nothing there) is not worth holding files for
	if (UNHELD.includes(e.error)) return { e, held: {} };
	const fields: Record<string, string> = { ...e.fields };
	const held: Record<string, HeldListing[]> = {};
	for (const field of f.fields) {
		const kept = f.held[field];
		if (!kept.length && !f.chosen[field].length) continue;
		if (blame[field]) {
			releaseHeld(getDb(), actor.userId, kept.map((h) => h.token));
			continue;
		}
		const holding = holdFiles(getDb(), actor.userId, field, kept, f.chosen[field], files![field], now);
		if (holding.ok) held[field] = holding.held;
		else {
			releaseHeld(getDb(), actor.userId, kept.map((h) => h.token));
			fields[field] = holding.error;
		}
	}
	return { e: { ...e, fields }, held };
}

/**
 * A SvelteKit form action for a command. Success answers 303 to the page that shows the result, with its
 * one-time message, so that reloading it never posts again.
 */
export function formAction<Target, T, P extends Record<string, unknown> = Record<string, never>>(command: AnyCommand<Target, T>, options: FormActionOptions<Target, T, P>) {
	return async (event: RequestEvent) => {
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch (e) {
			// a body over its limit is refused as such (413); anything else that does not parse is a bad form
			if (isHttpError(e)) throw e;
			error(400, t('error_bad_form'));
		}
		const actor = event.locals.actor ?? null;
		const now = Date.now();
		const files = await readFormFiles(data, actor, options.files, now);
		const input: Record<string, unknown> = { ...formObject(data), ...options.input?.(event), ...files.input };
		const values: FormValues = { ...(options.values ?? formValues)(data), ...(options.form ? { form: options.form } : {}) };
		// Held files that are gone (expired, or not this person's) are said beside the field before anything is
		// filed without them; what is still held stays held, and so do the files chosen now.
		if (files.gone.length) {
			const gone = err('invalid', { fields: Object.fromEntries(files.gone.map((f) => [f, 'err_held_files_gone'])) });
			const kept = keepFormFiles(gone, actor, options.files, files, now, {});
			return failure(kept.e, values, event.url, kept.held);
		}
		const paused = options.pause?.(event, input);
		if (paused) {
			const kept = keepFormFiles({ ok: false, error: 'paused' }, actor, options.files, files, now);
			const answer: ReturnType<typeof refusedForm> & Partial<P> = { ...refusedForm(values, kept.e.fields, paused.message, kept.held), ...paused.data };
			return fail(paused.status, answer);
		}
		const target = options.target(event, input);
		const db = getDb();
		const run = () => command(db, actor, target, input, now);
		const result = await (options.groupCommit ? groupCommit(db, run) : run());
		if (!result.ok) {
			const kept = keepFormFiles(result, actor, options.files, files, now);
			return failure(kept.e, values, event.url, kept.held);
		}
		// Filed: the held files are let go right after the command's own transaction (not inside it: the kernel's
		// transaction knows nothing of forms). Should this fail, they expire within the hour anyway.
		if (actor) releaseHeld(db, actor.userId, Object.values(files.held).flatMap((h) => h.map((x) => x.token)));
		setFlash(event.cookies, typeof options.flash === 'function' ? options.flash(result.value) : options.flash);
		redirect(303, typeof options.to === 'function' ? options.to(result.value, event, input) : options.to);
	};
}
