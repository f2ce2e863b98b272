import { defineConfig } from '@playwright/test';

// One built server with a fresh demo database per run. PORT/BUILD_DIR let parallel runs coexist.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['./tests/reporters/playwright-summary.ts']],
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'zh-TW',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		},
		trace: 'off',
		screenshot: 'off'
	},
	webServer: {
		command: `npx tsx src/scripts/e2e-server.ts`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: { E2E_PORT: String(port) },
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
