// Lint: the recommended TypeScript and Svelte rules; formatting is Prettier's job.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build*/', '.svelte-kit*/', 'src/lib/paraglide/', 'data/', 'tmp/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// the one road to {@html} is the sanitizing Markdown renderer; each use says so beside it
			'svelte/no-at-html-tags': 'off',
			// the portal is served at the root (no `paths.base`): plain links are what resolve() would give
			'svelte/no-navigation-without-resolve': 'off'
		}
	}
);
