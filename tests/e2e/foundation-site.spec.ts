import { test, expect } from './test';
import { expectAccessible, holdScripts, login, pageAs, postAsBrowser } from './helpers';

test('switching language changes the page and <html lang>, and is remembered', async ({ page }) => {
	await page.goto('/c/jinwei');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
	await expect(page.getByRole('heading', { name: '議題與附議', exact: true })).toBeVisible();
	await page.getByRole('button', { name: '简体' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await expect(page.getByRole('heading', { name: '议题与附议', exact: true })).toBeVisible();
	await expect(page).toHaveURL(/\/c\/jinwei$/);
	await page.getByRole('button', { name: 'EN' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Proposals', exact: true })).toBeVisible();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the first visit follows Accept-Language', async ({ browser }) => {
	for (const [locale, lang] of [['zh-CN', 'zh-Hans'], ['en-GB', 'en'], ['zh-HK', 'zh-Hant'], ['de-DE', 'zh-Hant']]) {
		const context = await browser.newContext({ locale });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await context.close();
	}
});

test('large text persists across pages', async ({ page }) => {
	await page.goto('/');
	const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	await page.getByRole('button', { name: '大字' }).click();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	await page.goto('/c/fenghuangshan');
	const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	expect(after).toBeGreaterThan(before * 1.2);
	await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
});

test('the proposals list makes a phone download no script, and its filters open and apply all the same', async ({ page }) => {
	// A slow phone: the page is whole as its HTML arrives. No SvelteKit JavaScript (src/routes/+layout.ts), so
	// nothing hydrates later to undo a tap, and the filters are a <details> and a GET form.
	await page.setViewportSize({ width: 390, height: 844 });
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await page.goto('/c/jinwei/proposals');
	await page.getByText('篩選與排序').click();
	const state = page.getByLabel('狀態');
	await expect(state).toBeVisible();
	await state.selectOption({ label: '協商中' });
	await page.getByRole('button', { name: '篩選', exact: true }).click();
	await expect(page).toHaveURL(/[?&]state=consultation/);
	expect(scripts).toEqual([]);
});

test('ticks made on a ballot before its counter\'s script arrives are counted once it runs', async ({ browser }) => {
	const page = await pageAs(browser, 'resident1');
	await page.goto('/c/jinwei/menus');
	const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const ballot = hrefs.find((h) => /^\/c\/jinwei\/menus\/\d+\/ballot$/.test(h))!;
	const release = await holdScripts(page);
	// a module script runs once the page is parsed, so the browser's DOMContentLoaded waits for it: wait for the
	// ballot itself, as a person does
	await page.goto(ballot, { waitUntil: 'commit' });
	const boxes = page.getByRole('checkbox');
	await expect(boxes.first()).toBeVisible();
	for (const box of await boxes.all()) await box.uncheck();
	await boxes.first().check();
	const cost = await page.locator('.choice').first().locator('.cost').textContent();
	release();
	await expect(page.getByText(new RegExp(`^已選 ${cost!.replace(/[¥.]/g, '\\$&')}，還剩`))).toBeVisible();
	await page.context().close();
});

test('a cross-origin form post is refused with 403', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'username=resident1&password=cocreate-demo'
	});
	expect(response.status()).toBe(403);
});

test('security headers and CSP are sent', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	// scripts from the site only: no page inlines a script (SvelteKit would add its hash)
	const scripts = csp.split('; ').find((d) => d.startsWith('script-src'));
	expect(scripts).toBe("script-src 'self'");
});

test('unknown community → 404 page; acting outside one\'s scope → 403 page, in the reader\'s language', async ({ browser, page }) => {
	const missing = await page.goto('/c/no-such-place');
	expect(missing?.status()).toBe(404);
	// only canonical decimal ids name a record: 1e1 is not 10, 0x1 is not 1
	for (const path of ['/c/jinwei/proposals/1e1', '/c/jinwei/proposals/0x1', '/c/jinwei/menus/01', '/c/jinwei/consultations/1.0']) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}
	await expect(page.getByRole('heading', { name: '找不到這個頁面' })).toBeVisible();

	const resident = await pageAs(browser, 'resident1');
	const forbidden = await resident.goto('/c/jinwei/manage');
	expect(forbidden?.status()).toBe(403);
	await expect(resident.getByRole('heading', { name: '沒有權限' })).toBeVisible();
	const committee = await pageAs(browser, 'committee1');
	expect((await committee.goto('/c/fenghuangshan/manage'))?.status()).toBe(403);
	expect((await committee.goto('/admin'))?.status()).toBe(403);
	// a forged review of a fenghuangshan application by jinwei's committee changes nothing
	const response = await postAsBrowser(committee.request, '/c/jinwei/manage?/review', { membershipId: '999999', decision: 'verify' });
	expect(response.status()).toBe(404);
});

