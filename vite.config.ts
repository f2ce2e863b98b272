import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/**
 * Paraglide's generated registry builds a new Intl formatter on every call: a plural message makes an
 * Intl.PluralRules each time it is shown (3 % of the proposals list's server time, twenty per page). Keep one
 * formatter per kind, locale and options instead; formatters are immutable, so sharing them changes nothing else.
 * The JavaScript budget (npm test) caught the first version, which doubled every page's download.
 */
function reuseIntlFormatters(): Plugin {
	return {
		name: 'reuse-paraglide-intl-formatters',
		// The server only: in the browser's bundle the rewritten module kept every message from being left out.
		transform(code, id, options) {
			if (!options?.ssr || !id.replaceAll('\\', '/').endsWith('/paraglide/registry.js')) return;
			const made = code.replace(/new Intl\.(\w+)\(locale, (\w+)\)/g, '__reuse(Intl.$1, locale, $2)');
			const helper =
				'const __formatters = new Map();\n' +
				'function __reuse(Kind, locale, options) {\n' +
				'\tconst key = `${Kind.name}|${locale}|${JSON.stringify(options ?? null)}`;\n' +
				'\tlet formatter = __formatters.get(key);\n' +
				'\tif (!formatter) __formatters.set(key, (formatter = new Kind(locale, options)));\n' +
				'\treturn formatter;\n' +
				'}\n';
			return { code: helper + made, map: null };
		}
	};
}

/**
 * The enhancement scripts ($lib/enhance/Script.svelte: small bundles Vite makes from `?worker&url` imports) go
 * among the build's assets, the folder SvelteKit copies from the server's build to the browser's: pages have no
 * SvelteKit JavaScript (src/routes/+layout.ts), so the browser's build is skipped and only the server's build
 * makes these files. SvelteKit names worker bundles `_app/immutable/workers/…`, which it would not copy; this
 * runs after it (enforce: 'post') so that its names win. Still hashed, so still served as immutable.
 */
function enhanceScriptsAmongAssets(): Plugin {
	const names = '_app/immutable/assets/[name]-[hash].js';
	return {
		name: 'enhance-scripts-among-assets',
		enforce: 'post',
		config: () => ({ worker: { rollupOptions: { output: { entryFileNames: names, chunkFileNames: names } } } })
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// server: custom-locale (cookie, then Accept-Language); browser: the cookie the server keeps set
			strategy: ['custom-locale', 'cookie', 'baseLocale'],
			cookieName: 'locale'
		}),
		reuseIntlFormatters(),
		sveltekit(),
		enhanceScriptsAmongAssets()
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		reporters: ['default', './tests/reporters/vitest-summary.ts'],
		testTimeout: 30000,
		// Two threads, each keeping one module registry for all its files: every test file opens its own
		// database, and loading the app's modules afresh for each file cost more than the tests themselves
		// (162 s → 50 s). So no test mocks a module (it would leak into the files after it).
		pool: 'threads',
		isolate: false,
		maxWorkers: 2
	}
});
