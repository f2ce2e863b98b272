import { expect, workerOrigin, type Page, type Browser, type Locator, type APIRequestContext } from './test';
import type { Cookie } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'cocreate-demo';

/** Signs in through the real form, and lands where the site sends this person. */
export async function loginThroughForm(page: Page, username: string, password = PASSWORD) {
	await page.goto('/login');
	await page.getByLabel(/登入名稱|Login name|登录名/).fill(username);
	await page.getByLabel(/^(密碼|Password|密码)$/).fill(password);
	await page.getByRole('button', { name: /^(登入|Sign in|登录)$/ }).last().click();
	await expect(page).not.toHaveURL(/\/login/);
}

// Signing in through the form renders two pages in the browser and hashes a password (argon2id): seconds each on
// a busy two-core machine, and the suite signs in well over a hundred times. So `login` posts the same form
// straight to the server once per account and worker, and hands the session cookie to later pages. The form
// itself, signing out and sessions are tested with loginThroughForm (or their own accounts and passwords).
const sessions = new Map<string, Cookie>();

/** `page` is signed in as `username` (nothing is opened: the caller goes where the test starts). */
export async function login(page: Page, username: string, password = PASSWORD) {
	const known = password === PASSWORD ? sessions.get(username) : undefined;
	if (known) return page.context().addCookies([known]);
	const response = await postAsBrowser(page.request, '/login', { username, password });
	expect(response.status(), `signing in as ${username}`).toBe(303);
	const session = (await page.context().cookies(workerOrigin())).find((cookie) => cookie.name === 'session');
	expect(session, `a session for ${username}`).toBeTruthy();
	if (session && password === PASSWORD) sessions.set(username, session);
}

/**
 * Posts a form action of `path` as a browser without JavaScript does (the same fields, the same action, no page to
 * render) and expects a success's redirect. For steps a test repeats many times before the one it looks at.
 */
export async function postForm(page: Page, path: string, action: string, fields: Record<string, string> = {}) {
	const response = await postAsBrowser(page.request, `${path}?/${action}`, fields);
	expect(response.status(), `${action} on ${path}`).toBe(303);
}

/**
 * Posts `form` to `path` (with its `?/action`) as a browser without JavaScript does, with the cookies of
 * `request`'s context, and returns the answer unfollowed. `accept: text/html` makes SvelteKit answer as to a
 * browser's form post (a 303 or the page), not as to use:enhance's fetch (JSON).
 */
export function postAsBrowser(request: APIRequestContext, path: string, form: Record<string, string>) {
	const origin = workerOrigin();
	return request.post(`${origin}${path}`, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
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
	// whole options object, so it comes before withTags(), which adds the tag filter to it. Legacy mode runs axe
	// in the page itself: the default opens a blank page for every check to merge frames' results, which tripled
	// each check on a busy machine; our pages have no cross-origin frames, so the findings are the same.
	const results = await new AxeBuilder({ page })
		.setLegacyMode(true)
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

/**
 * Holds back the page's scripts until the returned function is called: what a slow phone does, where a
 * resident reads and taps a page before it comes alive. Call before `goto`; release, then wait for the network
 * to go quiet (the page has hydrated by then).
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

/** The date `n` days from today in China (UTC+8), as a date field takes it. */
export function chinaDay(n: number): string {
	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	return new Date(Date.parse(today) + n * 86400_000).toISOString().slice(0, 10);
}

/** The new-menu form of a menu collecting from today, one phase a day after it; `over` changes any field. */
export function menuForm(title: string, over: Record<string, string> = {}): Record<string, string> {
	return {
		title,
		budget: '100000',
		ballotRule: 'approval_budget',
		tallyRule: 'greedy',
		collectStartsAt: chinaDay(0),
		reviewStartsAt: chinaDay(1),
		voteStartsAt: chinaDay(2),
		resultsStartsAt: chinaDay(3),
		implementationStartsAt: chinaDay(4),
		acceptanceStartsAt: chinaDay(5),
		...over
	};
}
