// Deliberation under pressure and in other languages: racing seconds, closed proposals, stages out of
// order, reports that hide a comment, over-long input, the pages in 简体 and English, and a long list paged.
import { expect, test, type Page } from './test';
import { expectAccessible, openDetails, postAsBrowser, unique } from './helpers';
import { as, manyProposals, propose } from './deliberation-fixture';

test('fifty seconds sent at once by one resident end in exactly one', async ({ browser }) => {
	const author = await as(browser, 'resident7');
	const path = await propose(author, { title: `E2E 併發附議 ${unique()}`, category: '其他', body: '測試同時送出五十次附議。' });
	const neighbour = await as(browser, 'resident8');
	await neighbour.goto(path);
	const responses = await Promise.all(
		Array.from({ length: 50 }, () => postAsBrowser(neighbour.request, `${path}?/second`, {}))
	);
	const statuses = responses.map((r) => r.status());
	expect(statuses.filter((s) => s === 303)).toHaveLength(1);
	expect(statuses.filter((s) => s === 409)).toHaveLength(49);
	await neighbour.reload();
	await expect(neighbour.getByText('您已附議這個議題。')).toBeVisible();
	await expect(neighbour.getByText('還差 9 人附議就達到 10 人門檻')).toBeVisible();
});

test('seconding a withdrawn proposal, and a stage out of order, are refused with a clear message', async ({ browser }) => {
	const author = await as(browser, 'resident5');
	const title = `E2E 撤回測試 ${unique()}`;
	const path = await propose(author, { title, category: '文體活動', body: '這個議題稍後會被撤回。' });
	const neighbour = await as(browser, 'resident6');
	await neighbour.goto(path);
	await author.getByRole('button', { name: '撤回議題' }).click();
	await expect(author.getByText('已撤回').first()).toBeVisible();
	await neighbour.getByRole('button', { name: '附議', exact: true }).click();
	await expect(neighbour.getByRole('alert')).toHaveText('這個議題已經不再接受附議。');
	await expect(neighbour.getByText('0', { exact: true })).toBeVisible();

	// 四議 in order: the committee cannot record 審議 before 提議.
	const committee = await as(browser, 'committee1');
	await committee.goto('/c/jinwei/consultations/new');
	const topic = `E2E 重大事項 ${unique()}`;
	await committee.getByLabel('協商主題').fill(topic);
	await committee.getByLabel('背景說明').fill('測試四議兩公開的順序檢查。');
	await committee.getByRole('checkbox', { name: /重大事項/ }).check();
	await committee.getByRole('button', { name: '開啟協商' }).click();
	await expect(committee.getByRole('heading', { name: '四議兩公開' })).toBeVisible();
	await expectAccessible(committee);
	const form = committee.locator('form[action="?/stage"]');
	await form.locator('input[name="stage"]').evaluate((el: HTMLInputElement) => (el.value = '3'));
	await form.getByLabel('會議日期').fill('2026-01-05');
	await form.getByLabel('結果', { exact: true }).fill('跳步測試');
	await form.getByLabel('會議紀要').fill('這一步不應該被記錄下來。');
	await form.getByLabel('應到人數').fill('30');
	await form.getByLabel('實到人數').fill('20');
	await form.getByRole('button', { name: '儲存記錄' }).click();
	await expect(committee.getByText('四議要按順序記錄，不能跳過：現在應該記錄第 1 步。')).toBeVisible();
	await expect(committee.getByText('跳步測試')).toHaveCount(0);
	// The right step, with too many attendees first, then correctly.
	const again = committee.locator('form[action="?/stage"]');
	await again.locator('input[name="stage"]').evaluate((el: HTMLInputElement) => (el.value = '1'));
	await again.getByLabel('實到人數').fill('31');
	await again.getByRole('button', { name: '儲存記錄' }).click();
	await expect(committee.getByText('實到人數不能多於應到人數。')).toBeVisible();
	await committee.locator('form[action="?/stage"]').getByLabel('實到人數').fill('20');
	await committee.locator('form[action="?/stage"]').getByRole('button', { name: '儲存記錄' }).click();
	await expect(committee.getByText('應到 30 人，實到 20 人')).toBeVisible();
	await expect(committee.getByRole('heading', { name: '記錄「商議」' })).toBeVisible();
});

