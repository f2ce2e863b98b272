import { expect, type Page, type Browser, type Locator } from './test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'cocreate-demo';

/** Signs in through the real form. */
export async function login(page: Page, username: string, password = PASSWORD) {
	await page.goto('/login');
	await page.getByLabel(/登入名稱|Login name|登录名/).fill(username);
	await page.getByLabel(/^(密碼|Password|密码)$/).fill(password);
	await page.getByRole('button', { name: /^(登入|Sign in|登录)$/ }).last().click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh context signed in as `username` (own cookies), for multi-user flows. */
export async function pageAs(browser: Browser, username: string, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: 'zh-TW' });
	const page = await context.newPage();
	await login(page, username);
	return page;
}

/** No WCAG 2.2 A/AA violation on the current page. */
export async function expectAccessible(page: Page) {
	// resultTypes: only violations are detailed (axe skips gathering nodes for passes). options() replaces the
	// whole options object, so it comes before withTags(), which adds the tag filter to it.
	const results = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A unique suffix for names created by a test. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * Opens a <details> by its summary and waits for what it reveals. Clicks again if a re-render (an
 * enhanced form's update landing at that moment) closed it, so the test waits on the page, not on timing.
 */
export async function openDetails(summary: Locator, revealed: Locator) {
	await expect(async () => {
		if (!(await revealed.isVisible())) await summary.click();
		await expect(revealed).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
}
