// An enhancement script speaks the page's language: the one the server chose and wrote into <html lang>.
import { baseLocale, isLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

export function usePageLocale() {
	const lang = document.documentElement.lang;
	overwriteGetLocale(() => (isLocale(lang) ? lang : baseLocale));
}
