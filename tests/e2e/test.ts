// Each Playwright worker talks to a server of its own, on a database of its own: one worker's votes,
// reports and rate limits never show up in another's pages.
import { test as base } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_WORKERS = 2;

/** This worker's server, and its database file (for fixtures that write test data straight into it). */
export const workerPort = () => E2E_PORT + base.info().parallelIndex;
export const workerOrigin = () => `http://localhost:${workerPort()}`;
export const workerDatabase = () => `tmp/e2e-${E2E_PORT + base.info().parallelIndex}.db`;

export const test = base.extend<{ closeContexts: void }>({
	// eslint-disable-next-line no-empty-pattern
	baseURL: async ({}, use, testInfo) => use(`http://localhost:${E2E_PORT + testInfo.parallelIndex}`),
	// The contexts a test opens for other people (pageAs) are closed with it: the worker's browser is shared, and
	// left open they would pile up, a renderer process each, for the rest of the run.
	closeContexts: [
		async ({ browser }, use) => {
			await use();
			await Promise.all(browser.contexts().map((context) => context.close()));
		},
		{ auto: true }
	]
});
export { expect, type Page, type Browser, type Locator, type APIRequestContext } from '@playwright/test';
