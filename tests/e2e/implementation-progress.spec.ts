import { expect, test, type Page } from './test';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { expectAccessible, pageAs, postAsBrowser } from './helpers';
import { publishedMenu } from './implementation-fixture';

const FIXTURES = 'tests/fixtures';

async function postUpdate(page: Page, body: string, percent: string, files: Parameters<Page['setInputFiles']>[1] = []) {
	await page.getByLabel('進展說明').fill(body);
	await page.getByLabel('完成進度（%）').fill(percent);
	await page.setInputFiles('#f-photos', files);
	await page.getByRole('button', { name: '發佈進度' }).click();
}

/** Every photo on the page decoded to a real picture. */
async function photosLoaded(page: Page, scope = '#timeline + ol') {
	const sizes = await page.locator(`${scope} img`).evaluateAll(async (imgs) => {
		await Promise.all((imgs as HTMLImageElement[]).map((i) => i.decode().catch(() => undefined)));
		return (imgs as HTMLImageElement[]).map((i) => i.naturalWidth);
	});
	return sizes;
}

test('street staff post an update with photos (JavaScript on); the photos are served as stored images', async ({ browser }) => {
	const menu = publishedMenu();
	const page = await pageAs(browser, 'street');
	await page.goto(menu.url(menu.projects.lights));
	await expect(page.getByText('還沒有進度更新。')).toBeVisible();
	await expectAccessible(page);

	await postUpdate(page, `施工隊進場，拆除舊燈具 ${menu.tag}`, '30', [`${FIXTURES}/photo.png`, `${FIXTURES}/photo.webp`]);
	await expect(page.getByRole('status')).toHaveText('進度已發佈。');
	const entry = page.locator('#timeline + ol > li').first();
	await expect(entry).toContainText(`施工隊進場，拆除舊燈具 ${menu.tag}`);
	await expect(entry).toContainText('30%');
	await expect(page.locator('.summary')).toContainText('施工中');
	expect(await photosLoaded(page)).toEqual([48, 4]);
	// the form is empty again, ready for the next update
	await expect(page.getByLabel('進展說明')).toHaveValue('');

	const src = await entry.locator('img').first().getAttribute('src');
	const photo = await page.request.get(src!);
	expect(photo.headers()['content-type']).toBe('image/png');
	expect(photo.headers()['x-content-type-options']).toBe('nosniff');
	expect(photo.headers()['cache-control']).toContain('immutable');
	// the stored photo is a fresh encoding of the upload (media/images.ts), the same picture
	expect(await sharp(await photo.body()).metadata()).toMatchObject({ format: 'png', width: 48, height: 32 });
	expect((await page.request.get('/media/projects/999999999')).status()).toBe(404);
});

test('a text file named .jpg and seven photos are refused beside the field, keeping what was typed', async ({ browser }) => {
	const menu = publishedMenu();
	const page = await pageAs(browser, 'street');
	await page.goto(menu.url(menu.projects.benches));

	await postUpdate(page, '座椅已到貨', '20', [`${FIXTURES}/photo.png`, `${FIXTURES}/fake.jpg`]);
	await expect(page.locator('#f-photos-error')).toContainText('有檔案不是 JPEG、PNG 或 WebP 照片');
	await expect(page.locator('#f-photos')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('進展說明')).toHaveValue('座椅已到貨');
	await expect(page.getByText('還沒有進度更新。')).toBeVisible();
	await expectAccessible(page);

	// with JavaScript the page says so as soon as seven are chosen, and the form is not sent
	await page.setInputFiles('#f-photos', Array.from({ length: 7 }, () => `${FIXTURES}/photo.png`));
	await expect(page.locator('#f-photos-error')).toHaveText('一次最多上傳 6 張照片');
	await page.getByRole('button', { name: '發佈進度' }).click();
	await expect(page.locator('#f-photos')).toHaveJSProperty('validationMessage', '一次最多上傳 6 張照片');

	await page.getByLabel('完成進度（%）').fill('150');
	await page.locator('#f-percent').evaluate((el: HTMLInputElement) => el.removeAttribute('max'));
	await page.setInputFiles('#f-photos', []);
	await page.getByRole('button', { name: '發佈進度' }).click();
	await expect(page.locator('#f-percent-error')).toHaveText('請填 0 到 100 之間的整數');
	await expect(page.getByText('還沒有進度更新。')).toBeVisible();
});

