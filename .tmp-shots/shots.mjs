import { chromium } from '@playwright/test';
const base = 'http://localhost:4600';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function as(user, locale = 'zh-TW') {
	const ctx = await browser.newContext({ locale });
	const page = await ctx.newPage();
	if (user) {
		await page.goto(base + '/login');
		await page.getByLabel(/登入名稱|Login name|登录名/).fill(user);
		await page.getByLabel(/^(密碼|Password|密码)$/).fill('cocreate-demo');
		await page.getByRole('button', { name: /^(登入|Sign in|登录)$/ }).last().click();
		await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	}
	return page;
}
const shots = [
	[null, 'zh-TW', '/c/jinwei/areas', 'catalogue', false],
	['resident1', 'zh-TW', '/c/jinwei/areas/1', 'area-resident', false],
	['resident3', 'zh-TW', '/c/jinwei/areas/4', 'area-atrisk-own', false],
	['committee1', 'zh-TW', '/c/jinwei/areas/13', 'area-committee', false],
	['committee1', 'zh-TW', '/c/jinwei/areas/plan', 'plan', false],
	['resident5', 'zh-TW', '/c/jinwei/areas/teams', 'teams', false],
	['resident5', 'zh-TW', '/my', 'my', false],
	['committee1', 'zh-TW', '/c/jinwei/manage#areas-queue', 'desk', false],
	[null, 'en', '/c/jinwei/areas', 'catalogue-en-large', true],
	['resident6', 'en', '/c/jinwei/areas/3', 'area-en-large', true]
];
for (const [user, locale, path, name, large] of shots) {
	const page = await as(user, locale);
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(base + path);
		if (large) await page.evaluate(() => document.documentElement.classList.add('large-text'));
		await page.screenshot({ path: `/tmp/areas-shots/${name}-${width}.png`, fullPage: true });
	}
	await page.context().close();
}
await browser.close();
