// 效果共評 and 社區評價 in the browser with JavaScript: a voter rates an accepted project (and a hostile comment
// stays text); the street computes, rewards and publishes a period; anyone downloads it and it recomputes.
import { expect, test } from './test';
import { expectAccessible, pageAs, unique } from './helpers';
import { newEvaluationStreet, newJinweiResidents, openJinweiSubjects } from './evaluations-fixture';
import { verifyDocument } from '../../src/lib/server/evaluations/document';

test('a resident rates an accepted project from /my; the figures, outcomes and the comment show it, safely', async ({ browser }) => {
	test.setTimeout(240_000);
	const [rater] = newJinweiResidents(unique(), 1);
	const { projects, property } = openJinweiSubjects();
	const page = await pageAs(browser, rater);
	await page.goto('/my');
	await expect(page.getByRole('heading', { name: '等您評價' })).toBeVisible();
	await expectAccessible(page);
	await page.locator(`a[href="${projects[0]}#rating"]`).click();
	const panel = page.locator('#rating');
	await expect(panel.getByText(/14 人已評價，共邀請 \d+ 人/)).toBeVisible();
	await expect(panel.getByText(/^滿意率/)).toBeVisible();
	await expectAccessible(page);

	const form = panel.locator('form[action="?/rate"]');
	await form.getByRole('group', { name: '整體評價' }).getByLabel('滿意', { exact: true }).check();
	await form.getByRole('group', { name: '工程質量' }).getByLabel('非常滿意').check();
	const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> **好**';
	await form.getByLabel('留言（選填）').fill(xss);
	await form.getByRole('button', { name: '送出評價' }).click();
	await expect(page.getByText('謝謝您的評價！')).toBeVisible();
	await expect(panel.getByText(/15 人已評價/)).toBeVisible();
	await expect(panel.getByText(/您在 .* 給了「滿意」。/)).toBeVisible();
	await expect(panel.locator('.comments strong', { hasText: '好' })).toBeVisible();
	expect(await panel.locator('.comments img[onerror], .comments script').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

	// changing one's mind keeps one rating
	await form.getByRole('group', { name: '整體評價' }).getByLabel('非常滿意').check();
	await form.getByRole('button', { name: '更新評價' }).click();
	await expect(page.getByText('已更新您的評價。')).toBeVisible();
	await expect(panel.getByText(/15 人已評價/)).toBeVisible();

	await page.goto('/c/jinwei/outcomes');
	await expect(page.getByText(/15 人已評價/).first()).toBeVisible();
	await expect(page.getByText('樣本不足：少於 10 人評價，暫不公布滿意率。').first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/c/jinwei/ratings');
	await expectAccessible(page);
	await page.goto(property);
	await expect(page.locator('#rating').getByText('居委會隱藏了這則留言，原因：含有個人電話號碼')).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
});

test('the street computes, rewards and publishes a period; anyone downloads it and it recomputes', async ({ browser, request }) => {
	test.setTimeout(240_000);
	const at = newEvaluationStreet(unique());
	const staff = await pageAs(browser, 'street');
	const url = `/street/${at.slug}/evaluations/${at.periodKey}`;
	await staff.goto(url);
	await staff.getByRole('button', { name: '重新計算' }).click();
	await expect(staff.getByText('已計算這個評價期的結果。')).toBeVisible();
	await expect(staff.getByText('這是草稿，只有街道工作人員看得到；發布後才公開。')).toBeVisible();
	// a visitor does not see the draft
	expect((await request.get(`${url}/evaluation.json`)).status()).toBe(404);

	await staff.getByLabel('獎勵池（元）').fill('50000');
	await staff.getByLabel('每個社區保底（元）').fill('10000');
	await staff.getByLabel('每個社區上限（元）').fill('60000');
	await staff.getByRole('button', { name: '按得分分配' }).click();
	await expect(staff.getByText('已按分數分配獎勵金額。')).toBeVisible();
	await expect(staff.getByRole('cell', { name: '¥50,000.00' })).toBeVisible();
	await staff.getByRole('button', { name: '發布', exact: true }).click();
	await expect(staff.getByText('評價已公布，之後不會再改變。')).toBeVisible();
	await expect(staff.getByRole('button', { name: '重新計算' })).toHaveCount(0);
	await expectAccessible(staff);

	const json = await request.get(`${url}/evaluation.json`);
	expect(json.status()).toBe(200);
	const doc = await json.json();
	expect(verifyDocument(doc)).toEqual({ ok: true, communities: 1, ranked: 1, mismatches: [] });
	// 3 ratings, 2 satisfied: the Wilson lower bound, over a target of 80 %
	expect(doc.communities[0].indicators[0]).toMatchObject({ numerator: 2, denominator: 3, n: 3, actual: 0.207655 });
	const csv = await (await request.get(`${url}/evaluation.csv`)).text();
	expect(csv).toContain(`${at.community},走訪社區`);

	await staff.goto(`/street/${at.slug}/evaluations`);
	await expect(staff.locator('svg.trend')).toHaveCount(1);
	await expectAccessible(staff);
	await staff.goto(`/street/${at.slug}/evaluations/schemes`);
	await expectAccessible(staff);
	await staff.goto(`/c/${at.community}/evaluation`);
	await expect(staff.getByText('居民滿意度的依據（1 項）')).toBeVisible();
	await expectAccessible(staff);
	await staff.context().close();
});

test('the demo street: two published quarters, 雙水’s satisfaction dropped and said why', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/street/pingxiangmen/evaluations');
	await expect(page.locator('svg.trend')).toHaveCount(3);
	await expectAccessible(page);
	await page.goto('/c/shuangshui/evaluation');
	await expect(page.getByText(/樣本只有 4 個，少於方案要求的 10 個/)).toBeVisible();
	await expectAccessible(page);
});