test('without JavaScript: seven photos and an oversized photo are refused, then an update with a JPEG completes the works', async ({ browser }) => {
	const menu = publishedMenu();
	const page = await pageAs(browser, 'street', { javaScriptEnabled: false });
	await page.goto(menu.url(menu.projects.lights));

	await postUpdate(page, '燈具到貨', '10', Array.from({ length: 7 }, () => `${FIXTURES}/photo.png`));
	await expect(page.locator('#f-photos-error')).toContainText('一次最多上傳 6 張照片');
	await expect(page.getByText('還沒有進度更新。')).toBeVisible();

	const big = Buffer.alloc(5 * 1024 * 1024 + 10);
	readFileSync(`${FIXTURES}/photo.png`).copy(big);
	await postUpdate(page, '燈具安裝完成一半', '50', [{ name: 'big.png', mimeType: 'image/png', buffer: big }]);
	await expect(page.locator('#f-photos-error')).toContainText('每張照片不能超過 5 MB');
	// (the percent is kept; the textarea's kept text needs Field.svelte to render textarea content on the server)
	await expect(page.getByLabel('完成進度（%）')).toHaveValue('50');
	await expect(page.getByText('還沒有進度更新。')).toBeVisible();

	await postUpdate(page, `全部完工 ${menu.tag}`, '100', [`${FIXTURES}/photo.jpg`]);
	await expect(page).toHaveURL(/\/projects\/\d+(#timeline)?$/);
	await expect(page.getByRole('status')).toHaveText('進度已發佈。');
	await expect(page.locator('#timeline + ol > li').first()).toContainText(`全部完工 ${menu.tag}`);
	await expect(page.locator('.summary')).toContainText('已完工，待驗收');
	expect(await photosLoaded(page)).toEqual([8]);
});

for (const javaScriptEnabled of [true, false]) {
	test(`spending lines (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): add, refuse a negative amount, fill in the actual later`, async ({ browser }) => {
		const menu = publishedMenu();
		const page = await pageAs(browser, 'street', { javaScriptEnabled });
		await page.goto(menu.url(menu.projects.lights));
		const form = page.locator('#spending-form');

		await form.getByLabel('支出項目').fill('LED 感應燈具');
		await form.getByLabel('計劃金額（元）').fill('-86000');
		await form.getByRole('button', { name: '登記這一項' }).click();
		await expect(page.locator('#f-planned-error')).toHaveText('金額不能是負數。');
		await expect(form.getByLabel('支出項目')).toHaveValue('LED 感應燈具');

		await form.getByLabel('計劃金額（元）').fill('86,000');
		await form.getByRole('button', { name: '登記這一項' }).click();
		await expect(page.getByRole('status')).toHaveText('支出明細已儲存。');
		const row = page.locator('#spending ~ * tbody tr', { hasText: 'LED 感應燈具' });
		await expect(row).toContainText('未結算');

		await page.locator('#spending-form').getByLabel('支出項目').fill('線路改造');
		await page.locator('#spending-form').getByLabel('計劃金額（元）').fill('30000');
		await page.locator('#spending-form').getByLabel('實際金額（元）').fill('31200');
		await page.locator('#spending-form').getByRole('button', { name: '登記這一項' }).click();
		await expect(page.locator('#spending ~ * tbody tr', { hasText: '線路改造' })).toContainText('+¥1,200');

		await page.getByRole('link', { name: '修改「LED 感應燈具」' }).click();
		await expect(page.getByRole('heading', { name: '修改支出明細' })).toBeVisible();
		await expect(page.locator('#spending-form').getByLabel('計劃金額（元）')).toHaveValue('86000');
		await page.locator('#spending-form').getByLabel('實際金額（元）').fill('84500');
		await page.locator('#spending-form').getByRole('button', { name: '儲存' }).click();
		await expect(page.getByRole('status')).toHaveText('支出明細已儲存。');
		await expect(page.locator('#spending ~ * tbody tr', { hasText: 'LED 感應燈具' })).toContainText('¥84,500');
		await expect(page.locator('#spending ~ * tfoot')).toContainText('¥116,000');
		await expect(page.locator('#spending ~ * tfoot')).toContainText('¥115,700');
		await expect(page.locator('#spending ~ * tfoot')).toContainText('-¥300');
		await expect(page.getByText(/超出核定金額/)).toHaveCount(0);

		// one more line takes both totals past the approved ¥120,000: said on the project and on the outcomes page
		await page.locator('#spending-form').getByLabel('支出項目').fill('追加線材');
		await page.locator('#spending-form').getByLabel('計劃金額（元）').fill('5000');
		await page.locator('#spending-form').getByLabel('實際金額（元）').fill('5300');
		await page.locator('#spending-form').getByRole('button', { name: '登記這一項' }).click();
		await expect(page.getByText('實際支出超出核定金額 ¥1,000')).toBeVisible();
		await expect(page.getByText('計劃支出超出核定金額 ¥1,000')).toBeVisible();
		await page.goto('/c/jinwei/outcomes');
		const card = page.locator('article', { has: page.getByRole('heading', { name: menu.titles.lights }) });
		await expect(card.getByText('實際支出超出核定金額 ¥1,000')).toBeVisible();
	});
}

test('residents and other communities see no staff forms, and cannot post by hand', async ({ browser }) => {
	const menu = publishedMenu();
	const page = await pageAs(browser, 'resident1');
	await page.goto(menu.url(menu.projects.lights));
	await expect(page.getByRole('heading', { name: menu.titles.lights })).toBeVisible();
	await expect(page.getByRole('button', { name: '發佈進度' })).toHaveCount(0);
	await expect(page.locator('#spending-form')).toHaveCount(0);
	const forged = await postAsBrowser(page.request, `${menu.url(menu.projects.lights)}?/addSpending`, { which: 'spending', item: '偽造', planned: '1', actual: '' });
	expect(forged.status()).toBe(403);
	const other = await pageAs(browser, 'committee2');
	expect((await other.goto(`/c/fenghuangshan/menus/${menu.menuId}/projects/${menu.projects.lights}`))!.status()).toBe(404);
});
