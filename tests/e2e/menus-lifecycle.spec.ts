// 群眾點菜 end to end: the street creates a menu, residents propose, the committee reviews, residents vote
// (with and without JavaScript), the street publishes, and anyone downloads the results.
import { expect, test, type Page } from './test';
import { expectAccessible, pageAs, unique } from './helpers';

async function advance(page: Page, url: string, to: RegExp) {
	await page.goto(url);
	await page.locator('summary', { hasText: /提前進入/ }).click();
	await page.getByRole('button', { name: /確定進入/ }).click();
	await expect(page.getByRole('status').filter({ hasText: to })).toBeVisible();
}

test('a menu from creation to published results, by street, committee and residents', async ({ browser }) => {
	test.setTimeout(180_000);
	const title = `E2E 民生微實事 ${unique()}`;

	// The street office creates the menu: collecting starts today (the form's default dates).
	const street = await pageAs(browser, 'street');
	await street.goto('/c/jinwei/menus/new');
	await expectAccessible(street);
	await street.getByLabel('菜單名稱').fill(title);
	await street.getByLabel('說明').fill('測試用菜單，**預算**十萬元。');
	await street.getByLabel('總預算（元）').fill('100,000');
	await street.getByRole('button', { name: '建立菜單' }).click();
	await expect(street.getByRole('heading', { level: 1 })).toHaveText(title);
	const menuUrl = new URL(street.url()).pathname;
	await expect(street.getByText('現在：徵集')).toBeVisible();
	await expectAccessible(street);

	// Before voting the street can still correct the menu.
	await street.getByRole('link', { name: '修改菜單' }).click();
	await expectAccessible(street);
	await street.getByLabel('總預算（元）').fill('十萬');
	await street.getByRole('button', { name: '儲存' }).click();
	await expect(street.getByText('請輸入金額（元），例如 300000 或 308151.26。')).toBeVisible();
	await street.getByLabel('總預算（元）').fill('100000');
	await street.getByLabel('說明').fill('測試用菜單，**預算**十萬元，歡迎提出項目。');
	await street.getByRole('button', { name: '儲存' }).click();
	await expect(street.getByText('歡迎提出項目')).toBeVisible();

	// Residents propose candidates in the collect phase.
	const resident = await pageAs(browser, 'resident2');
	await resident.goto(menuUrl);
	for (const [name, cost] of [['E2E 口袋公園', '60000'], ['E2E 長者飯堂', '50000'], ['E2E 泳池', '90000']]) {
		await resident.getByLabel('項目名稱').fill(name);
		await resident.getByLabel('估算費用（元）').fill(cost);
		await resident.getByRole('button', { name: '提交項目' }).click();
		await expect(resident.getByRole('heading', { name, level: 3 })).toBeVisible();
	}
	await expectAccessible(resident);

	// The committee reviews: two feasible (one with a lower final cost), one not, with a public reason.
	const committee = await pageAs(browser, 'committee1');
	await committee.goto('/c/jinwei/manage');
	await expect(committee.getByRole('link', { name: 'E2E 口袋公園' }).first()).toBeVisible();
	await committee.goto(menuUrl);
	const card = (name: string) => committee.locator('li.card', { has: committee.getByRole('heading', { name, level: 3 }) });
	await card('E2E 口袋公園').getByLabel('核定費用（元）').fill('55000');
	await card('E2E 口袋公園').getByRole('button', { name: '可行', exact: true }).click();
	await expect(card('E2E 口袋公園').getByText('核定 ¥55,000')).toBeVisible();
	await card('E2E 長者飯堂').getByRole('button', { name: '可行', exact: true }).click();
	await expect(card('E2E 長者飯堂').getByText('核定 ¥50,000')).toBeVisible();
	await card('E2E 泳池').getByRole('button', { name: '不可行', exact: true }).click();
	await expect(card('E2E 泳池').getByText('不可行時請寫明原因')).toBeVisible();
	await card('E2E 泳池').getByLabel('不可行的原因（會公開）').fill('場地不足，且維護費用過高');
	await card('E2E 泳池').getByRole('button', { name: '不可行', exact: true }).click();
	await expect(committee.getByText('不可行的原因：場地不足，且維護費用過高')).toBeVisible();

	// The street moves on to review, then voting.
	await advance(street, menuUrl, /評議/);
	await advance(street, menuUrl, /投票/);

	// Resident 1 votes with JavaScript: the remaining budget follows the ticks.
	const voter = await pageAs(browser, 'resident1');
	await voter.goto(menuUrl + '/ballot');
	await expect(voter.getByText('E2E 泳池')).toHaveCount(0);
	await voter.getByLabel(/E2E 口袋公園/).check();
	await expect(voter.getByText('已選 ¥55,000，還剩 ¥45,000')).toBeVisible();
	await voter.getByLabel(/E2E 長者飯堂/).check();
	await expect(voter.getByText('超出預算 ¥5,000，請取消一些項目')).toBeVisible();
	await expectAccessible(voter);
	await voter.getByLabel(/E2E 長者飯堂/).uncheck();
	await voter.getByRole('button', { name: '投出選票' }).click();
	await expect(voter.getByText(/選票已儲存/)).toBeVisible();
	await expect(voter.getByLabel(/E2E 口袋公園/)).toBeChecked();

	// Resident 3 votes without JavaScript: the server refuses over budget, explains, and keeps the ticks.
	const noJs = await pageAs(browser, 'resident3', { javaScriptEnabled: false });
	await noJs.goto(menuUrl + '/ballot');
	await noJs.getByLabel(/E2E 口袋公園/).check();
	await noJs.getByLabel(/E2E 長者飯堂/).check();
	await noJs.getByRole('button', { name: '投出選票' }).click();
	await expect(noJs.getByRole('alert')).toContainText('選中項目合計 ¥105,000，超出預算 ¥100,000 共 ¥5,000');
	await expect(noJs.getByLabel(/E2E 長者飯堂/)).toBeChecked();
	await expect(noJs.getByLabel(/E2E 口袋公園/)).toBeChecked();
	await noJs.getByLabel(/E2E 口袋公園/).uncheck();
	await noJs.getByRole('button', { name: '投出選票' }).click();
	await expect(noJs.getByText(/選票已儲存/)).toBeVisible();

	// A fenghuangshan resident may look but not vote.
	const outsider = await pageAs(browser, 'resident9');
	await outsider.goto(menuUrl + '/ballot');
	await expect(outsider.getByText('只有金韋社區的已認證居民可以投票。')).toBeVisible();

	// The street closes the vote, previews the count and publishes it.
	await advance(street, menuUrl, /確定/);
	await street.goto(menuUrl + '/results');
	await expect(street.getByText('這是計票結果的預覽')).toBeVisible();
	await street.getByRole('button', { name: '公布結果' }).click();
	await expect(street.getByText('結果已公布，投票的居民已收到通知。')).toBeVisible();

	// Everyone sees the results: chart, table, reasons, downloads.
	const visitor = await (await browser.newContext({ locale: 'zh-TW' })).newPage();
	await visitor.goto(menuUrl + '/results');
	await expect(visitor.getByText('2 人投票，1 個項目入選，合計 ¥50,000（預算 ¥100,000）')).toBeVisible();
	await expect(visitor.getByRole('img', { name: /各項目得票/ })).toBeVisible();
	const rows = visitor.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(3);
	await expectAccessible(visitor);
	const csv = await (await visitor.request.get(menuUrl + '/results.csv')).text();
	// One vote each: the cheaper 長者飯堂 goes first; 口袋公園 no longer fits in what is left.
	expect(csv).toMatch(/\r\n1,\d+,E2E 長者飯堂,50000,1,1,1,,\r\n2,\d+,E2E 口袋公園,55000,1,1,0,did_not_fit,剩餘預算不夠\r\n/);
	const json = await (await visitor.request.get(menuUrl + '/results.json')).json();
	expect(json.voters).toBe(2);
	expect(json.projects.filter((p: { selected: boolean }) => p.selected)).toHaveLength(1);
	await expect(visitor.getByRole('row', { name: /E2E 口袋公園/ })).toContainText('剩餘預算不夠');
	const pb = await (await visitor.request.get(menuUrl + '/ballots.pb')).text();
	expect(pb).toMatch(/^META\nkey;value\n/);
	expect(pb).toContain('VOTES\nvoter_id;vote\n');
	expect(pb).not.toContain('resident');

	// Voters are told.
	await voter.goto('/inbox');
	await expect(voter.getByText(`「${title}」的投票結果已公布。`)).toBeVisible();
});
