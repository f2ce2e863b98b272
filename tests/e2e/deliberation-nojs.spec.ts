// The same propose-and-second flow with JavaScript disabled: every form posts and redirects on its own.
// (axe needs JavaScript in the page, so these pages' checks run in the JavaScript tests.)
import { expect, test } from './test';
import { resolve } from 'node:path';
import { unique } from './helpers';

const PHOTO = resolve(process.cwd(), 'tests/fixtures/photo.jpg');
import { as, secondAs } from './deliberation-fixture';

test('without JavaScript: bad input is explained and kept, similar proposals are shown, 10 neighbours qualify it', async ({ browser }) => {
	test.setTimeout(180_000);
	const author = await as(browser, 'resident2', { javaScriptEnabled: false });
	await author.goto('/c/jinwei/proposals/new');

	// Too short a title and body, no category: messages beside the fields, input kept, nothing filed.
	await author.getByLabel('標題', { exact: true }).fill('路燈');
	await author.getByLabel('詳細說明').fill('太暗了');
	await author.getByLabel('類別', { exact: true }).evaluate((el: HTMLSelectElement) => el.removeAttribute('required'));
	for (const field of ['標題', '詳細說明']) await author.getByLabel(field, { exact: true }).evaluate((el: HTMLInputElement) => el.removeAttribute('required'));
	await author.getByRole('button', { name: '提交議題' }).click();
	await expect(author.getByText('標題要 4 至 80 個字。')).toBeVisible();
	await expect(author.getByText('詳細說明要 10 至 5,000 字。')).toBeVisible();
	await expect(author.getByText('請從列表中選擇一個類別。')).toBeVisible();
	await expect(author.getByLabel('標題', { exact: true })).toHaveValue('路燈');
	await expect(author.getByLabel('詳細說明')).toHaveValue('太暗了');

	// A title like an open proposal: the first press shows it, the second files.
	const title = `E2E 路燈太暗 ${unique()}`;
	await author.getByLabel('標題', { exact: true }).fill(title);
	await author.getByLabel('類別', { exact: true }).selectOption({ label: '治安消防' });
	await author.getByLabel('詳細說明').fill('主路的路燈晚上很暗，老人散步看不清台階。');
	await author.getByLabel(/^照片/).setInputFiles(PHOTO);
	await author.getByRole('button', { name: '提交議題' }).click();
	await expect(author.getByText('已有相似的議題，請先看看下面的列表。')).toBeVisible();
	await expect(author.getByRole('link', { name: '金韋花園路燈太暗，晚上散步看不清' })).toBeVisible();
	await expect(author.getByLabel('標題', { exact: true })).toHaveValue(title);
	// the browser does not keep a chosen file, so the server does: the field says so, and nothing is chosen again
	await expect(author.getByText('已保留 1 張照片：photo.jpg')).toBeVisible();
	await author.getByRole('button', { name: '提交議題' }).click();
	await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
	const path = new URL(author.url()).pathname;
	const photo = author.getByRole('img', { name: /的照片 1$/ });
	await expect(photo).toBeVisible();
	const served = await author.request.get((await photo.getAttribute('src'))!);
	expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/jpeg']);
	await expect(author.getByText('還差 10 人附議就達到 10 人門檻')).toBeVisible();

	// The author may still edit (no seconds yet), without JavaScript too.
	await author.getByRole('link', { name: '修改議題' }).click();
	await author.getByLabel('地點（選填）').fill('金韋花園主路');
	await author.getByRole('button', { name: '儲存' }).click();
	await expect(author.getByText('地點：金韋花園主路')).toBeVisible();

	// Ten neighbours second it with JavaScript off.
	await secondAs(browser, path, ['neighbor11', 'neighbor12', 'neighbor13', 'neighbor14', 'neighbor15', 'neighbor16', 'neighbor17', 'neighbor18', 'neighbor19', 'neighbor20'], { javaScriptEnabled: false });
	await author.reload();
	await expect(author.getByText('等待居委會回應').first()).toBeVisible();
	await expect(author.getByText(/居委會須在 14 天內回應/)).toBeVisible();
	await expect(author.getByRole('button', { name: '撤回議題' })).toHaveCount(0);

	// A resident of 鳳凰山 sees it but cannot second it.
	const outsider = await as(browser, 'resident9', { javaScriptEnabled: false });
	await outsider.goto(path);
	await expect(outsider.getByText('只有本社區已認證的居民可以附議。')).toBeVisible();
	await expect(outsider.getByRole('button', { name: '附議', exact: true })).toHaveCount(0);

	// The committee answers it from its desk, with JavaScript off, and comes back to the desk.
	const committee = await as(browser, 'committee1', { javaScriptEnabled: false });
	await committee.goto('/c/jinwei/manage');
	const item = committee.locator('#proposal-queue > ul > li').filter({ has: committee.getByRole('heading', { name: title }) });
	await item.locator('summary', { hasText: `回應「${title}」` }).click();
	await item.locator('summary', { hasText: '答覆並結案' }).click();
	await item.getByLabel('答覆內容和理由').fill('已安排物業本週更換主路路燈。');
	await item.getByRole('button', { name: '答覆並結案' }).click();
	await expect(committee).toHaveURL(/\/c\/jinwei\/manage/);
	await expect(committee.locator('#proposal-queue').getByRole('heading', { name: title })).toHaveCount(0);
	await author.reload();
	await expect(author.getByText('居委會已答覆')).toBeVisible();
	await expect(author.getByText('已安排物業本週更換主路路燈。')).toBeVisible();
});
