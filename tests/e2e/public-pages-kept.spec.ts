// Public pages are kept a few seconds for visitors who are not signed in (page-cache/), and never a moment after
// anything changed: a proposal filed through the site, or a change written by another process.
import { expect, test } from './test';
import { unique } from './helpers';
import { as, propose } from './deliberation-fixture';
import { workerDatabase } from './test';
import { openDatabase } from '../../src/lib/server/db/client';

const LIST = '/c/jinwei/proposals';
const PAGE = `${LIST}?sort=newest`;

test('a visitor is served the kept list until a proposal is filed or anything is written elsewhere', async ({ browser, playwright, baseURL }) => {
	const visitor = await playwright.request.newContext({ baseURL });
	// an address no other test reads: signed-in people's visits keep the plain list too (own-header.spec.ts)
	const fresh = await visitor.get(PAGE);
	expect(fresh.headers()['age']).toBeUndefined();
	const kept = await visitor.get(PAGE);
	expect(kept.headers()['age']).toBeDefined();
	expect(await kept.text()).toBe(await fresh.text());
	// the headers every answer carries, the CSP among them
	expect(kept.headers()['x-frame-options']).toBe('DENY');
	expect(kept.headers()['content-security-policy']).toBe(fresh.headers()['content-security-policy']);

	// Filed through the site: the very next visitor sees it.
	const author = await as(browser, 'resident3');
	const title = `E2E 訪客看到的新議題 ${unique()}`;
	await propose(author, { title, category: '其他', body: '訪客頁面應立即更新。' });
	const after = await visitor.get(PAGE);
	expect(after.headers()['age']).toBeUndefined();
	expect(await after.text()).toContain(title);

	// Signed in, the kept list with the person's own header (own-header.spec.ts), the new proposal in it; asking for
	// a fresh copy (a reload), the page is rendered afresh.
	const own = await author.request.get(PAGE);
	expect(own.headers()['age']).toBeDefined();
	expect(await own.text()).toContain(title);
	expect((await author.request.get(PAGE, { headers: { 'cache-control': 'no-cache' } })).headers()['age']).toBeUndefined();
	expect((await visitor.get(PAGE, { headers: { 'cache-control': 'no-cache' } })).headers()['age']).toBeUndefined();

	// Written by another process (a script, a second server): its commit is seen too.
	expect((await visitor.get(PAGE)).headers()['age']).toBeDefined();
	const renamed = `改名的居民 ${unique()}`;
	const { sqlite } = openDatabase(workerDatabase());
	try {
		sqlite.prepare(`update users set display_name = ? where username = 'resident3'`).run(renamed);
	} finally {
		sqlite.close();
	}
	const changed = await visitor.get(PAGE);
	expect(changed.headers()['age']).toBeUndefined();
	expect(await changed.text()).toContain(renamed);
	await visitor.dispose();
});

test('a browser is served kept pages in its own language and text size', async ({ browser }) => {
	for (const [locale, heading] of [
		['zh-Hant', '居民議題'],
		['en', "Residents' proposals"]
	] as const) {
		const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'zh-TW' });
		const page = await context.newPage();
		// the first visit sets the language cookie (rendered); the next ones may be kept
		for (let i = 0; i < 3; i++) {
			const response = await page.goto(LIST);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
		}
		await context.close();
	}
});
