import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let parallel test runs build side by side; defaults are the usual ones.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// SvelteKit's own origin check is off ('*'): the same check runs in hooks.server.ts (security/origin.ts),
		// which lets Open311 clients post forms from their servers as GeoReport v2 requires; everything else is
		// refused cross-site as before.
		csrf: { trustedOrigins: ['*'] },
		// Hashes, not nonces: pages carry no inline script (csr = false; enhancements are files), so there is nothing
		// to hash, and a kept page (page-cache/) never replays a nonce made for one answer.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// <style> elements: our own files only (Kit adds a hash if it ever inlines one). style="" attributes
				// stay allowed: SvelteKit wraps the body in <div style="display: contents"> and the meters set
				// style:width, and hashes or nonces do not apply to attributes.
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'frame-ancestors': ['none'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
