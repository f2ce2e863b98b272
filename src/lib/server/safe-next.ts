// Where to send someone after signing in (or after a form that names its own way back): only a path of this
// site. Browsers drop tabs and line breaks anywhere in a URL and read "\" as "/", so "/\t/evil.example" and
// "/\evil.example" are both "//evil.example" to them: such values are refused, not cleaned.
const BASE = new URL('http://this-site.invalid');
const REFUSED = /[\u0000-\u001f\u007f\\]/;

export function safeNext(next: string | null | undefined): string {
	if (!next || next.length > 2000 || !next.startsWith('/') || REFUSED.test(next)) return '/';
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE.origin) return '/';
	return url.pathname + url.search + url.hash;
}