test('three reports hide a comment until the committee restores it; over-long comments are refused', async ({ browser }) => {
	test.setTimeout(120_000);
	const committee = await as(browser, 'committee1');
	await committee.goto('/c/jinwei/consultations/new');
	const topic = `E2E 檢舉測試 ${unique()}`;
	await committee.getByLabel('協商主題').fill(topic);
	await committee.getByLabel('背景說明').fill('測試檢舉達到三次後自動隱藏。');
	await committee.getByRole('button', { name: '開啟協商' }).click();
	await expect(committee.getByRole('heading', { level: 1 })).toHaveText(topic);
	const thread = new URL(committee.url()).pathname;

	const writer = await as(browser, 'neighbor20');
	await writer.goto(thread);
	const form = writer.locator('form[action="?/comment"]').first();
	await form.getByRole('radio', { name: '中立' }).check();
	await form.getByLabel('您的意見').evaluate((el: HTMLTextAreaElement) => el.removeAttribute('maxlength'));
	await form.getByLabel('您的意見').fill('長'.repeat(2001));
	await form.getByRole('button', { name: '發表意見' }).click();
	await expect(writer.getByText('留言要 1 至 2,000 字。')).toBeVisible();
	await writer.locator('form[action="?/comment"]').first().getByLabel('您的意見').fill('便宜電池，加微信 e2e');
	await writer.locator('form[action="?/comment"]').first().getByRole('button', { name: '發表意見' }).click();
	await expect(writer.locator('article', { hasText: '便宜電池，加微信 e2e' })).toBeVisible();

	for (const username of ['neighbor17', 'neighbor18', 'neighbor19']) {
		const page = await as(browser, username);
		await page.goto(thread);
		const spam = page.locator('article', { hasText: '便宜電池，加微信 e2e' });
		await openDetails(spam.locator('summary', { hasText: '檢舉' }), spam.getByRole('radio', { name: '廣告或灌水' }));
		await spam.getByRole('radio', { name: '廣告或灌水' }).check();
		await spam.getByRole('button', { name: '送出檢舉' }).click();
		await expect(page.getByText(/您已檢舉|被多位居民檢舉/).first()).toBeVisible();
		await page.context().close();
	}
	const visitor = await (await browser.newContext({ locale: 'zh-TW' })).newPage();
	await visitor.goto(thread);
	await expect(visitor.getByText('這則留言被多位居民檢舉，暫時隱藏，等待居委會審核。')).toBeVisible();
	await expect(visitor.getByText('便宜電池，加微信 e2e')).toHaveCount(0);
	await expectAccessible(visitor);

	await committee.goto('/c/jinwei/manage');
	await expect(committee.locator('li', { hasText: topic }).getByText('1 則留言待審核')).toBeVisible();
	await committee.goto(thread);
	await committee.locator('article', { hasText: '便宜電池，加微信 e2e' }).getByRole('button', { name: '恢復顯示' }).click();
	await visitor.reload();
	await expect(visitor.getByText('便宜電池，加微信 e2e')).toBeVisible();
	await writer.goto('/inbox');
	await expect(writer.getByText(/已恢復顯示/).first()).toBeVisible();
});

