// Pages are served without SvelteKit's client-side JavaScript: every form posts to its action and every link is a
// link, so a page is usable as soon as its HTML arrives (issue 12: small pages for old phones). Hydrating one costs
// about 35 KB gzip before a page does anything (Svelte's runtime and SvelteKit's router), the whole budget. The
// few places where a script helps a resident (the ballot's running total, similar proposals as a title is typed,
// a print button, a photo check before a long upload) load a small script of their own: see $lib/enhance.
export const csr = false;
