// Menus: bad input is explained, a Pabulib election replays, one voter's 100 parallel ballots make one ballot.
import { expect, test } from './test';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { chinaDay, expectAccessible, menuForm, pageAs, postAsBrowser, unique } from './helpers';

const ASSEN = resolve(process.cwd(), 'tests/fixtures/pabulib/real/Netherlands_Assen_2024.pb');

test('the new-menu form explains bad money and dates beside the fields, without JavaScript, and keeps the input', async ({ browser }) => {
	const page = await pageAs(browser, 'street', { javaScriptEnabled: false });
	await page.goto('/c/jinwei/menus/new');
	const title = `壞輸入 ${unique()}`;
	await page.getByLabel('菜單名稱').fill(title);
	await page.getByLabel('總預算（元）').fill('-5000');
	await page.getByLabel('投票開始').fill('2020-01-01');
	await page.getByRole('button', { name: '建立菜單' }).click();
	await expect(page.getByText('金額不能是負數。')).toBeVisible();
	await expect(page.getByText('這個日期要比上一個階段的日期晚。').first()).toBeVisible();
	await expect(page.getByLabel('菜單名稱')).toHaveValue(title);
	// Each kind of mistake gets its own sentence beside the field, and the field keeps what was typed.
	for (const [typed, said] of [
		['三十萬', '請輸入金額（元），例如 300000 或 308151.26。'],
		['abc', '請輸入金額（元），例如 300000 或 308151.26。'],
		['1,234.567', '金額最多算到分：小數點後最多兩位，例如 308151.26。'],
		['200000000', '金額太大了（最多 1 億元）。']
	]) {
		await page.getByLabel('總預算（元）').fill(typed);
		await page.getByRole('button', { name: '建立菜單' }).click();
		await expect(page.getByLabel('總預算（元）')).toHaveAccessibleDescription(new RegExp(said.replace(/[.()（）]/g, '.')));
		await expect(page.getByLabel('總預算（元）')).toHaveValue(typed);
	}
	// "1,234.5" and full-width "１２３" are amounts: no message beside the budget.
	for (const typed of ['1,234.5', '１２３']) {
		await page.getByLabel('總預算（元）').fill(typed);
		await page.getByRole('button', { name: '建立菜單' }).click();
		await expect(page.getByLabel('總預算（元）')).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('總預算（元）')).toHaveValue(typed);
	}
});

test('residents cannot reach the street-only pages', async ({ browser }) => {
	const page = await pageAs(browser, 'resident1');
	for (const path of ['/c/jinwei/menus/new', '/c/jinwei/menus/import']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(403);
	}
});

