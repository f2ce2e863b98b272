// A proposal whose stored body is hostile Markdown still opens, quickly, for everyone.
import { expect, test, workerOrigin, workerPort } from './test';
import { proposalWithBody } from './hardening-fixture';
import { HOSTILE_MARKDOWN } from '../fixtures/hostile-markdown';

const CASES = ['10,000 >', '5,000 nested list levels on one line', 'quotes and lists, 3,500 deep', '2,500 nested emphasis', '10,000 [', '50,000 *'];

for (const name of CASES) {
	test(`a proposal whose body is ${name} answers 200 quickly`, async ({ request }) => {
		const { path, title } = proposalWithBody(HOSTILE_MARKDOWN[name]);
		// a warm server: the first request of a page pays for loading its modules
		await request.get(proposalWithBody('普通的說明').path);
		const started = Date.now();
		const response = await request.get(path);
		const ms = Date.now() - started;
		expect(response.status()).toBe(200);
		expect(await response.text()).toContain(title);
		console.log(`hostile markdown e2e: ${name}: ${ms} ms`);
		expect(ms).toBeLessThan(1000);
	});
}

test('the page with 10,000 nested quotes shows the text in a browser', async ({ page }) => {
	const { path, title } = proposalWithBody(HOSTILE_MARKDOWN['10,000 >']);
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	// the first 16 levels are quotes (bounded, not given up on: a render error would show none), the rest is text
	expect(await page.locator('blockquote').count()).toBe(16);
});
