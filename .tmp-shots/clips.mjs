import { chromium } from '@playwright/test';
const base = 'http://localhost:4600';
const [,, user, locale, path, name, width, large, ...offsets] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ locale });
const page = await ctx.newPage();
if (user !== '-') {
	await page.goto(base + '/login');
	await page.getByLabel(/登入名稱|Login name|登录名/).fill(user);
	await page.getByLabel(/^(密碼|Password|密码)$/).fill('cocreate-demo');
	await page.getByRole('button', { name: /^(登入|Sign in|登录)$/ }).last().click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
await page.setViewportSize({ width: Number(width), height: 800 });
await page.goto(base + path);
if (large === '1') await page.evaluate(() => document.documentElement.classList.add('large-text'));
for (const y of offsets) await page.screenshot({ path: `/tmp/areas-shots/${name}-${width}-${y}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: 800 } });
await browser.close();
