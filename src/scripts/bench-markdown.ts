// npx tsx src/scripts/bench-markdown.ts — how long renderMarkdown takes on hostile texts, next to ordinary
// text of similar length (CPU ms of the fastest of 5 calls, so other processes on the machine count less).
import { renderMarkdown } from '../lib/markdown';
import { HOSTILE_MARKDOWN, ordinaryMarkdown } from '../../tests/fixtures/hostile-markdown';

function cpuMs(fn: () => unknown): number {
	const start = process.cpuUsage();
	fn();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

const best = (fn: () => unknown, runs = 5) => Math.min(...Array.from({ length: runs }, () => cpuMs(fn)));

renderMarkdown(ordinaryMarkdown(2_000));
const rows: [string, number, number][] = [];
for (const chars of [2_000, 5_000, 15_000]) rows.push([`ordinary text, ${chars} chars`, chars, best(() => renderMarkdown(ordinaryMarkdown(chars)))]);
for (const [name, text] of Object.entries(HOSTILE_MARKDOWN)) rows.push([name, text.length, best(() => renderMarkdown(text))]);
for (const [name, chars, ms] of rows) console.log(`${name.padEnd(44)} ${String(chars).padStart(10)} chars ${ms.toFixed(1).padStart(7)} ms`);
