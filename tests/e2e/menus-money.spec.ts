// Money to the fen on the ballot, and replays of ranked and points ballots shown as they were cast.
import { expect, test } from './test';
import { resolve } from 'node:path';
import { expectAccessible, menuForm, pageAs, postAsBrowser, unique } from './helpers';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/pabulib');

test('a budget of ¥308,151.26: the ballot counts every fen, with and without JavaScript', async ({ browser }) => {
	test.setTimeout(90_000);
	const street = await pageAs(browser, 'street');
	const created = await postAsBrowser(street.request, '/c/jinwei/menus/new', menuForm(`分也算 ${unique()}`, { budget: '¥308,151.26' }));
	expect(created.status()).toBe(303);
	const menuUrl = created.headers()['location'];
	const resident = await pageAs(browser, 'resident5');
	const costs: [string, string][] = [['圖書館屋頂', '252,513.39'], ['休憩長椅', '55637.87'], ['一分錢', '0.01']];
	for (const [title, estimatedCost] of costs) expect((await postAsBrowser(resident.request, `${menuUrl}?/submit`, { title, estimatedCost })).status()).toBe(303);
	await street.goto(menuUrl);
	await expect(street.locator('dd', { hasText: '¥308,151.26' })).toBeVisible();
	await expect(street.getByText('估算 ¥0.01')).toBeVisible();
	const projects = await street.locator('li[id^=project-]').evaluateAll((els) => els.map((e) => e.id.slice('project-'.length)));
	expect(projects).toHaveLength(3);
	// The review form offers each estimate to the fen, ready to be approved as it is.
	for (const projectId of projects) {
		const finalCost = await street.locator(`#project-${projectId}`).getByLabel('核定費用（元）').inputValue();
		expect(['252513.39', '55637.87', '0.01']).toContain(finalCost);
		expect((await postAsBrowser(street.request, `${menuUrl}?/review`, { projectId, decision: 'feasible', finalCost })).status()).toBe(303);
	}
	for (let i = 0; i < 2; i++) expect((await postAsBrowser(street.request, `${menuUrl}?/advance`, {})).status()).toBe(303);

	// With JavaScript the counter follows the ticks, in fen.
	await resident.goto(menuUrl + '/ballot');
	await resident.getByLabel(/圖書館屋頂/).check();
	await expect(resident.getByText('已選 ¥252,513.39，還剩 ¥55,637.87')).toBeVisible();
	await resident.getByLabel(/休憩長椅/).check();
	await expect(resident.getByText('已選 ¥308,151.26，還剩 ¥0.00')).toBeVisible();
	await resident.getByLabel(/一分錢/).check();
	await expect(resident.getByText('超出預算 ¥0.01，請取消一些項目')).toBeVisible();
	await expectAccessible(resident);
	await resident.getByLabel(/一分錢/).uncheck();
	await resident.getByRole('button', { name: '投出選票' }).click();
	await expect(resident.getByText(/選票已儲存/)).toBeVisible();

	// Without it the server says by how much, to the fen, and keeps the ticks.
	const noJs = await pageAs(browser, 'resident6', { javaScriptEnabled: false });
	await noJs.goto(menuUrl + '/ballot');
	for (const name of [/圖書館屋頂/, /休憩長椅/, /一分錢/]) await noJs.getByLabel(name).check();
	await noJs.getByRole('button', { name: '投出選票' }).click();
	await expect(noJs.getByRole('alert')).toContainText('選中項目合計 ¥308,151.27，超出預算 ¥308,151.26 共 ¥0.01');
	await expect(noJs.getByLabel(/一分錢/)).toBeChecked();
});

test('a ranked election replays with each ballot as a ranked list, and points ballots with their points', async ({ browser }) => {
	const page = await pageAs(browser, 'street');
	await page.goto('/c/fenghuangshan/menus/import');
	await page.getByLabel('.pb 檔案').setInputFiles(resolve(FIXTURES, 'real/Poland_Krakow_2021_Bienczyce.pb'));
	await page.getByRole('button', { name: '匯入並計票' }).click();
	await expect(page.getByText(/選票形式：排序票/)).toBeVisible();
	await expect(page.getByRole('columnheader', { name: '得分' })).toBeVisible();
	const sample = page.getByRole('region', { name: '選票是怎樣投的' });
	await expect(sample.locator('ol').first()).toBeVisible();
	await expect(sample.getByText('第 1 選擇').first()).toBeVisible();
	await expectAccessible(page);

	await page.goto('/c/fenghuangshan/menus/import');
	await page.getByLabel('.pb 檔案').setInputFiles(resolve(FIXTURES, 'hand-made/cumulative.pb'));
	await page.getByLabel('顯示名稱（可不填）').fill(`分數票 ${unique()}`);
	await page.getByRole('button', { name: '匯入並計票' }).click();
	await expect(page.getByText('項目至少要 6 分才能入選。')).toBeVisible();
	await expect(page.getByRole('region', { name: '選票是怎樣投的' }).getByText('6 分', { exact: true })).toBeVisible();
	await expectAccessible(page);
});
