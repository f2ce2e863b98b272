// The JavaScript each page makes a phone download, from the build, gzipped as the server sends them (adapter-node
// serves the build's .gz files): for a page SvelteKit hydrates (csr), its start and app entries, every layout and
// the page itself and everything they import; for a page served without SvelteKit's JavaScript (csr = false, as
// the build's own server nodes say), nothing of that. Either way, the enhancement scripts its server-rendered
// components can write into the page (src/lib/enhance, bundled among _app/immutable/assets/), counted once.
// Fails (exit 1) when a page is over BUDGET_KB, so a page cannot grow unnoticed; prints every page, largest first,
// and which ship none. `npm test` runs it after the build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Issue 12, small pages for old phones: at most 35 KB of JavaScript (gzip) on every page. */
export const BUDGET_KB = 35;

const kitOut = resolve(process.env.KIT_OUT_DIR ?? '.svelte-kit', 'output');
const client = resolve(process.env.BUILD_DIR ?? 'build', 'client');
const server = resolve(kitOut, 'server');

const strings = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/** Gzipped size of a client file, from the .gz the build wrote (or the file itself when it was too small to zip). */
function gzipped(file: string) {
	const path = resolve(client, file);
	if (!existsSync(path)) throw new Error(`${file} is named by the server build but missing from ${client}`);
	return existsSync(path + '.gz') ? statSync(path + '.gz').size : statSync(path).size;
}

type ServerNode = {
	/** The client files SvelteKit preloads for this node when it hydrates the page. */
	imports: string[];
	/** This node's csr option (its +page.ts / +layout.ts, or its .server.ts), when it sets one. */
	csr: boolean | undefined;
	/** The server-rendered component's module, whose markup can name enhancement scripts. */
	component: string | null;
};

/** A page option from a module the server build made (`export const csr = false` ends up in its exports). */
async function optionOf(file: string, name: string): Promise<boolean | undefined> {
	const source = readFileSync(file, 'utf8');
	// importing a server module runs its top level (database modules open lazily): only when it exports the option
	if (!new RegExp(`\\b${name}\\b`).test(source.match(/export\s*\{[^}]*\}/g)?.join(' ') ?? '')) return undefined;
	const value = (await import(pathToFileURL(file).href))[name];
	return typeof value === 'boolean' ? value : undefined;
}

async function serverNode(index: number): Promise<ServerNode> {
	const file = resolve(server, `nodes/${index}.js`);
	const source = readFileSync(file, 'utf8');
	const module = (name: string) => source.match(new RegExp(`import \\* as ${name} from '([^']+)'`))?.[1];
	const inline = source.match(/export const universal = (\{[\s\S]*?\});/)?.[1];
	const universal = module('universal');
	const serverModule = module('server');
	const universalCsr = inline !== undefined ? (JSON.parse(inline).csr as boolean | undefined) : universal ? await optionOf(resolve(dirname(file), universal), 'csr') : undefined;
	// SvelteKit reads a node's universal option before its server one
	const csr = universalCsr ?? (serverModule ? await optionOf(resolve(dirname(file), serverModule), 'csr') : undefined);
	const list = source.match(/export const imports = \[([^\]]*)\]/);
	const component = source.match(/import\('([^']+)'\)\)\.default/)?.[1];
	return { imports: list ? strings(list[1]) : [], csr, component: component ? resolve(dirname(file), component) : null };
}

/** Enhancement scripts a server module or anything it imports statically can write into a page (over-counts, never under). */
function scriptsOf(file: string, seen = new Set<string>()): Set<string> {
	const found = new Set<string>();
	if (seen.has(file)) return found;
	seen.add(file);
	const source = readFileSync(file, 'utf8');
	for (const [, path] of source.matchAll(/["'`]\/(_app\/immutable\/assets\/[^"'`]+\.js)["'`]/g)) found.add(path);
	for (const [, spec] of source.matchAll(/^(?:import|export)\b[^;"']*?["'](\.{1,2}\/[^"']+)["']/gm)) {
		for (const script of scriptsOf(resolve(dirname(file), spec), seen)) found.add(script);
	}
	return found;
}

export type PageWeight = { route: string; bytes: number; csr: boolean; scripts: string[] };

export async function pageWeights(): Promise<PageWeight[]> {
	const manifest = readFileSync(resolve(server, 'manifest.js'), 'utf8');
	if (!/\bclient: /.test(manifest)) throw new Error(`no client entry in ${server}/manifest.js: build first`);
	// `client: null` when no page hydrates: SvelteKit then builds no JavaScript for the browser at all
	const entry = manifest.match(/client: \{start:"([^"]+)",app:"([^"]+)",imports:\[([^\]]*)\]/);
	const base = entry ? [entry[1], entry[2], ...strings(entry[3])] : null;
	// One piece per route; endpoints (no page) have no layouts and are left out.
	const routes = manifest
		.split(/\bid: "/)
		.slice(1)
		.map((piece) => piece.match(/^([^"]*)"[\s\S]*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/))
		.filter((m) => m !== null);
	const nodes = new Map<number, ServerNode>();
	const nodeAt = async (index: number) => nodes.get(index) ?? nodes.set(index, await serverNode(index)).get(index)!;
	const weights: PageWeight[] = [];
	for (const [, route, layouts, leaf] of routes) {
		const chain = await Promise.all([...layouts.split(',').filter((n) => n.trim()), leaf].map((n) => nodeAt(Number(n))));
		// as SvelteKit decides: the deepest node that sets csr wins, and pages hydrate unless one says otherwise
		const csr = base !== null && (chain.reduce<boolean | undefined>((value, node) => node.csr ?? value, undefined) ?? true);
		const scripts = [...new Set(chain.flatMap((node) => (node.component ? [...scriptsOf(node.component)] : [])))];
		const files = new Set([...(csr && base ? [...base, ...chain.flatMap((node) => node.imports)] : []), ...scripts]);
		weights.push({ route, csr, scripts, bytes: [...files].reduce((sum, f) => sum + gzipped(f), 0) });
	}
	return weights.sort((a, b) => b.bytes - a.bytes || a.route.localeCompare(b.route));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const weights = await pageWeights();
	const kb = (b: number) => (b / 1024).toFixed(1);
	const over = weights.filter((w) => w.bytes > BUDGET_KB * 1024);
	const none = weights.filter((w) => w.bytes === 0);
	const hydrated = weights.filter((w) => w.csr).length;
	console.log(
		`JavaScript per page (gzip), ${weights.length} pages: largest ${kb(weights[0].bytes)} KB (${weights[0].route}), smallest ${kb(weights.at(-1)!.bytes)} KB; ` +
			`budget ${BUDGET_KB} KB; ${hydrated} hydrated by SvelteKit, ${none.length} ship none`
	);
	if (process.argv.includes('--all')) {
		const name = (file: string) => file.split('/').at(-1);
		for (const w of weights) console.log(`  ${kb(w.bytes).padStart(6)} KB  ${w.route}${w.csr ? '  (hydrated)' : ''}${w.scripts.length ? `  scripts: ${w.scripts.map(name).join(', ')}` : ''}`);
		console.log(`Ship none: ${none.map((w) => w.route).join(' ')}`);
	}
	for (const w of over) console.error(`  over the budget: ${w.route} ${kb(w.bytes)} KB > ${BUDGET_KB} KB`);
	process.exit(over.length ? 1 : 0);
}