test('the pages read in 简体 and English, and pass axe', async ({ browser }) => {
	const page = await as(browser, 'resident3');
	await page.goto('/c/jinwei/proposals');
	await expectAccessible(page);
	await page.getByRole('button', { name: '简体' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('居民议题');
	await page.getByRole('searchbox', { name: '搜索议题' }).fill('电梯');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByText(/共 \d+ 个议题/)).toBeVisible();
	await expectAccessible(page);
	await page.goto('/c/jinwei/consultations');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('协商议事');
	await page.getByRole('link', { name: '8 棟加裝電梯方案' }).click();
	await expect(page.getByRole('heading', { name: '四议两公开' })).toBeVisible();
	await expect(page.getByText('决议公开').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'EN' }).click();
	await expect(page.getByRole('heading', { name: /Four deliberations, two publications/ })).toBeVisible();
	await expect(page.getByText('Resolution published').first()).toBeVisible();
	await page.goto('/c/jinwei/proposals?state=overdue');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Residents' proposals");
	await expect(page.locator('.badge', { hasText: 'Overdue' }).first()).toBeVisible();
	await page.goto('/c/jinwei/proposals/new');
	await page.getByRole('button', { name: 'Submit proposal' }).evaluate((b: HTMLButtonElement) => b.form!.noValidate = true);
	await page.getByRole('button', { name: 'Submit proposal' }).click();
	await expect(page.getByText('Choose a category from the list.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: '繁體' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('提出議題');
});

for (const javaScriptEnabled of [true, false]) {
	test(`a common word says "more than 1,000" and its pages go on by next and previous (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		test.setTimeout(120_000);
		const word = `翻頁${unique()}`;
		manyProposals(word, 1_030);
		const titles = (page: Page) => page.locator('main h3 a').allTextContents();
		const shows = async (page: Page, position: string, first: number) => {
			await expect(page.getByRole('navigation', { name: '分頁' }).getByText(position, { exact: true })).toBeVisible();
			expect(await titles(page)).toEqual(Array.from({ length: 20 }, (_, i) => `${word} ${first + i}`));
		};
		const page = await as(browser, 'resident4', { javaScriptEnabled });
		await page.goto('/c/jinwei/proposals');
		await page.getByRole('searchbox', { name: '搜尋議題' }).fill(word);
		await page.getByRole('button', { name: '篩選' }).click();
		await expect(page.getByText('超過 1,000 個議題符合。加上更多關鍵詞，可以縮小範圍。')).toBeVisible();
		await shows(page, '第 1 頁', 0);
		const pager = page.getByRole('navigation', { name: '分頁' });
		await expect(pager.getByRole('link', { name: '← 上一頁' })).toHaveCount(0);
		await pager.getByRole('link', { name: '下一頁 →' }).click();
		await shows(page, '第 2 頁', 20);
		expect(new URL(page.url()).searchParams.get('after')).toMatch(/^\d+\.\d+$/);
		await pager.getByRole('link', { name: '下一頁 →' }).click();
		await shows(page, '第 3 頁', 40);
		// axe runs as a script in the page, which a page without JavaScript cannot; the markup is the same.
		if (javaScriptEnabled) await expectAccessible(page);
		await pager.getByRole('link', { name: '← 上一頁' }).click();
		await shows(page, '第 2 頁', 20);
		expect(new URL(page.url()).searchParams.get('before')).toMatch(/^\d+\.\d+$/);
		await pager.getByRole('link', { name: '← 上一頁' }).click();
		await shows(page, '第 1 頁', 0);
		for (const name of ['after', 'before', 'page']) expect(new URL(page.url()).searchParams.has(name)).toBe(false);
		// Past the 50 pages a number reaches: on from the 50th by cursor, and back to the first in one step.
		await page.goto(`/c/jinwei/proposals?q=${encodeURIComponent(word)}&page=50`);
		await shows(page, '第 50 頁', 980);
		await pager.getByRole('link', { name: '下一頁 →' }).click();
		await shows(page, '第 51 頁', 1_000);
		await pager.getByRole('link', { name: '下一頁 →' }).click();
		await expect(pager.getByText('第 52 頁', { exact: true })).toBeVisible();
		expect(await titles(page)).toEqual(Array.from({ length: 10 }, (_, i) => `${word} ${1_020 + i}`));
		await expect(pager.getByRole('link', { name: '下一頁 →' })).toHaveCount(0);
		await pager.getByRole('link', { name: '« 第一頁' }).click();
		await shows(page, '第 1 頁', 0);
		// A forged cursor is the first page, not an error.
		const response = await page.goto(`/c/jinwei/proposals?q=${encodeURIComponent(word)}&after=1e9.x&page=9`);
		expect(response!.status()).toBe(200);
		await shows(page, '第 1 頁', 0);
		await page.context().close();
	});
}