test('a Pabulib file replays as a read-only menu; a malformed one is refused with the problem named', async ({ browser }) => {
	const page = await pageAs(browser, 'street');
	await page.goto('/c/fenghuangshan/menus/import');
	await expectAccessible(page);
	const bad = readFileSync(ASSEN, 'utf8').replace(';1,2,6,9,13', ';1,2,777');
	await page.getByLabel('.pb 檔案').setInputFiles({ name: 'bad.pb', mimeType: 'text/plain', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: '匯入並計票' }).click();
	await expect(page.getByRole('alert')).toContainText('選票投給了檔案裡沒有的項目');
	await expect(page.getByRole('alert')).toContainText('投給了不存在的項目 777');
	await expect(page.getByRole('alert')).not.toContainText('votes for');
	// the file is what is wrong: said beside it, and not kept for the next try
	await expect(page.getByText('這個檔案無法匯入（原因見上方），請修正後重新選擇。')).toBeVisible();
	await expect(page.getByText(/已保留/)).toHaveCount(0);

	const title = `Assen 重播 ${unique()}`;
	await page.getByLabel('.pb 檔案').setInputFiles(ASSEN);
	await page.getByLabel('顯示名稱（可不填）').fill(title);
	await page.getByLabel('說明（可不填）').fill('阿森市 12 至 27 歲的年輕人投票決定的項目。');
	await page.getByRole('button', { name: '匯入並計票' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.getByText('84 人投票，9 個項目入選')).toBeVisible();
	await expect(page.getByText('這是根據真實選舉資料重新計票的示範，不接受投票。')).toBeVisible();
	await expectAccessible(page);
	const menuUrl = new URL(page.url()).pathname.replace(/\/results$/, '');
	// The menu reads as a replay: the description given, a budget not labelled in yuan, costs without a review.
	await page.goto(menuUrl);
	await expect(page.getByText('阿森市 12 至 27 歲的年輕人投票決定的項目。')).toBeVisible();
	await expect(page.getByText('總預算', { exact: true })).toBeVisible();
	const popup = page.locator('li.card[id^=project-]').filter({ hasText: 'PopUp Podium' });
	await expect(popup).toContainText('費用 €7,200');
	await expect(popup.getByText('可行', { exact: true })).toHaveCount(0);
	const pb = await (await page.request.get(menuUrl + '/ballots.pb')).text();
	expect(pb).toContain('vote01006bcf-62b6-435d-a0de-2966c3e75249;1,2,6,9,13');
});

test("a refused Pabulib file is explained in the reader's language, line and all, without JavaScript", async ({ browser, baseURL }) => {
	const page = await pageAs(browser, 'street', { javaScriptEnabled: false });
	const bad = readFileSync(ASSEN, 'utf8').replace('3;7200;', '3;seven;');
	for (const [locale, file, submit, said] of [
		['zh-Hans', '.pb 文件', '导入并计票', '第 20 行项目 3 的费用写的是“seven”，不是金额'],
		['en', '.pb file', 'Import and count', 'line 20: cost of project 3 is "seven", not an amount']
	]) {
		await page.context().addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
		await page.goto('/c/fenghuangshan/menus/import');
		await page.getByLabel(file).setInputFiles({ name: 'bad.pb', mimeType: 'text/plain', buffer: Buffer.from(bad) });
		await page.getByRole('button', { name: submit }).click();
		await expect(page.getByRole('alert')).toContainText(said);
	}
	await page.context().close();
});

test('a results page fits a 390-pixel phone in large text: chart labels at body size, no column cut off', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-TW' });
	const page = await context.newPage();
	await page.goto('/c/fenghuangshan/menus');
	await page.getByRole('link', { name: '看結果' }).last().click();
	await expect(page).toHaveURL(/\/results$/);
	await expect(page.getByRole('img', { name: /各項目得票/ })).toBeVisible();
	const sizes = async () =>
		page.evaluate(() => ({
			body: getComputedStyle(document.body).fontSize,
			label: getComputedStyle(document.querySelector('.chart .label')!).fontSize,
			table: [document.querySelector('.table-wrap')!.scrollWidth, document.querySelector('.table-wrap')!.clientWidth]
		}));
	const normal = await sizes();
	expect(normal.label).toBe(normal.body);
	await page.getByRole('button', { name: '大字' }).click();
	await expect(page.locator('html.large-text')).toHaveCount(1);
	const large = await sizes();
	expect(parseFloat(large.label)).toBeGreaterThan(parseFloat(normal.label));
	expect(large.label).toBe(large.body);
	expect(large.table[0], 'the table needs no sideways scrolling').toBeLessThanOrEqual(large.table[1]);
	// Every outcome (入選 or 未入選 and why) lies within the phone's width.
	const rights = await page.locator('td.outcome').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
	expect(rights.length).toBeGreaterThan(0);
	expect(Math.max(...rights)).toBeLessThanOrEqual(390);
	await expectAccessible(page);
	await context.close();
});

test('moving a menu on takes a confirmation, and the vote never opens with nothing feasible: the step says so first', async ({ browser }) => {
	test.setTimeout(120_000);
	const street = await pageAs(browser, 'street');
	const created = await postAsBrowser(street.request, '/c/jinwei/menus/new', menuForm(`沒有可行項目 ${unique()}`));
	const menuUrl = created.headers()['location'];
	await street.goto(menuUrl);
	// The first press only opens what moving on means; the second moves it.
	await street.locator('summary', { hasText: '提前進入「評議」' }).click();
	await expect(street.getByText('徵集提前結束，居民不能再提交候選項目。')).toBeVisible();
	await expectAccessible(street);
	await street.getByRole('button', { name: '確定進入「評議」' }).click();
	await expect(street.getByRole('status').filter({ hasText: '已進入「評議」階段。' })).toBeVisible();
	// Nothing is feasible: the next step explains why voting cannot start and offers no button.
	await street.locator('summary', { hasText: '提前進入「投票」' }).click();
	await expect(street.getByText('還沒有評議為可行的項目，不能開始投票。')).toBeVisible();
	await expect(street.getByRole('button', { name: '確定進入「投票」' })).toHaveCount(0);
	await expectAccessible(street);
	// A post made anyway is refused with the same sentence, and the menu stays in review.
	const forced = await postAsBrowser(street.request, `${menuUrl}?/advance`, {});
	expect(forced.status()).toBe(409);
	expect(await forced.text()).toContain('還沒有評議為可行的項目，不能開始投票。');
	await street.goto(menuUrl);
	await expect(street.getByText('現在：評議')).toBeVisible();
});

