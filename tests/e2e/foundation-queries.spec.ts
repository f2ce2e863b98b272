import { test, expect } from '@playwright/test';
import { pageAs } from './helpers';

// Each page runs a bounded number of statements, however much data the demo street holds (no N+1).
const LIMIT = 25;

async function queriesOf(page: import('@playwright/test').Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBeLessThan(400);
	return Number(response?.headers()['x-db-queries']);
}

test('public pages stay within the query budget', async ({ page }) => {
	const pages = ['/', '/c/jinwei', '/c/fenghuangshan', '/login', '/c/jinwei/proposals', '/c/jinwei/proposals?sort=seconds&q=電梯', '/c/jinwei/proposals/1'];
	pages.push('/c/jinwei/consultations', '/c/jinwei/consultations/1', '/c/jinwei/consultations/3', '/c/jinwei/menus', '/c/jinwei/menus/1', '/c/jinwei/menus/1/results', '/c/jinwei/outcomes');
	for (const path of pages) {
		const n = await queriesOf(page, path);
		expect(n, path).toBeGreaterThan(0);
		expect(n, path).toBeLessThanOrEqual(LIMIT);
	}
});

test('staff pages stay within the query budget', async ({ browser }) => {
	for (const [who, paths] of [
		['committee1', ['/c/jinwei/manage', '/audit', '/my', '/inbox', '/c/jinwei/consultations/3']],
		['resident1', ['/c/jinwei/menus/2/ballot', '/c/jinwei/proposals/new', '/inbox']],
		['street', ['/street/pingxiangmen/manage', '/audit']],
		['admin', ['/admin']]
	] as const) {
		const page = await pageAs(browser, who);
		for (const path of paths) expect(await queriesOf(page, path), `${who} ${path}`).toBeLessThanOrEqual(LIMIT);
		await page.context().close();
	}
});
