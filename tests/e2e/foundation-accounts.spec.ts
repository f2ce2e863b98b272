import { test, expect } from './test';
import { login, pageAs, unique, PASSWORD } from './helpers';

test('register → apply to jinwei → committee1 verifies → the applicant sees it', async ({ page, browser }) => {
	const name = `e2e_${unique()}`;
	await page.goto('/register');
	await page.getByLabel('登入名稱').fill(name);
	await page.getByLabel('顯示名稱').fill('測試居民');
	await page.getByLabel('密碼', { exact: true }).fill('quiet-harbour-88');
	await page.getByLabel('再輸入一次密碼').fill('quiet-harbour-88');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page).toHaveURL(/\/my/);
	await expect(page.getByText('歡迎！')).toBeVisible();

	await page.goto('/c/jinwei');
	await page.getByRole('link', { name: '申請成為居民' }).click();
	await page.getByLabel('小區').fill('金韋花園');
	await page.getByLabel('樓棟').fill('11');
	await page.getByLabel('單元', { exact: true }).fill('2-1101');
	await page.getByRole('button', { name: '送出申請' }).click();
	await expect(page.getByText('您的居民申請正在等待居委會審核。')).toBeVisible();

	const committee = await pageAs(browser, 'committee1');
	await committee.goto('/c/jinwei/manage');
	const item = committee.getByRole('listitem').filter({ hasText: `@${name}` });
	await expect(item).toContainText('金韋花園 11 棟 2-1101 單元');
	await item.getByRole('button', { name: '認證' }).click();
	await expect(committee.getByText('已認證，申請人會收到通知。')).toBeVisible();
	await expect(committee.getByText(`@${name}`)).toHaveCount(0);

	await page.goto('/c/jinwei');
	await expect(page.getByText('您是這個社區的已認證居民')).toBeVisible();
	await expect(page.getByRole('link', { name: /通知\s*1/ })).toBeVisible();
	await page.goto('/inbox');
	await expect(page.getByText('您已成為金韋社區的認證居民')).toBeVisible();
	await page.goto('/my');
	// the membership's line (the page also lists what there is to rate in 金韋)
	await expect(page.getByRole('listitem').filter({ hasText: '金韋社區' }).filter({ hasText: '居民' })).toContainText('已認證');
	await committee.context().close();
});

test('a rejected application shows the reason to the applicant', async ({ browser }) => {
	const committee = await pageAs(browser, 'committee1');
	await committee.goto('/c/jinwei/manage');
	const item = committee.getByRole('listitem').filter({ hasText: '@newcomer' });
	await item.getByText('不通過…').click();
	await item.getByRole('button', { name: '確定不通過' }).click();
	await expect(committee.getByText('不通過時請寫明原因')).toBeVisible();
	// the refused form stays open, with the reason field beside its message
	await committee.getByRole('listitem').filter({ hasText: '@newcomer' }).getByLabel('不通過的原因').fill('查無此房號，請帶房產證到居委會');
	await committee.getByRole('listitem').filter({ hasText: '@newcomer' }).getByRole('button', { name: '確定不通過' }).click();
	await expect(committee.getByText('已退回申請')).toBeVisible();
	const newcomer = await pageAs(browser, 'newcomer');
	await newcomer.goto('/my');
	await expect(newcomer.getByText('原因：查無此房號，請帶房產證到居委會')).toBeVisible();
});

