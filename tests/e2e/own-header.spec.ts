// Signed-in people on the pages that are the same for everyone get the kept page with their own header
// (page-cache/own-header.ts): byte for byte the page rendered for them, for residents here and elsewhere and for
// staff, in every language and text size; and a visitor never gets anything made for a person.
import { expect, test } from './test';
import { as } from './deliberation-fixture';

const PAGES = ['/c/jinwei/proposals', '/c/jinwei/proposals?sort=seconds&category=all', '/c/jinwei/proposals?q=%E9%9B%BB%E6%A2%AF', '/c/fenghuangshan/proposals'];
const SETTINGS = [
	{ locale: 'zh-Hant', textsize: '' },
	{ locale: 'zh-Hans', textsize: 'large' },
	{ locale: 'en', textsize: '' }
];

test('a signed-in person is given the kept page with their own header: the very page rendered for them', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	// a resident here, a resident of another community, a committee member, street staff (the staff bar)
	for (const username of ['resident1', 'resident9', 'committee1', 'street']) {
		const person = await as(browser, username);
		const context = person.context();
		for (const { locale, textsize } of SETTINGS) {
			await context.addCookies([
				{ name: 'locale', value: locale, url: baseURL! },
				...(textsize ? [{ name: 'textsize', value: textsize, url: baseURL! }] : [])
			]);
			if (!textsize) await context.clearCookies({ name: 'textsize' });
			for (const path of PAGES) {
				const rendered = await context.request.get(path, { headers: { 'cache-control': 'no-cache' } });
				expect(rendered.headers()['age'], path).toBeUndefined();
				const html = await rendered.text();
				for (let i = 0; i < 2; i++) {
					const kept = await context.request.get(path);
					expect(kept.status()).toBe(200);
					expect(kept.headers()['age'], `${username} ${locale} ${path}`).toBeDefined();
					expect(kept.headers()['cache-control']).toBe('private, no-store');
					expect(await kept.text(), `${username} ${locale} ${textsize} ${path}`).toBe(html);
				}
			}
		}
		// what the person sees in a browser (the cookies say English now): their own header on the kept list
		expect((await person.goto(PAGES[0]))?.headers()['age']).toBeDefined();
		await expect(person.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
		await expect(person.locator('html')).toHaveAttribute('lang', 'en');
		expect(await person.content()).not.toContain('/login?next=');
		await context.close();
	}
});

test('a visitor is never given a page made for a person, nor a person a page made for a visitor', async ({ browser, playwright, baseURL }) => {
	const person = await as(browser, 'resident1');
	const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'locale=zh-Hant' } });
	const path = PAGES[0];
	const mine = await (await person.context().request.get(path)).text();
	expect(mine).toContain('/logout');
	expect(mine).not.toContain('/login?next=');
	const theirs = await visitor.get(path);
	const text = await theirs.text();
	expect(text).not.toContain('/logout');
	expect(text).not.toContain('/inbox');
	expect(text).toContain('/login?next=');
	// the visitor's kept page is the one a visitor's render makes
	expect(text).toBe(await (await visitor.get(path, { headers: { 'cache-control': 'no-cache' } })).text());
	// SvelteKit's data for the page (its event has the page's address) is never answered with the kept page
	for (const asking of [visitor, person.context().request]) {
		const data = await asking.get(`${path}/__data.json`);
		expect(data.headers()['content-type']).not.toContain('text/html');
		expect(data.headers()['age']).toBeUndefined();
	}
	// a community that does not exist: not a page to keep, so rendered again for the person (their header, 404)
	const missing = await person.context().request.get('/c/no-such-place/proposals');
	expect(missing.status()).toBe(404);
	expect(await missing.text()).toContain('/logout');
	await visitor.dispose();
	await person.context().close();
});