test('100 parallel ballots from one voter end as one ballot, and the last one counts', async ({ browser }) => {
	test.setTimeout(120_000);
	const street = await pageAs(browser, 'street');
	const created = await postAsBrowser(street.request, '/c/jinwei/menus/new', menuForm(`並發投票 ${unique()}`));
	expect(created.status()).toBe(303);
	const menuUrl = created.headers()['location'];
	const resident = await pageAs(browser, 'resident4');
	for (const name of ['甲', '乙']) expect((await postAsBrowser(resident.request, `${menuUrl}?/submit`, { title: `項目${name}`, estimatedCost: '1000' })).status()).toBe(303);
	await street.goto(menuUrl);
	const projects = await street.locator('li[id^=project-]').evaluateAll((els) => els.map((e) => e.id.slice('project-'.length)));
	expect(projects).toHaveLength(2);
	for (const projectId of projects) {
		expect((await postAsBrowser(street.request, `${menuUrl}?/review`, { projectId, decision: 'feasible', finalCost: '1000' })).status()).toBe(303);
	}
	for (let i = 0; i < 2; i++) expect((await postAsBrowser(street.request, `${menuUrl}?/advance`, {})).status()).toBe(303);
	await resident.goto(menuUrl + '/ballot');
	const ids = await resident.locator('input[name=projectIds]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
	expect(ids).toHaveLength(2);
	const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => postAsBrowser(resident.request, `${menuUrl}/ballot?/vote`, { projectIds: ids[i % 2] })));
	expect(answers.map((a) => a.status())).toEqual(Array(100).fill(303));
	const last = await postAsBrowser(resident.request, `${menuUrl}/ballot?/vote`, { projectIds: ids[1] });
	expect(last.status()).toBe(303);
	await street.goto(menuUrl);
	await expect(street.locator('dt', { hasText: '已投選票' }).locator('+ dd')).toHaveText('1');
	await resident.goto(menuUrl + '/ballot');
	await expect(resident.locator(`input[value="${ids[1]}"]`)).toBeChecked();
	await expect(resident.locator(`input[value="${ids[0]}"]`)).not.toBeChecked();
	// the ballot says when voting closes, as a date and a time
	await expect(resident.locator('.closes')).toHaveText(`投票截止時間：${Number(chinaDay(2).slice(0, 4))}年${Number(chinaDay(2).slice(5, 7))}月${Number(chinaDay(2).slice(8, 10))}日 23:59`);

	// Ids of another menu, or nonsense, are refused with a clear message.
	const wrong = await postAsBrowser(resident.request, `${menuUrl}/ballot?/vote`, { projectIds: '1' });
	expect(wrong.status()).toBe(409);
	expect(await wrong.text()).toContain('選票裡有不屬於這個菜單的項目');
});

test('every menus page of the demo passes axe, and the stepper says what comes next', async ({ page }) => {
	await page.goto('/c/jinwei/menus');
	await expectAccessible(page);
	await page.getByRole('link', { name: '2027 年金韋社區民生微實事（第一批）' }).click();
	await expect(page.getByText('現在：投票')).toBeVisible();
	await expect(page.getByText(/下一步：確定，開始於/)).toBeVisible();
	await expectAccessible(page);
	await page.goto('/c/jinwei/menus');
	await page.getByRole('link', { name: '2026 年金韋社區民生微實事' }).click();
	await expect(page.getByText('現在：驗收')).toBeVisible();
	await page.getByRole('link', { name: '看結果' }).click();
	await expectAccessible(page);
	await page.goto('/c/fenghuangshan/menus');
	await expectAccessible(page);
});