test('street staff appoint a grid worker; the admin adds a grid', async ({ browser }) => {
	const street = await pageAs(browser, 'street');
	await street.goto('/street/pingxiangmen/manage');
	await street.getByLabel('登入名稱').fill('resident7');
	await street.getByLabel('角色').selectOption('grid_worker');
	await street.getByLabel('社區', { exact: true }).selectOption({ label: '金韋社區' });
	await street.getByLabel('所在網格').selectOption({ label: '金韋社區 · 第三網格（金韋商業街）' });
	await street.getByRole('button', { name: '委任', exact: true }).click();
	await expect(street.getByText('已委任。')).toBeVisible();
	await expect(street.getByRole('listitem').filter({ hasText: '@resident7' })).toContainText('第三網格（金韋商業街）');
	await street.getByLabel('登入名稱').fill('nobody-at-all');
	await street.getByRole('button', { name: '委任', exact: true }).click();
	await expect(street.getByText('找不到這個登入名稱的帳戶。')).toBeVisible();

	const admin = await pageAs(browser, 'admin');
	await admin.goto('/admin');
	const block = admin.locator('main details').filter({ hasText: '雙水社區' });
	await block.locator('summary').click();
	await block.getByLabel('新增網格').fill('第三網格（測試）');
	await block.getByRole('button', { name: '新增' }).click();
	await expect(admin.getByText('已儲存。')).toBeVisible();
});

test('every foundation page passes axe (WCAG 2.2 AA)', async ({ page, browser }) => {
	test.setTimeout(150_000); // fifteen pages, each analysed in full
	for (const path of ['/', '/login', '/register', '/c/jinwei', '/c/shuangshui', '/c/nowhere']) {
		await page.goto(path);
		await expectAccessible(page);
	}
	await login(page, 'newcomer');
	for (const path of ['/my', '/account', '/inbox', '/c/fenghuangshan/apply']) {
		await page.goto(path);
		await expectAccessible(page);
	}
	await page.goto('/audit');
	await expectAccessible(page); // the 403 page
	for (const [who, paths] of [
		['committee1', ['/c/jinwei/manage', '/audit']],
		['street', ['/street/pingxiangmen/manage', '/audit?action=residency.appoint_community_staff']],
		['admin', ['/admin']]
	] as const) {
		const staff = await pageAs(browser, who);
		for (const path of paths) {
			await staff.goto(path);
			await expectAccessible(staff);
		}
		await staff.context().close();
	}
});

test('"my" page lists what I raised and where I voted', async ({ browser }) => {
	const page = await pageAs(browser, 'resident1');
	await page.goto('/my');
	const ballots = page.locator('ul').filter({ has: page.getByRole('link', { name: /民生微實事/ }) });
	await expect(ballots.getByRole('link', { name: '2027 年金韋社區民生微實事（第一批）' })).toHaveAttribute('href', /\/c\/jinwei\/menus\/\d+\/ballot$/);
	await expect(page.getByRole('heading', { name: '我提出的議題' })).toBeVisible();
	// the problems they reported, each with where it stands, newest first
	const reports = page.locator('h2:has-text("我提交的問題報告") + ul > li');
	await expect(reports.first()).toBeVisible();
	await expect(reports.first().getByRole('link', { name: /^報告 #\d+：/ })).toHaveAttribute('href', /^\/c\/\w+\/reports\/\d+$/);
	await expect(reports.first().locator('.badge')).not.toBeEmpty();
	await expectAccessible(page);
	await page.context().close();
});
