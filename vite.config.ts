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
		testTimeout: 30000
	}
});
