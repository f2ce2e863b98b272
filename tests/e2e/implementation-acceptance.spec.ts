import { expect, test, type Page } from './test';
import { expectAccessible, pageAs, postAsBrowser } from './helpers';
import { publishedMenu, type TestMenu } from './implementation-fixture';

/** Street staff finish the works: an update at 100 % with a photo, and one paid spending line. */
async function finishWorks(page: Page, menu: TestMenu) {
	await page.goto(menu.url(menu.projects.lights));
	await page.getByLabel('進展說明').fill(`全部燈具已換好 ${menu.tag}`);
	await page.getByLabel('完成進度（%）').fill('100');
	await page.setInputFiles('#f-photos', ['tests/fixtures/photo.png']);
	await page.getByRole('button', { name: '發佈進度' }).click();
	await expect(page.getByRole('status')).toHaveText('進度已發佈。');
	const form = page.locator('#spending-form');
	await form.getByLabel('支出項目').fill('LED 感應燈具');
	await form.getByLabel('計劃金額（元）').fill('86000');
	await form.getByLabel('實際金額（元）').fill('84500');
	await form.getByRole('button', { name: '登記這一項' }).click();
	await expect(page.getByRole('status')).toHaveText('支出明細已儲存。');
}

/** No sideways scrolling, then a full-page screenshot for a person to look at. */
async function looksRight(page: Page, width: number, name: string) {
	await page.setViewportSize({ width, height: 900 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
	await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

for (const javaScriptEnabled of [true, false]) {
	test(`the committee accepts with resident representatives (JavaScript ${javaScriptEnabled ? 'on' : 'off'}); voters are told`, async ({ browser }) => {
		const menu = publishedMenu();
		await finishWorks(await pageAs(browser, 'street'), menu);

		const committee = await pageAs(browser, 'committee1', { javaScriptEnabled });
		await committee.goto(menu.url(menu.projects.lights));
		await expect(committee.getByText('工程已完工，等待居委會會同居民代表驗收。')).toBeVisible();
		if (javaScriptEnabled) await expectAccessible(committee);
		// separators only: the browser lets it through, the server finds no name
		await committee.getByLabel('在場的居民代表').fill('、');
		await committee.getByLabel('驗收意見').fill('燈具安裝到位，感應正常。');
		await committee.getByRole('button', { name: '確認驗收' }).click();
		await expect(committee.locator('#f-representatives-error')).toHaveText('請寫下在場居民代表的名字');
		if (javaScriptEnabled) await expect(committee.getByLabel('驗收意見')).toHaveValue('燈具安裝到位，感應正常。');
		// without JavaScript the textarea comes back empty until Field.svelte renders textarea content on the server
		else await committee.getByLabel('驗收意見').fill('燈具安裝到位，感應正常。');

		await committee.getByLabel('在場的居民代表').fill('王秀英\n李建國、張麗華');
		await committee.getByRole('button', { name: '確認驗收' }).click();
		await expect(committee.getByRole('status')).toHaveText('驗收結果已登記，並已通知投票支持這個項目的居民。');
		const record = committee.locator('section:has(#acceptance)');
		await expect(record).toContainText('王秀英、李建國和張麗華');
		await expect(record).toContainText('燈具安裝到位，感應正常。');
		await expect(record).toContainText('林淑芬（金韋居委會）');
		await expect(committee.locator('.summary')).toContainText('已驗收');
		await expect(committee.locator('.summary')).toContainText('可以評價');
		await expect(committee.getByRole('button', { name: '確認驗收' })).toHaveCount(0);

		// accepting again (a stale form, a second tab) is a conflict, and changes nothing
		const again = await postAsBrowser(committee.request, `${menu.url(menu.projects.lights)}?/accept`, { which: 'acceptance', remarks: '再驗一次', representatives: '趙桂蘭' });
		expect(again.status()).toBe(409);
		expect(await again.text()).toContain('這個項目已經驗收過了。');

		const voter = await pageAs(browser, 'resident2');
		await voter.goto('/inbox');
		await expect(voter.getByText(`你投票支持的「${menu.titles.lights}」已在金韋社區通過驗收，來看看成果吧。`)).toBeVisible();
		const other = await pageAs(browser, 'resident4');
		await other.goto('/inbox');
		// told of the acceptance only as a voter (every resident may still be invited to rate the works)
		await expect(other.getByText(`你投票支持的「${menu.titles.lights}」`)).toHaveCount(0);
	});
}

test('成果公開 shows what was chosen, progress, spending, acceptance and photos — on a phone, a desktop and paper', async ({ browser }) => {
	// the works are finished and accepted through their forms, then the page is read three ways (axe each time)
	test.setTimeout(150_000);
	const menu = publishedMenu();
	const street = await pageAs(browser, 'street');
	await finishWorks(street, menu);
	const committee = await pageAs(browser, 'committee1');
	await committee.goto(menu.url(menu.projects.lights));
	await committee.getByLabel('在場的居民代表').fill('王秀英\n李建國');
	await committee.getByLabel('驗收意見').fill('質量符合要求。');
	await committee.getByRole('button', { name: '確認驗收' }).click();
	await expect(committee.getByRole('status')).toBeVisible();

	const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 900 } });
	const page = await context.newPage();
	await page.goto('/c/jinwei');
	await page.getByRole('link', { name: '成果公開' }).first().click();
	await expect(page).toHaveURL(/\/c\/jinwei\/outcomes$/);
	const section = page.locator('section.menu', { hasText: `測試菜單 ${menu.tag}` });
	const lights = section.locator('article', { hasText: menu.titles.lights });
	await expect(lights).toContainText('已驗收');
	await expect(lights).toContainText('完成進度 100%');
	await expect(lights).toContainText('¥86,000');
	await expect(lights).toContainText('¥84,500');
	await expect(lights).toContainText('在場居民代表：王秀英和李建國');
	await expect(lights).toContainText('質量符合要求。');
	await expect(lights).toContainText(`全部燈具已換好 ${menu.tag}`);
	expect(await lights.locator('img').evaluateAll((imgs) => Promise.all((imgs as HTMLImageElement[]).map((i) => i.decode().then(() => i.naturalWidth))))).toEqual([48]);
	const benches = section.locator('article', { hasText: menu.titles.benches });
	await expect(benches).toContainText('未開工');
	await expectAccessible(page);
	await looksRight(page, 390, 'outcomes');
	await looksRight(page, 1280, 'outcomes');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site')).toBeHidden();
	await expect(page.getByText('本頁列印自')).toBeVisible();
	await expect(lights).toContainText('在場居民代表：王秀英和李建國');
	await page.screenshot({ path: test.info().outputPath('outcomes-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	await lights.getByRole('link', { name: menu.titles.lights, exact: true }).click();
	await expect(page.getByRole('heading', { name: menu.titles.lights, level: 1 })).toBeVisible();
	await expect(page.locator('section:has(#spending) tbody')).toContainText('LED 感應燈具');
	await expectAccessible(page);
	await looksRight(page, 390, 'project');
	await looksRight(page, 1280, 'project');

	await page.goto(`/c/jinwei/menus/${menu.menuId}/projects`);
	await expect(page.getByRole('link', { name: menu.titles.benches })).toBeVisible();
	await expectAccessible(page);
	await looksRight(page, 390, 'projects');
	await context.close();
});

test('street staff see their forms at 390 px without sideways scrolling, and the forms pass axe', async ({ browser }) => {
	const menu = publishedMenu();
	const page = await pageAs(browser, 'street');
	await page.setViewportSize({ width: 390, height: 900 });
	await page.goto(menu.url(menu.projects.benches));
	await expect(page.getByRole('heading', { name: '工作人員登記' })).toBeVisible();
	await expectAccessible(page);
	await looksRight(page, 390, 'project-street');
});
