import { defineConfig } from '@playwright/test';
import { E2E_PORT, E2E_WORKERS } from './tests/e2e/test';

// One build, served by one server per worker, each with a fresh demo database of its own (tests/e2e/test.ts
// points each worker at its server). E2E_PORT/BUILD_DIR let parallel runs coexist.
const ports = Array.from({ length: E2E_WORKERS }, (_, i) => E2E_PORT + i);

// Chromium's new headless mode builds a whole browser window for every page, and since Chromium 15x each window
// also loads the address bar's suggestion popups as web pages of their own (chrome://omnibox-popup.top-chrome):
// about a third of the CPU a new page costs, which the suite pays a few hundred times. Chromium takes only the
// last --disable-features, so this one repeats Playwright's own list (playwright-core 1.65) before adding those two.
const DISABLED_FEATURES =
	'--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,' +
	'MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,' +
	'NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,WebUIOmniboxPopup,WebUIOmniboxAimPopup';

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: E2E_WORKERS,
	retries: 0,
	reporter: [['list'], ['./tests/reporters/playwright-summary.ts']],
	use: {
		locale: 'zh-TW',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', DISABLED_FEATURES]
		},
		trace: 'off',
		screenshot: 'off'
	},
	webServer: ports.map((port) => ({
		command: `npx tsx src/scripts/e2e-server.ts`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: { E2E_PORT: String(port) },
		stdout: 'ignore' as const,
		stderr: 'pipe' as const
	}))
});
