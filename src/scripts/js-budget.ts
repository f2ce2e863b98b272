// The JavaScript each page makes a phone download, from the build: SvelteKit's start and app entries, every
// layout and the page itself, and everything they import, counted once, gzipped as the server sends them
// (adapter-node serves the build's .gz files). Fails (exit 1) when a page is over BUDGET_KB, so a page cannot grow
// unnoticed; prints every page, largest first. `npm test` runs it after the build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where pages stand today plus a little room; the aim (issue: small pages for old phones) is 35 KB. */
export const BUDGET_KB = 80;
export const AIM_KB = 35;

const kitOut = resolve(process.env.KIT_OUT_DIR ?? '.svelte-kit', 'output');
const client = resolve(process.env.BUILD_DIR ?? 'build', 'client');

const strings = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/** Gzipped size of a client file, from the .gz the build wrote (or the file itself when it was too small to zip). */
function gzipped(file: string) {
	const path = resolve(client, file);
	return existsSync(path + '.gz') ? statSync(path + '.gz').size : statSync(path).size;
}

/** The client files one server node (layout, page, error page) preloads, as SvelteKit lists them. */
function nodeImports(index: number): string[] {
	const source = readFileSync(resolve(kitOut, `server/nodes/${index}.js`), 'utf8');
	const list = source.match(/export const imports = \[([^\]]*)\]/);
	return list ? strings(list[1]) : [];
}

export type PageWeight = { route: string; bytes: number };

export function pageWeights(): PageWeight[] {
	const manifest = readFileSync(resolve(kitOut, 'server/manifest.js'), 'utf8');
	const entry = manifest.match(/client: \{start:"([^"]+)",app:"([^"]+)",imports:\[([^\]]*)\]/);
	if (!entry) throw new Error(`no client entry in ${kitOut}/server/manifest.js: build first`);
	const base = [entry[1], entry[2], ...strings(entry[3])];
	// One piece per route; endpoints (no page) have no layouts and are left out.
	const routes = manifest
		.split(/\bid: "/)
		.slice(1)
		.map((piece) => piece.match(/^([^"]*)"[\s\S]*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/))
		.filter((m) => m !== null);
	return routes
		.map(([, route, layouts, leaf]) => {
			const nodes = [...layouts.split(',').filter((n) => n.trim()), leaf].map(Number);
			const files = new Set([...base, ...nodes.flatMap(nodeImports)]);
			return { route, bytes: [...files].reduce((sum, f) => sum + gzipped(f), 0) };
		})
		.sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const weights = pageWeights();
	const kb = (b: number) => (b / 1024).toFixed(1);
	const over = weights.filter((w) => w.bytes > BUDGET_KB * 1024);
	const withinAim = weights.filter((w) => w.bytes <= AIM_KB * 1024).length;
	console.log(`JavaScript per page (gzip), ${weights.length} pages: largest ${kb(weights[0].bytes)} KB, smallest ${kb(weights.at(-1)!.bytes)} KB; budget ${BUDGET_KB} KB, aim ${AIM_KB} KB (${withinAim} within)`);
	if (process.argv.includes('--all')) for (const w of weights) console.log(`  ${kb(w.bytes).padStart(6)} KB  ${w.route}`);
	for (const w of over) console.error(`  over the budget: ${w.route} ${kb(w.bytes)} KB > ${BUDGET_KB} KB`);
	process.exit(over.length ? 1 : 0);
}
