// npm run audit:deps judges npm audit's report by what the server ships; no network here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cookieAdvisories, failing, findings, kitCookieVersion, shippedPackages, unreachable, versionBelow, type AuditReport } from '../../src/scripts/audit-deps';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
const shipped = shippedPackages(manifest, lock);

// The shape npm 11 prints for `npm audit --json` (trimmed).
const report: AuditReport = {
	vulnerabilities: {
		cookie: { name: 'cookie', severity: 'low', via: [{ title: 'cookie accepts cookie name, path, and domain with out of bounds characters', url: 'https://github.com/advisories/GHSA-pxg6-pf52-xh8x' }], range: '<0.7.0' },
		'@sveltejs/kit': { name: '@sveltejs/kit', severity: 'low', via: ['cookie'] },
		'sanitize-html': { name: 'sanitize-html', severity: 'high', via: [{ title: 'an XSS in the sanitizer', url: 'https://example/advisory' }] },
		esbuild: { name: 'esbuild', severity: 'critical', via: [{ title: 'dev server reads any file', url: 'https://example/esbuild' }] }
	}
};

describe('what the server ships', () => {
	it('includes production dependencies, and SvelteKit with its cookie though they are devDependencies', () => {
		for (const name of ['marked', 'sanitize-html', 'sharp', 'better-sqlite3', '@sveltejs/kit', 'cookie', 'devalue', 'svelte']) expect(shipped.has(name), name).toBe(true);
	});
	it('leaves out build and test tools', () => {
		for (const name of ['vitest', '@playwright/test', 'drizzle-kit', 'esbuild', 'typescript']) expect(shipped.has(name), name).toBe(false);
	});
});

describe('judging a report', () => {
	it('fails on a high advisory in a shipped package, not on a critical one in a build tool', () => {
		const list = findings(report, shipped);
		expect(failing(list).map((f) => f.name)).toEqual(['sanitize-html']);
		expect(list.find((f) => f.name === 'esbuild')).toMatchObject({ shipped: false, severity: 'critical' });
		expect(list.find((f) => f.name === 'cookie')?.advisories[0]).toContain('GHSA-pxg6-pf52-xh8x');
	});

	it('passes a clean report', () => {
		expect(failing(findings({ vulnerabilities: {} }, shipped))).toEqual([]);
	});

	it('treats an error from the registry (offline, refused, 405) as "could not ask", not as clean or failed', () => {
		expect(unreachable(null)).toBe(true);
		expect(unreachable({ message: 'request to https://registry.npmjs.org/... failed, reason: getaddrinfo EAI_AGAIN', error: { code: 'EAI_AGAIN' } })).toBe(true);
		expect(unreachable({ message: '405 Method Not Allowed - POST …/advisories/bulk', statusCode: 405, error: { summary: '' } })).toBe(true);
		expect(unreachable(report)).toBe(false);
		expect(unreachable({ vulnerabilities: {} })).toBe(false);
	});
});

describe("SvelteKit's cookie", () => {
	it('knows that cookie below 0.7.0 has an advisory', () => {
		expect(cookieAdvisories('0.6.0').map((a) => a.id)).toEqual(['GHSA-pxg6-pf52-xh8x (CVE-2024-47764)']);
		expect(cookieAdvisories('0.7.2')).toEqual([]);
		expect(versionBelow('0.6.9', '0.7.0')).toBe(true);
		expect(versionBelow('1.0.0', '0.7.0')).toBe(false);
	});

	it('is a version without a known advisory in this tree (package.json overrides it)', () => {
		expect(cookieAdvisories(kitCookieVersion(root))).toEqual([]);
	});
});
