import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// server: custom-locale (cookie, then Accept-Language); browser: the cookie the server keeps set
			strategy: ['custom-locale', 'cookie', 'baseLocale'],
			cookieName: 'locale'
		}),
		sveltekit()
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
