// 建設共管 in a browser with JavaScript: a resident claims an area, logs care with a photo, is warned when care is
// overdue, lapses, and claims again; every page of the domain passes axe, on a phone and on a wide screen, in
// large text and in English.
import { expect, test, type Page } from './test';
import { expectAccessible, pageAs, unique } from './helpers';
import { claimState, latestClaim, newArea, newClaim, passTime } from './areas-fixture';
import { newPeople } from './nojs-walk';

test.describe.configure({ mode: 'parallel' });

const status = (page: Page) => page.locator('main > .flash[role=status]');

test('a resident claims, logs care with a photo, is warned, lapses and claims again', async ({ browser }) => {
	test.setTimeout(120_000);
	const tag = unique();
	const [me] = newPeople(tag, ['認領人'], { resident: true });
	const areaId = newArea(`Flow ${tag} 綠地`);
	const page = await pageAs(browser, me.username);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/c/jinwei/areas/${areaId}`);
	await page.getByRole('button', { name: '認領這個區域' }).click();
	await expect(status(page)).toHaveText('認領成功！記得按時打理並登記。');
	await expect(page.getByText('下次請在')).toBeVisible();

	await page.getByLabel('用了多少分鐘').fill('50');
	await page.getByLabel('做了什麼').selectOption({ label: '除草' });
	await page.getByLabel('說明（選填）').fill('拔除雜草，撿了一袋垃圾。');
	await page.setInputFiles('#f-photos', ['tests/fixtures/gps.jpg']);
	await page.getByRole('button', { name: '登記', exact: true }).click();
	await expect(status(page)).toHaveText('已登記，謝謝您的付出！');
	const photo = page.locator('img[src^="/media/care/"]');
	await expect(photo).toHaveCount(1);
	// the photo served back carries no location
	const served = await page.request.get((await photo.getAttribute('src'))!);
	expect(served.ok()).toBe(true);
	expect((await served.body()).includes(Buffer.from('GPS'))).toBe(false);
	await expectAccessible(page);

	// a month and more without care: at risk, told in the inbox and on the page
	const claimId = latestClaim(areaId);
	const overdue = newArea(`Flow ${tag} 車棚`);
	const second = newClaim(overdue, me.username, { daysAgo: 35 });
	passTime(second, 0);
	expect(claimState(second)).toBe('at_risk');
	await page.goto(`/c/jinwei/areas/${overdue}`);
	await expect(page.getByText(/已逾期！請在 .* 前登記維護/)).toBeVisible();
	await page.goto('/inbox');
	await expect(page.getByText(/「Flow .* 車棚」已超過維護期限/)).toBeVisible();
	// a second period missed: lapsed, the area open again, and claimed again
	passTime(second, 30);
	expect(claimState(second)).toBe('lapsed');
	await page.goto(`/c/jinwei/areas/${overdue}`);
	await expect(page.getByText('已失效', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: '認領這個區域' }).click();
	await expect(status(page)).toHaveText('認領成功！記得按時打理並登記。');
	expect(claimState(latestClaim(overdue))).toBe('active');
	expect(claimState(claimId)).toBe('active');

	// the committee asks the neighbours how well the first area was kept; a neighbour says so, with JavaScript
	const committee = await pageAs(browser, 'committee1');
	await committee.goto(`/c/jinwei/areas/${areaId}`);
	await committee.getByRole('button', { name: '請鄰居評價這一期的打理' }).click();
	await expect(status(committee)).toHaveText('已請這片區域的鄰居評價這一期的打理，30 天內可以評價。');
	const [neighbour] = newPeople(`${tag}n`, ['鄰居'], { resident: true });
	const next = await pageAs(browser, neighbour.username);
	await next.goto(`/c/jinwei/areas/${areaId}`);
	const rating = next.locator('#rating');
	await rating.getByRole('group', { name: '整體評價' }).getByLabel('滿意', { exact: true }).check();
	await rating.getByRole('button', { name: '送出評價' }).click();
	await expect(status(next)).toHaveText('謝謝您的評價！');
	await expect(rating.getByRole('button', { name: '更新評價' })).toBeVisible();
	await expectAccessible(next);
	for (const p of [page, committee, next]) await p.context().close();
});

test('the areas pages pass axe on a phone and a wide screen, in large text and in English', async ({ browser }) => {
	test.setTimeout(360_000);
	const committee = await pageAs(browser, 'committee1');
	const resident = await pageAs(browser, 'resident1');
	await committee.goto('/c/jinwei/areas');
	const area = await committee.locator('main ul.items a.name').first().getAttribute('href');
	// every page on a phone; on a wide screen, those whose layout changes (two columns, the plan drawn large)
	for (const width of [390, 1280]) {
		const wide = width > 390;
		for (const [page, paths] of [
			[committee, wide ? ['/c/jinwei/areas', area!, '/c/jinwei/areas/plan'] : ['/c/jinwei/areas', area!, '/c/jinwei/areas/new', `${area}/edit`, '/c/jinwei/areas/plan', '/c/jinwei/areas/teams', '/c/jinwei/manage']],
			[resident, wide ? ['/my'] : ['/c/jinwei/areas?state=at_risk', '/my', '/c/jinwei', '/c/shuangshui/areas']]
		] as const) {
			await page.setViewportSize({ width, height: 900 });
			for (const path of paths) {
				await page.goto(path);
				await expectAccessible(page);
			}
		}
	}
	// large text, in English
	const ctx = await browser.newContext({ locale: 'en' });
	const en = await ctx.newPage();
	await en.setViewportSize({ width: 390, height: 900 });
	await en.goto('/c/jinwei/areas');
	await en.evaluate(() => document.documentElement.classList.add('large-text'));
	await expectAccessible(en);
	await ctx.close();
	for (const p of [committee, resident]) await p.context().close();
});

test('the catalogue filters by state and kind without JavaScript, and the plan legend says each state in words', async ({ browser }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' });
	const page = await ctx.newPage();
	await page.goto('/c/jinwei/areas');
	for (const words of ['有人維護', '逾期未維護', '認領已失效', '急需認領', '可以認領', '不開放認領']) await expect(page.getByRole('list', { name: '圖例' }).getByText(words)).toBeVisible();
	await page.getByLabel('狀態', { exact: true }).selectOption({ label: '逾期未維護' });
	await page.getByRole('button', { name: '篩選' }).click();
	await expect(page).toHaveURL(/state=at_risk/);
	const names = await page.locator('ul.items a.name').allInnerTexts();
	expect(names).toContain('北門車棚');
	expect(names).not.toContain('3 棟東側綠地');
	await ctx.close();
});

test('the downloads: areas, claims and monthly coverage as CSV and JSON; a name that looks like a formula stays text', async ({ page }) => {
	const tag = unique();
	const name = `=HYPERLINK("http://evil.example") ${tag}`;
	const areaId = newArea(name);
	newClaim(areaId, 'resident1', { daysAgo: 3 });
	for (const what of ['areas', 'claims', 'coverage'] as const) {
		const csv = await page.request.get(`/c/jinwei/areas/export/${what}.csv`);
		expect(csv.status(), what).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.headers()['content-disposition']).toBe(`attachment; filename="jinwei-${what}.csv"`);
		const text = await csv.text();
		// a byte-order mark so that Excel reads the Chinese as UTF-8, then a header row
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.slice(1).split('\r\n')[0].split(',').length).toBeGreaterThan(3);
		const json = await page.request.get(`/c/jinwei/areas/export/${what}.json`);
		expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
		expect((await json.json()).community).toBe('金韋社區');
	}
	const areasCsv = await (await page.request.get('/c/jinwei/areas/export/areas.csv')).text();
	expect(areasCsv).toContain(`"'=HYPERLINK(""http://evil.example"") ${tag}"`);
	const areasJson = (await (await page.request.get('/c/jinwei/areas/export/areas.json')).json()) as { areas: { id: number; name: string }[] };
	expect(areasJson.areas.find((a) => a.id === areaId)?.name).toBe(name);
	const claimsJson = JSON.stringify(await (await page.request.get('/c/jinwei/areas/export/claims.json')).json());
	expect(claimsJson).toContain(name.replaceAll('"', '\\"'));
	expect((await page.request.get('/c/jinwei/areas/export/passwords.csv')).status()).toBe(404);
});
