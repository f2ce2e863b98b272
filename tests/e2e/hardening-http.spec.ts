// Redirects, request bodies, uploads and headers, against the built server.
import { expect, test, type Page, workerOrigin, workerPort } from './test';
import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { encodePng } from '../../src/lib/server/media/png';
import { pageAs, PASSWORD } from './helpers';
import { publishedMenu } from './implementation-fixture';


/** Signs in through the form of the page already open (the helper would open /login afresh). */
async function signInHere(page: Page, username: string) {
	await page.getByLabel(/登入名稱/).fill(username);
	await page.getByLabel(/^密碼$/).fill(PASSWORD);
	await page.getByRole('button', { name: /^登入$/ }).last().click();
	await expect(page).not.toHaveURL(/\/login/);
}

test.describe('open redirect', () => {
	for (const next of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example']) {
		test(`signing in with next=${next} stays on this site`, async ({ page }) => {
			const response = await page.goto(`/login?next=${next}`);
			expect(response?.status()).toBe(200);
			await signInHere(page, 'resident2');
			expect(new URL(page.url()).origin).toBe(workerOrigin());
			expect(new URL(page.url()).pathname).toBe('/');
		});
	}

	test('a signed-in visit to /login?next=/%0A/… goes home instead of failing', async ({ browser }) => {
		const page = await pageAs(browser, 'resident3');
		const response = await page.request.get('/login?next=%2F%0A%2Fevil.example', { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/');
	});

	test('a same-site next still works', async ({ page }) => {
		await page.goto('/login?next=%2Finbox');
		await signInHere(page, 'resident4');
		await expect(page).toHaveURL(/\/inbox$/);
	});
});

test.describe('request bodies', () => {
	const form = (bytes: number) => 'username=x&password=' + 'y'.repeat(bytes);

	test('2 MB to an ordinary form is refused with 413 and the localized page', async ({ request }) => {
		const response = await request.post('/login', {
			headers: { origin: workerOrigin(), 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'zh-TW', accept: 'text/html' },
			data: form(2 * 1024 * 1024)
		});
		expect(response.status()).toBe(413);
		const html = await response.text();
		expect(html).toContain('送出的內容太大了');
		expect(html).toContain('<html lang="zh-Hant"');
	});

	test('2 MB sent chunked (no Content-Length) is refused with 413 too', async () => {
		const status = await new Promise<number>((resolve, reject) => {
			const req = httpRequest(
				{ host: 'localhost', port: workerPort(), path: '/login', method: 'POST', headers: { origin: workerOrigin(), 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } },
				(res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				}
			);
			req.on('error', reject);
			const piece = Buffer.alloc(64 * 1024, 'y');
			req.write('username=x&password=');
			for (let i = 0; i < 32; i++) req.write(piece);
			req.end();
		});
		expect(status).toBe(413);
	});

	test('a truncated multipart body is a 400, not a 500', async ({ request }) => {
		const response = await request.post('/login', {
			headers: { origin: workerOrigin(), 'content-type': 'multipart/form-data; boundary=zzz', 'accept-language': 'zh-TW' },
			data: Buffer.from('--zzz\r\nContent-Disposition: form-data; name="username"\r\n\r\nresident1\r\n--zzz\r\nContent-Disposition: form-data; name="password"\r\n\r\ncoco')
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('表單沒有完整送達');
	});

	test('staff still upload a 5 MB photo; a visitor or a resident posting the same is refused with 413', async ({ browser, request }) => {
		// random pixels do not compress: 1280 × 1280 × 3 bytes ≈ 4.9 MB of PNG
		const random = randomBytes(1280 * 1280 * 3);
		const noise = encodePng(1280, 1280, (x, y) => {
			const i = (y * 1280 + x) * 3;
			return [random[i], random[i + 1], random[i + 2]];
		});
		console.log(`upload e2e: photo of ${noise.length} bytes`);
		expect(noise.length).toBeGreaterThan(4.5 * 1024 * 1024);
		expect(noise.length).toBeLessThanOrEqual(5 * 1024 * 1024);

		const menu = publishedMenu();
		const visitor = await request.post(`${menu.url(menu.projects.lights)}?/progress`, {
			headers: { origin: workerOrigin() },
			multipart: { body: '施工中', percent: '10', photos: { name: 'noise.png', mimeType: 'image/png', buffer: noise } }
		});
		expect(visitor.status()).toBe(413);
		// a resident's session is not enough either: large bodies are for staff
		const resident = await pageAs(browser, 'resident1');
		const fromResident = await resident.request.post(`${menu.url(menu.projects.lights)}?/progress`, {
			headers: { origin: workerOrigin(), accept: 'text/html' },
			multipart: { body: '施工中', percent: '10', photos: { name: 'noise.png', mimeType: 'image/png', buffer: noise } }
		});
		expect(fromResident.status()).toBe(413);
		await resident.context().close();

		const page = await pageAs(browser, 'street');
		await page.goto(menu.url(menu.projects.lights));
		await page.getByLabel('進展說明').fill(`大照片 ${menu.tag}`);
		await page.getByLabel('完成進度（%）').fill('20');
		await page.setInputFiles('#f-photos', [{ name: 'noise.png', mimeType: 'image/png', buffer: noise }]);
		await page.getByRole('button', { name: '發佈進度' }).click();
		await expect(page.getByRole('status')).toHaveText('進度已發佈。', { timeout: 30_000 });
		const src = await page.locator('#timeline + ol > li').first().locator('img').first().getAttribute('src');
		const stored = await page.request.get(src!);
		expect(stored.headers()['content-type']).toBe('image/png');
		console.log(`upload e2e: stored copy of ${(await stored.body()).length} bytes`);
	});
});

test.describe('headers', () => {
	test('signed-in pages and their data are private, no-store; CSP allows no inline <style>', async ({ browser, request }) => {
		const page = await pageAs(browser, 'resident1');
		const my = await page.goto('/my');
		expect(my?.headers()['cache-control']).toBe('private, no-store');
		const data = await page.request.get('/my/__data.json');
		expect(data.headers()['cache-control']).toBe('private, no-store');
		expect((await page.request.get('/c/jinwei')).headers()['cache-control']).toBe('private, no-store');

		const anonymous = await request.get('/');
		const csp = anonymous.headers()['content-security-policy'];
		expect(csp).toMatch(/style-src 'self'(;|$| 'sha256-)/);
		expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
		expect(csp).toContain("style-src-attr 'unsafe-inline'");
		// served over http here; Strict-Transport-Security is for https sites (unit-tested with an https workerOrigin())
		expect(anonymous.headers()['strict-transport-security']).toBeUndefined();
	});

	test('without inline <style>, pages still look right and no CSP violation is reported', async ({ browser }) => {
		const page = await pageAs(browser, 'resident1');
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		for (const path of ['/', '/c/jinwei', '/c/jinwei/proposals', '/c/jinwei/outcomes']) await page.goto(path);
		expect(violations).toEqual([]);
		// the app's stylesheet applied (it is a file, not inline)
		const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
		expect(font).not.toBe('');
	});

	test('no-JS: progress bars are native <progress> elements with their value, drawn without inline styles', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' });
		const page = await context.newPage();
		await page.goto('/c/jinwei/outcomes');
		const bars = await page.locator('progress.bar').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLProgressElement).value, width: e.getBoundingClientRect().width })));
		expect(bars.length).toBeGreaterThan(0);
		expect(bars.every((b) => b.width > 0)).toBe(true);
		expect(bars.some((b) => b.value > 0)).toBe(true);
		expect(await page.locator('main [style*="width"]').count()).toBe(0);
		await context.close();
	});
});

test('the password on /account is checked a limited number of times', async ({ browser }) => {
	const page = await pageAs(browser, 'resident6');
	for (let i = 0; i < 5; i++) {
		await page.goto('/account');
		await page.getByLabel('目前的密碼').fill(`wrong-${i}-password`);
		await page.getByLabel('新密碼').fill('brand-new-garden-9');
		await page.getByLabel('再輸入一次密碼').fill('brand-new-garden-9');
		await page.getByRole('button', { name: '更改密碼' }).click();
		await expect(page.getByText('目前的密碼不正確', { exact: false })).toBeVisible();
	}
	await page.getByLabel('目前的密碼').fill(PASSWORD);
	await page.getByLabel('新密碼').fill('brand-new-garden-9');
	await page.getByLabel('再輸入一次密碼').fill('brand-new-garden-9');
	await page.getByRole('button', { name: '更改密碼' }).click();
	await expect(page.locator('#f-currentPassword-error')).toHaveText('目前的密碼輸錯太多次了，請過幾分鐘再試。');
});
