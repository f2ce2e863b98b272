/**
 * npm run audit:deps — known advisories in the packages that end up in the built server.
 *
 * The built server is more than `dependencies`: SvelteKit and Svelte are devDependencies, yet their runtime
 * (and SvelteKit's `cookie`, `devalue`, `set-cookie-parser`) is bundled into build/server. So this runs
 * `npm audit --json` over the whole tree and counts only advisories on packages the server ships: the
 * production dependencies and the dependency closure of the bundled ones, from package-lock.json. Anything
 * else (build and test tools) is listed but does not fail the run.
 *
 * - exits 1 on a high or critical advisory in a shipped package, or when SvelteKit's `cookie` is a version
 *   with a known advisory (checked from a table below, so it works offline too);
 * - when the registry's audit endpoint cannot be reached, says so and skips that part (exit 0).
 * Not part of `npm test`: the tests must not need the network.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Packages that are devDependencies for npm but whose code is bundled into the server build. */
export const BUNDLED = ['@sveltejs/kit', 'svelte'];

type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }> };
type Manifest = { dependencies?: Record<string, string> };

/** Names of the packages the server ships: production dependencies and BUNDLED, with everything they depend on. */
export function shippedPackages(manifest: Manifest, lock: Lock): Set<string> {
	const shipped = new Set<string>();
	const queue = [...Object.keys(manifest.dependencies ?? {}), ...BUNDLED];
	while (queue.length) {
		const name = queue.pop()!;
		if (shipped.has(name)) continue;
		shipped.add(name);
		const entry = lock.packages[`node_modules/${name}`];
		for (const dep of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) queue.push(dep);
	}
	return shipped;
}

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
type AuditVulnerability = { name: string; severity: Severity; via: (string | { title?: string; url?: string })[]; range?: string };
export type AuditReport = { vulnerabilities?: Record<string, AuditVulnerability>; error?: unknown; message?: string; statusCode?: number };
export type Finding = { name: string; severity: Severity; shipped: boolean; advisories: string[] };

/** The report's findings, each marked whether the server ships the package. */
export function findings(report: AuditReport, shipped: Set<string>): Finding[] {
	return Object.values(report.vulnerabilities ?? {}).map((v) => ({
		name: v.name,
		severity: v.severity,
		shipped: shipped.has(v.name),
		advisories: v.via.map((x) => (typeof x === 'string' ? `via ${x}` : `${x.title ?? ''} ${x.url ?? ''}`.trim()))
	}));
}

/** npm could not ask the registry (offline, DNS, a proxy that refuses the audit endpoint): no report to judge. */
export const unreachable = (report: AuditReport | null): boolean => !report || (!report.vulnerabilities && (report.error !== undefined || report.statusCode !== undefined));

export const failing = (list: Finding[]) => list.filter((f) => f.shipped && (f.severity === 'high' || f.severity === 'critical'));

/** Advisories on `cookie`, for the version SvelteKit uses; kept here so the check needs no network. */
export const COOKIE_ADVISORIES = [
	{ id: 'GHSA-pxg6-pf52-xh8x (CVE-2024-47764)', fixedIn: '0.7.0', summary: 'cookie name, path and domain accept out-of-bounds characters' }
];

const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number);
export function versionBelow(version: string, limit: string): boolean {
	const [a, b] = [parts(version), parts(limit)];
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
	return false;
}

export const cookieAdvisories = (version: string) => COOKIE_ADVISORIES.filter((a) => versionBelow(version, a.fixedIn));

/** The version of `cookie` that SvelteKit itself resolves (a nested copy wins over the hoisted one). */
export function kitCookieVersion(root: string): string {
	const kit = createRequire(resolve(root, 'package.json')).resolve('@sveltejs/kit/package.json');
	const cookie = createRequire(kit).resolve('cookie/package.json');
	return JSON.parse(readFileSync(cookie, 'utf8')).version;
}

function runAudit(root: string): Promise<AuditReport | null> {
	return new Promise((done) => {
		// npm audit exits non-zero when it finds something: the JSON on stdout is what counts
		execFile('npm', ['audit', '--json', '--fetch-timeout=20000', '--fetch-retries=1'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) => {
			try {
				done(JSON.parse(stdout) as AuditReport);
			} catch {
				done(null);
			}
		});
	});
}

async function main() {
	const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
	const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Manifest;
	const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as Lock;
	const shipped = shippedPackages(manifest, lock);
	let failed = false;

	const cookie = kitCookieVersion(root);
	const cookieFound = cookieAdvisories(cookie);
	if (cookieFound.length) {
		failed = true;
		for (const a of cookieFound) console.log(`✗ SvelteKit uses cookie ${cookie}: ${a.id} — ${a.summary} (fixed in ${a.fixedIn}; see "overrides" in package.json)`);
	} else console.log(`✓ SvelteKit uses cookie ${cookie}: no known advisory`);

	const report = await runAudit(root);
	if (unreachable(report)) {
		const why = report?.message ?? (report?.error as { summary?: string } | undefined)?.summary ?? 'no answer';
		console.log(`- npm audit skipped: the registry's audit endpoint could not be reached (${why || 'no detail'})`);
	} else {
		const list = findings(report!, shipped);
		const ship = list.filter((f) => f.shipped);
		console.log(`npm audit: ${shipped.size} packages ship in the server; ${ship.length} of them have advisories, ${list.length - ship.length} build/test tools too`);
		for (const f of [...ship, ...list.filter((x) => !x.shipped)]) {
			console.log(`${f.shipped ? (failing([f]).length ? '✗' : '!') : ' '} ${f.severity.padEnd(8)} ${f.name}${f.shipped ? '' : ' (not shipped)'}: ${f.advisories.join('; ')}`);
		}
		if (failing(list).length) failed = true;
	}
	console.log(failed ? 'audit:deps: FAILED' : 'audit:deps: ok');
	process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
