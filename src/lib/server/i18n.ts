import * as m from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';
import { renderParams, type Err } from './result';

export const LOCALE_COOKIE = 'locale';
/** `large` when the reader pressed 大字 (the preferences page sets it). */
export const TEXT_SIZE_COOKIE = 'textsize';
export const LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Traditional for Taiwan, Hong Kong, Macau and bare "zh-Hant"; Simplified for the mainland and Singapore. */
export function localeFromAcceptLanguage(header: string | null): AppLocale | undefined {
	if (!header) return undefined;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag, q] = part.trim().split(';q=');
			return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
		})
		.filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		if (/^zh-(hant|tw|hk|mo)\b/.test(tag) || tag === 'zh') return 'zh-Hant';
		if (/^zh-(hans|cn|sg)\b/.test(tag)) return 'zh-Hans';
		if (tag.startsWith('zh')) return 'zh-Hant';
		if (tag.startsWith('en')) return 'en';
	}
	return undefined;
}

/** The reader's language: the cookie they chose, else their browser's Accept-Language, else undefined. */
export function localeFromRequest(cookieHeader: string | null, acceptLanguage: string | null): AppLocale | undefined {
	const chosen = cookieHeader?.match(/(?:^|;\s*)locale=([^;]+)/)?.[1];
	if (chosen && (LOCALES as readonly string[]).includes(chosen)) return chosen as AppLocale;
	return localeFromAcceptLanguage(acceptLanguage);
}

/** The language a request is answered in: its cookie, else Accept-Language, else the base language. */
export function answerLocale(request: Request): AppLocale {
	return localeFromRequest(request.headers.get('cookie'), request.headers.get('accept-language')) ?? baseLocale;
}

/**
 * Whether the answer sets the language cookie: a browser's page request that came without one gets what
 * Accept-Language chose, as if the person had pressed that language (hooks.server.ts).
 */
export function setsLocaleCookie(request: Request, localeCookie: string | undefined): boolean {
	return !localeCookie && (request.headers.get('accept')?.includes('text/html') ?? false);
}

type MessageFn = (params?: Record<string, unknown>) => string;
const catalogue = m as unknown as Record<string, MessageFn | undefined>;

/** A message by key, for keys chosen at run time (error codes, notification kinds, audit actions). */
export function t(key: string, params: Record<string, unknown> = {}): string {
	const fn = catalogue[key];
	return fn ? fn(params) : key;
}

export function hasMessage(key: string): boolean {
	return typeof catalogue[key] === 'function';
}

/** Field errors (message keys) in the reader's language, for `fail(400, { errors })`. */
export function localizeFields(fields: Record<string, string> | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, t(v)]));
}

/** A command error as one sentence: `error_{code}` with its params. */
export function errorMessage(e: Pick<Err, 'error' | 'params'>): string {
	return t(`error_${e.error}`, renderParams(e.params, t));
}
