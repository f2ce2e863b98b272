// What residents expect and missed: similar proposals beside the title, a sheet to gather seconds, and "my"
// page listing what I seconded and where I spoke.
import { test, expect } from './test';
import { expectAccessible, holdScripts, pageAs } from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test(`a proposal already in consultation is offered beside the title (${javaScriptEnabled ? 'as it is typed' : 'after the first submit, without JavaScript'})`, async ({ browser }) => {
		const page = await pageAs(browser, 'resident2', { javaScriptEnabled });
		await page.goto('/c/jinwei/proposals/new');
		await page.getByLabel('標題', { exact: true }).fill('電動車充電不方便');
		if (!javaScriptEnabled) {
			await page.getByLabel('類別', { exact: true }).selectOption({ label: '設施維修' });
			await page.getByLabel('詳細說明').fill('小區裡沒有地方充電。');
			await page.getByRole('button', { name: '提交議題' }).click();
		}
		const similar = page.getByRole('region', { name: '這些議題可能和您的一樣' });
		await expect(similar.getByRole('link', { name: '金韋花園增設電動自行車集中充電點' })).toBeVisible();
		// it sits right under the title, before the body is written
		const [titleBox, listBox, bodyBox] = await Promise.all([page.getByLabel('標題', { exact: true }).boundingBox(), similar.boundingBox(), page.getByLabel('詳細說明').boundingBox()]);
		expect(titleBox!.y).toBeLessThan(listBox!.y);
		expect(listBox!.y).toBeLessThan(bodyBox!.y);
		await page.context().close();
	});
}

test('a title typed before the page\'s script arrives is looked up once the page comes alive', async ({ browser }) => {
	const page = await pageAs(browser, 'resident2');
	const release = await holdScripts(page);
	// its module script runs once the page is parsed, so DOMContentLoaded waits for it: type as soon as the field shows
	await page.goto('/c/jinwei/proposals/new', { waitUntil: 'commit' });
	await page.getByLabel('標題', { exact: true }).fill('電動車充電不方便');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('region', { name: '這些議題可能和您的一樣' }).getByRole('link', { name: '金韋花園增設電動自行車集中充電點' })).toBeVisible();
	await expect(page.getByLabel('標題', { exact: true })).toHaveValue('電動車充電不方便');
	await page.context().close();
});

test('an open proposal has a printable sheet with its link and a QR code', async ({ browser }) => {
	const page = await pageAs(browser, 'resident1');
	await page.goto('/c/jinwei/proposals?state=open');
	const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const proposal = hrefs.find((h) => /^\/c\/jinwei\/proposals\/\d+$/.test(h))!;
	await page.goto(proposal);
	await page.getByRole('link', { name: '分享或列印二維碼' }).click();
	await expect(page).toHaveURL(`${proposal}/share`);
	await expect(page.getByRole('img', { name: '打開這個議題的二維碼' })).toBeVisible();
	await expect(page.getByLabel('議題連結（可複製後傳給鄰居）')).toHaveValue(new RegExp(`${proposal}$`));
	await expect(page.getByRole('button', { name: '列印' })).toBeVisible();
	await page.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(page);
	await page.context().close();
});

test('"my" page lists the proposals I seconded and the consultations I spoke in', async ({ browser }) => {
	const page = await pageAs(browser, 'resident1');
	await page.goto('/my');
	const seconded = page.locator('h2:has-text("我附議的議題") + ul');
	await expect(seconded.getByRole('link').first()).toBeVisible();
	const threads = page.locator('h2:has-text("我參與的協商") + ul');
	await expect(threads.getByRole('link').first()).toHaveAttribute('href', /\/c\/jinwei\/consultations\/\d+$/);
	await expectAccessible(page);
	await page.context().close();
});

test('reporting a comment without JavaScript returns to that comment, with the message in view', async ({ browser }) => {
	const page = await pageAs(browser, 'neighbor15', { javaScriptEnabled: false });
	await page.goto('/c/jinwei/consultations');
	const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	await page.goto(hrefs.find((h) => /^\/c\/jinwei\/consultations\/\d+$/.test(h))!);
	const comment = page.locator('article.comment').filter({ has: page.locator('summary', { hasText: '檢舉' }) }).last();
	const id = await comment.getAttribute('id');
	await comment.locator('summary', { hasText: '檢舉' }).click();
	await comment.getByLabel('離題').check();
	await comment.getByRole('button', { name: '送出檢舉' }).click();
	await expect(page).toHaveURL(new RegExp(`#${id}$`));
	const flash = page.getByRole('status').filter({ hasText: '已檢舉，居委會會查看這則留言。' });
	await expect(flash).toBeInViewport();
	await page.context().close();
});
