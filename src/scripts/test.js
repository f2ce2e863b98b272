// `npm test`: the type check and the unit tests side by side (each keeps about one of two cores busy), then the
// end-to-end tests. The type check's output is held back and printed whole, so the two do not interleave.
import { spawn } from 'node:child_process';

/**
 * Runs `command` in a shell; resolves with its exit code and, when `quiet`, what it printed.
 * @param {string} command
 * @returns {Promise<{ code: number; output: string }>}
 */
function run(command, quiet = false) {
	return new Promise((resolve) => {
		const child = spawn(command, { shell: true, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		let output = '';
		for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => resolve({ code: code ?? 1, output }));
	});
}

const [check, unit] = await Promise.all([run('npx svelte-check --tsconfig ./tsconfig.json', true), run('npx vitest run')]);
process.stdout.write(`\n> svelte-check\n${check.output}`);
if (check.code || unit.code) process.exit(check.code || unit.code);
process.exit((await run('npm run test:e2e')).code);