test('registration works without JavaScript, keeping input and explaining mistakes', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' });
	const page = await context.newPage();
	await page.goto('/register');
	await page.getByLabel('登入名稱').fill('resident1');
	await page.getByLabel('顯示名稱').fill('<script>alert(1)</script>');
	await page.getByLabel('密碼', { exact: true }).fill('password');
	await page.getByLabel('再輸入一次密碼').fill('password');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page.getByText('這個登入名稱已經有人用了')).toHaveCount(0); // common password is caught first
	await expect(page.getByText('這是很常見的密碼')).toBeVisible();
	await expect(page.getByLabel('顯示名稱')).toHaveValue('<script>alert(1)</script>');
	await expect(page.getByLabel('密碼', { exact: true })).toHaveValue('');

	await page.getByLabel('密碼', { exact: true }).fill('maple-street-204');
	await page.getByLabel('再輸入一次密碼').fill('maple-street-204');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page.getByText('這個登入名稱已經有人用了，請換一個。')).toBeVisible();
	await expect(page.getByLabel('登入名稱')).toHaveAttribute('aria-invalid', 'true');

	const name = `nojs_${unique()}`;
	await page.getByLabel('登入名稱').fill(name);
	await page.getByLabel('密碼', { exact: true }).fill('maple-street-204');
	await page.getByLabel('再輸入一次密碼').fill('maple-street-204');
	await page.getByRole('button', { name: '註冊' }).click();
	await expect(page).toHaveURL(/\/my/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script>');

	await page.goto('/c/fenghuangshan/apply');
	await page.getByLabel('小區').fill('   '); // passes the browser's `required`, not the server's check
	await page.getByLabel('樓棟').fill('2');
	await page.getByLabel('單元', { exact: true }).fill('x'.repeat(25));
	await page.getByLabel('房號（可不填）').fill('502 室'.repeat(5));
	await page.getByRole('button', { name: '送出申請' }).click();
	await expect(page.locator('#f-unit-error')).toHaveText('內容太長了。');
	await expect(page.getByLabel('單元', { exact: true })).toHaveValue('x'.repeat(25));
	await expect(page.getByLabel('房號（可不填）')).toHaveAccessibleDescription(/內容太長了。/);
	await expect(page.getByLabel('房號（可不填）')).toHaveValue('502 室'.repeat(5));
	await expect(page.locator('#f-compound-error')).toHaveText('請填寫這一欄。');
	await page.getByLabel('小區').fill('鳳凰苑');
	await page.getByLabel('樓棟').fill('2');
	await page.getByLabel('單元', { exact: true }).fill('1');
	await page.getByLabel('房號（可不填）').fill('101');
	await page.getByRole('button', { name: '送出申請' }).click();
	await expect(page.getByText('您的居民申請正在等待居委會審核。')).toBeVisible();
	await context.close();
});

test('a wrong password is refused, and too many failures say when to try again', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'zh-TW', extraHTTPHeaders: { 'x-forwarded-for': `10.77.${Math.floor(Math.random() * 250)}.9` } });
	const page = await context.newPage();
	await page.goto('/login');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('登入名稱').fill('resident5');
		await page.getByLabel('密碼').fill(`not-my-password-${i}`);
		// each answer is awaited: the alert's text alone cannot tell the fourth refusal from the fifth
		await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')), page.getByRole('button', { name: '登入' }).last().click()]);
		await expect(page.getByRole('alert')).toHaveText('登入名稱或密碼不正確。');
		await expect(page.getByLabel('登入名稱')).toHaveValue('resident5');
	}
	await page.getByLabel('密碼').fill(PASSWORD);
	await page.getByRole('button', { name: '登入' }).last().click();
	await expect(page.getByRole('alert')).toHaveText('嘗試次數太多，請 1 分鐘後再試。');
	await context.close();
});

test('changing the password signs out the other device', async ({ browser }) => {
	const name = `pw_${unique()}`;
	const first = await browser.newContext({ locale: 'zh-TW' });
	const a = await first.newPage();
	await a.goto('/register');
	await a.getByLabel('登入名稱').fill(name);
	await a.getByLabel('顯示名稱').fill('換密碼的人');
	await a.getByLabel('密碼', { exact: true }).fill('first-garden-11');
	await a.getByLabel('再輸入一次密碼').fill('first-garden-11');
	await a.getByRole('button', { name: '註冊' }).click();
	await expect(a).toHaveURL(/\/my/);
	const second = await browser.newContext({ locale: 'zh-TW' });
	const b = await second.newPage();
	await login(b, name, 'first-garden-11');

	await a.goto('/account');
	await a.getByLabel('目前的密碼').fill('first-garden-11');
	await a.getByLabel('新密碼').fill('second-garden-22');
	await a.getByLabel('再輸入一次密碼').fill('second-garden-22');
	await a.getByRole('button', { name: '更改密碼' }).click();
	await expect(a.getByText('密碼已更改，其他裝置已登出。')).toBeVisible();
	await b.goto('/my');
	await expect(b).toHaveURL(/\/login/);
	await a.goto('/my');
	await expect(a).toHaveURL(/\/my/);
	await first.close();
	await second.close();
});
