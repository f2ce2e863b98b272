// Every role signs in without a destination, lands where it works, and does its first task from there — with
// JavaScript and without.
import { test, expect, type Browser } from './test';
import { expectAccessible, pageAs, PASSWORD, unique } from './helpers';
import { newJinweiResidents, openJinweiSubjects } from './evaluations-fixture';

/** Signs in through the form with no `next`: where the person lands is the portal's choice. */
async function signIn(browser: Browser, username: string, javaScriptEnabled = true) {
	const page = await (await browser.newContext({ javaScriptEnabled, locale: 'zh-TW' })).newPage();
	await page.goto('/login');
	await page.getByLabel('登入名稱').fill(username);
	await page.getByLabel('密碼', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: '登入' }).last().click();
	return page;
}

/** A new person asks to live in 金韋 (so the committee's desk has one more application). */
async function newApplicant(browser: Browser) {
	const name = `desk_${unique()}`;
	const page = await (await browser.newContext({ locale: 'zh-TW' })).newPage();
	await page.goto('/register');
	await page.getByLabel('登入名稱').fill(name);
	await page.getByLabel('顯示名稱').fill('新來的鄰居');
	await page.getByLabel('密碼', { exact: true }).fill('quiet-harbour-88');
	await page.getByLabel('再輸入一次密碼').fill('quiet-harbour-88');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page).toHaveURL(/\/my/);
	await page.goto('/c/jinwei/apply');
	await page.getByLabel('小區').fill('金韋花園');
	await page.getByLabel('樓棟').fill('2');
	await page.getByLabel('單元', { exact: true }).fill('1-201');
	await page.getByRole('button', { name: '送出申請' }).click();
	await expect(page.getByText('您的居民申請正在等待居委會審核。')).toBeVisible();
	await page.context().close();
	return name;
}

for (const javaScriptEnabled of [true, false]) {
	const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

	test(`the committee lands on its desk and verifies a waiting resident from there (${how})`, async ({ browser }) => {
		const applicant = await newApplicant(browser);
		const page = await signIn(browser, 'committee1', javaScriptEnabled);
		await expect(page).toHaveURL(/\/desk$/);
		await expect(page.getByRole('heading', { name: '我的待辦', level: 1 })).toBeVisible();
		const task = page.getByRole('link', { name: /^待審核的居民申請 \d+ 份$/ });
		const before = Number((await task.textContent())!.match(/\d+/)![0]);
		await task.click();
		await expect(page).toHaveURL(/\/c\/jinwei\/manage#apps-h$/);
		await page.getByRole('listitem').filter({ hasText: `@${applicant}` }).getByRole('button', { name: '認證' }).click();
		await expect(page.getByText('已認證，申請人會收到通知。')).toBeVisible();
		await page.goto('/desk');
		const after = before - 1;
		if (after > 0) await expect(page.getByRole('link', { name: `待審核的居民申請 ${after} 份` })).toBeVisible();
		else await expect(page.getByRole('link', { name: /待審核的居民申請/ })).toHaveCount(0);
		await page.context().close();
	});

	test(`street staff land on their desk, see each menu's next step and review a candidate from there (${how})`, async ({ browser }) => {
		const page = await signIn(browser, 'street', javaScriptEnabled);
		await expect(page).toHaveURL(/\/desk$/);
		const menu = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '2027 年金韋社區民生微實事（第二批）' }) });
		await expect(menu).toContainText('下一步：居委會審查候選項目');
		await menu.getByRole('link', { name: '2027 年金韋社區民生微實事（第二批）' }).click();
		const candidate = page.locator('li[id^=project-]').filter({ hasText: javaScriptEnabled ? '社區共享工具屋' : '老年人防跌倒扶手' });
		await candidate.getByRole('button', { name: '可行', exact: true }).click();
		await expect(page.getByText('已評議，結果已儲存。')).toBeVisible();
		await page.context().close();
	});
}

test('a grid worker and a department land on their desks; a resident lands on their community', async ({ browser }) => {
	for (const [who, url, heading] of [
		['grid1', /\/desk$/, '金韋社區 · 第一網格（金韋花園）'],
		['dept1', /\/desk$/, '城管執法隊'],
		['resident1', /\/c\/jinwei$/, '金韋社區']
	] as const) {
		const page = await signIn(browser, who, false);
		await expect(page).toHaveURL(url);
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
		await page.context().close();
	}
});

test('the desk counts what waits: a department its queue, a resident their ratings to give', async ({ browser }) => {
	const dept = await pageAs(browser, 'dept1');
	await dept.goto('/desk');
	const queue = dept.getByRole('link', { name: /^派給你們、還沒答覆的報告 \d+ 份$/ });
	await expect(queue).toHaveAttribute('href', /^\/street\/pingxiangmen\/departments\/\d+$/);
	await queue.click();
	await expect(dept).toHaveURL(/\/street\/pingxiangmen\/departments\/\d+$/);
	// a new resident of 金韋, with the community's open ratings still to give
	openJinweiSubjects();
	const [newcomer] = newJinweiResidents(unique(), 1);
	const resident = await pageAs(browser, newcomer);
	await resident.goto('/desk');
	await expect(resident.getByRole('heading', { name: '我的事' })).toBeVisible();
	await resident.getByRole('link', { name: /^等您評價的事 \d+ 件$/ }).click();
	await expect(resident).toHaveURL(/\/my#to-rate$/);
	for (const p of [dept, resident]) await p.context().close();
});

test('the desk and the community page for staff pass axe, on a phone and in large text', async ({ browser }) => {
	const page = await signIn(browser, 'street');
	await page.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(page);
	await page.getByRole('button', { name: '大字' }).click();
	await expectAccessible(page);
	await page.goto('/c/jinwei');
	// staff are offered their desk, not asked to apply as residents
	await expect(page.getByRole('link', { name: '申請成為居民' })).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('link', { name: '待辦', exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
});

test('"apply to be a resident" survives signing up: the login page says why, registering leads back to the form (without JavaScript)', async ({ browser }) => {
	const page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' })).newPage();
	await page.goto('/c/jinwei');
	await page.getByRole('link', { name: '申請成為居民' }).click();
	await expect(page).toHaveURL(/\/login\?next=%2Fc%2Fjinwei%2Fapply$/);
	await expect(page.getByText('請先登入，再填寫居民申請。')).toBeVisible();
	await page.getByRole('main').getByRole('link', { name: '註冊' }).click();
	const name = `intent_${unique()}`;
	await page.getByLabel('登入名稱').fill(name);
	await page.getByLabel('顯示名稱').fill('想搬來的人');
	await page.getByLabel('密碼', { exact: true }).fill('quiet-harbour-88');
	await page.getByLabel('再輸入一次密碼').fill('quiet-harbour-88');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page).toHaveURL(/\/c\/jinwei\/apply$/);
	await expect(page.getByText('註冊成功，歡迎！')).toBeVisible();
	await page.getByLabel('小區').fill('韋園新村');
	await page.getByLabel('樓棟').fill('6');
	await page.getByLabel('單元', { exact: true }).fill('2-302');
	await page.getByRole('button', { name: '送出申請' }).click();
	await expect(page.getByText('您的居民申請正在等待居委會審核。')).toBeVisible();
	await page.context().close();
});
