import { test, expect, type Page } from './test';
import { pageAs } from './helpers';

// Each page runs a bounded number of statements, however much data the demo street holds (no N+1).
const LIMIT = 25;

// The statements are counted on the server and sent back in a header: fetching the HTML is enough, without
// rendering each page in the browser. Asked for a fresh copy, so that a kept public page (page-cache/) is not
// what gets counted.
async function queriesOf(page: Page, path: string) {
	const response = await page.request.get(path, { headers: { 'cache-control': 'no-cache' } });
	expect(response.status(), path).toBeLessThan(400);
	return Number(response.headers()['x-db-queries']);
}

/** The address of the first link on `list` that leads to a page like `pattern` (no seeded id is assumed). */
async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string> {
	const html = await (await page.request.get(list)).text();
	const hrefs = [...html.matchAll(/<a[^>]* href="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
	const found = hrefs.find((h) => pattern.test(h));
	if (!found) throw new Error(`no link like ${pattern} on ${list}`);
	return found;
}

test('public pages stay within the query budget', async ({ page }) => {
	const proposal = await firstLink(page, '/c/jinwei/proposals', /^\/c\/jinwei\/proposals\/\d+$/);
	const thread = await firstLink(page, '/c/jinwei/consultations', /^\/c\/jinwei\/consultations\/\d+$/);
	const menu = await firstLink(page, '/c/jinwei/menus', /^\/c\/jinwei\/menus\/\d+$/);
	const pages = ['/', '/c/jinwei', '/c/fenghuangshan', '/login', '/c/jinwei/proposals', '/c/jinwei/proposals?sort=seconds&q=電梯', proposal];
	pages.push('/c/jinwei/consultations', thread, '/c/jinwei/menus', menu, `${menu}/results`, '/c/jinwei/outcomes');
	// 效果共評 and 社區評價
	const rated = await firstLink(page, '/c/jinwei/ratings', /^\/c\/jinwei\/(menus\/\d+\/projects|ratings)\/\d+/);
	const period = await firstLink(page, '/street/pingxiangmen/evaluations', /^\/street\/pingxiangmen\/evaluations\/\d{4}Q\d$/);
	pages.push('/c/jinwei/ratings', rated.split('#')[0], '/c/jinwei/evaluation', '/street/pingxiangmen/evaluations', period, '/street/pingxiangmen/evaluations/schemes');
	const area = await firstLink(page, '/c/jinwei/areas', /^\/c\/jinwei\/areas\/\d+$/);
	pages.push('/c/jinwei/areas', '/c/jinwei/areas?state=claimed&kind=duties', area, '/c/jinwei/areas/teams', '/c/shuangshui/areas');
	const report = await firstLink(page, '/c/jinwei/reports', /^\/c\/jinwei\/reports\/\d+$/);
	pages.push('/c/jinwei/reports', '/c/jinwei/reports?state=overdue', report);
	// Replayed elections: their menu page and results with the ballots shown as cast (Kraków: 1,094 ranked ballots).
	const replay = await firstLink(page, '/c/fenghuangshan/menus', /^\/c\/fenghuangshan\/menus\/\d+$/);
	pages.push('/c/fenghuangshan/menus', replay, `${replay}/results`);
	for (const path of pages) {
		const n = await queriesOf(page, path);
		expect(n, path).toBeGreaterThan(0);
		expect(n, path).toBeLessThanOrEqual(LIMIT);
	}
});

test('staff pages stay within the query budget', async ({ browser, page }) => {
	const thread = await firstLink(page, '/c/jinwei/consultations', /^\/c\/jinwei\/consultations\/\d+$/);
	const ballot = await firstLink(page, '/c/jinwei/menus', /^\/c\/jinwei\/menus\/\d+\/ballot$/);
	const area = await firstLink(page, '/c/jinwei/areas', /^\/c\/jinwei\/areas\/\d+$/);
	const report = await firstLink(page, '/c/jinwei/reports', /^\/c\/jinwei\/reports\/\d+$/);
	const street = await pageAs(browser, 'street');
	await street.goto('/street/pingxiangmen/dispatch');
	// dept1's own queue (城管執法隊): another department's is not theirs to open
	const queue = (await street.locator('#departments-title + ul > li', { hasText: '城管執法隊' }).getByRole('link', { name: '查看待辦' }).getAttribute('href')) ?? '';
	await street.context().close();
	for (const [who, paths] of [
		['committee1', ['/desk', '/c/jinwei/manage', '/audit', '/my', '/inbox', thread, '/c/jinwei/ratings', report, area, '/c/jinwei/areas/plan', '/c/jinwei/areas/new', `${area}/edit`]],
		['resident1', [ballot, '/c/jinwei/proposals/new', '/inbox', '/c/jinwei/reports/new?service=streetlight', report, '/my', area, '/c/jinwei/areas/teams']],
		['street', ['/desk', '/street/pingxiangmen/manage', '/audit', '/street/pingxiangmen/evaluations', '/street/pingxiangmen/evaluations/schemes', '/street/pingxiangmen/dispatch', '/street/pingxiangmen/dispatch/settings', report]],
		['dept1', [queue, report]],
		['admin', ['/admin']]
	] as const) {
		const staff = await pageAs(browser, who);
		for (const path of paths) expect(await queriesOf(staff, path), `${who} ${path}`).toBeLessThanOrEqual(LIMIT);
		await staff.context().close();
	}
});
