// 決策共謀 and 協商議事 end to end, with JavaScript: a resident proposes, ten neighbours second it, the
// committee takes it to consultation, residents discuss and report, the committee hides, locks and closes
// with a resolution, and the author's inbox says so.
import { expect, test } from './test';
import { resolve } from 'node:path';
import { expectAccessible, openDetails, unique } from './helpers';
import { as, propose, secondAs } from './deliberation-fixture';

test('propose → 10 seconds → consultation → discussion and moderation → resolution in the inbox', async ({ browser }) => {
	test.setTimeout(240_000);
	const title = `E2E 屋頂漏水 ${unique()}`;

	// The author sees similar open proposals while typing the title, then files anyway.
	const author = await as(browser, 'resident1');
	await author.goto('/c/jinwei/proposals/new');
	await expectAccessible(author);
	await author.getByLabel('標題', { exact: true }).fill(title);
	await expect(author.getByRole('heading', { name: '這些議題可能和您的一樣' })).toBeVisible();
	await expect(author.getByRole('link', { name: '韋園新村 12 棟屋頂漏水' })).toBeVisible();
	const photos = ['photo.jpg', 'photo.png'].map((f) => resolve(process.cwd(), 'tests/fixtures', f));
	const path = await propose(author, { title, category: '設施維修', location: '韋園新村 12 棟', body: '頂樓**一下雨**就漏水，天花板發霉。\n\n<script>alert(1)</script>', photos });
	await expect(author.getByRole('img', { name: /的照片 \d$/ })).toHaveCount(2);
	await expect(author.getByText('徵集附議')).toBeVisible();
	await expect(author.locator('.prose strong', { hasText: '一下雨' })).toBeVisible();
	await expect(author.getByText('<script>alert(1)</script>')).toBeVisible(); // shown as text, never run
	await expect(author.getByText('這是您提出的議題。')).toBeVisible();
	await expectAccessible(author);

	// Ten verified neighbours second it; at the tenth it waits for the committee.
	await secondAs(browser, path, ['neighbor01', 'neighbor02', 'neighbor03', 'neighbor04', 'neighbor05', 'neighbor06', 'neighbor07', 'neighbor08', 'neighbor09']);
	await author.reload();
	await expect(author.getByText('還差 1 人附議就達到 10 人門檻')).toBeVisible();
	await secondAs(browser, path, ['neighbor10']);
	await author.reload();
	await expect(author.getByText('等待居委會回應').first()).toBeVisible();
	await expect(author.getByText(/居委會須在 14 天內回應/)).toBeVisible();
	// Editing is closed once neighbours have seconded.
	await author.goto(`${path}/edit`);
	await expect(author.getByText('已經有鄰居附議，議題不能再修改。')).toBeVisible();

	// The committee finds it in its queue and opens a consultation from it.
	const committee = await as(browser, 'committee1');
	await committee.goto('/c/jinwei/manage');
	await expectAccessible(committee);
	const item = committee.locator('#proposal-queue > ul > li').filter({ has: committee.getByRole('heading', { name: title }) });
	await item.locator('summary', { hasText: `回應「${title}」` }).click();
	await item.getByRole('link', { name: '開啟協商' }).click();
	await expect(committee.getByLabel('協商主題')).toHaveValue(title);
	await expectAccessible(committee);
	const topic = `E2E 協商 ${title}`;
	await committee.getByLabel('協商主題').fill(topic);
	await committee.getByRole('button', { name: '開啟協商' }).click();
	await expect(committee.getByRole('heading', { level: 1 })).toHaveText(topic);
	const thread = new URL(committee.url()).pathname;
	await expectAccessible(committee);

	// Residents comment with a stance, reply, and one writes something nasty.
	const commentAs = async (username: string, stance: string, body: string) => {
		const page = await as(browser, username);
		await page.goto(thread);
		const form = page.locator('form[action="?/comment"]').first();
		await form.getByRole('radio', { name: stance, exact: true }).check();
		await form.getByLabel('您的意見').fill(body);
		await form.getByRole('button', { name: '發表意見' }).click();
		await expect(page.locator('article', { hasText: body })).toBeVisible();
		return page;
	};
	const r2 = await commentAs('resident2', '贊成', '支持盡快用維修基金修屋頂。');
	const first = r2.locator('article', { hasText: '支持盡快用維修基金修屋頂。' });
	const r3 = await commentAs('resident3', '提問', '維修基金夠不夠用？');
	await r3.locator('article', { hasText: '支持盡快用維修基金修屋頂。' }).locator('summary', { hasText: '回覆' }).click();
	const replyForm = r3.locator('article', { hasText: '支持盡快用維修基金修屋頂。' }).locator('form[action="?/comment"]');
	await replyForm.getByLabel('回覆內容').fill('同意，雨季快到了。');
	await replyForm.getByRole('button', { name: '回覆' }).click();
	await expect(r3.locator('article.reply', { hasText: '同意，雨季快到了。' })).toBeVisible();
	const r4 = await commentAs('resident4', '反對', '出這種主意的人腦子有問題');
	await expect(r4.getByText('贊成').first()).toBeVisible();
	await expectAccessible(r4);

	// Two neighbours report the nasty comment (one report each).
	for (const username of ['resident5', 'resident6']) {
		const page = await as(browser, username);
		await page.goto(thread);
		const nasty = page.locator('article', { hasText: '出這種主意的人腦子有問題' });
		await openDetails(nasty.locator('summary', { hasText: '檢舉' }), nasty.getByRole('radio', { name: '攻擊或冒犯' }));
		await nasty.getByRole('radio', { name: '攻擊或冒犯' }).check();
		await nasty.getByRole('button', { name: '送出檢舉' }).click();
		await expect(page.locator('article', { hasText: '出這種主意的人腦子有問題' }).getByText('您已檢舉')).toBeVisible();
		await page.context().close();
	}

	// The committee sees the reports, hides the comment with a reason, pins a summary and locks the thread.
	await committee.reload();
	const nasty = committee.locator('article', { hasText: '出這種主意的人腦子有問題' });
	await expect(nasty.getByText('未處理的檢舉：2 次')).toBeVisible();
	await nasty.locator('summary', { hasText: '隱藏' }).click();
	await nasty.getByLabel('隱藏原因').fill('含人身攻擊，請就事論事');
	await nasty.getByRole('button', { name: '隱藏留言' }).click();
	await expect(committee.getByText('這則留言已被居委會隱藏。原因：含人身攻擊，請就事論事')).toBeVisible();
	await committee.locator('summary', { hasText: '置頂討論摘要' }).click();
	await committee.getByLabel('摘要').fill('多數居民支持用維修基金修屋頂，關注點是基金是否足夠。');
	await committee.getByRole('button', { name: '儲存摘要' }).click();
	await expect(committee.getByRole('heading', { name: '居委會的討論摘要' })).toBeVisible();
	await committee.getByRole('button', { name: '暫停留言' }).click();
	await expect(committee.getByText('已暫停留言').first()).toBeVisible();

	// Readers see the reason in place of the comment; the author of it is told why; nobody can comment now.
	await r4.reload();
	await expect(r4.getByText('這則留言已被居委會隱藏。原因：含人身攻擊，請就事論事')).toBeVisible();
	await expect(r4.getByText('這是您的留言，只有您和居委會看得到內容。')).toBeVisible();
	await expect(r4.getByText('居委會已暫停這個協商的留言。')).toBeVisible();
	await expect(r4.locator('form[action="?/comment"]')).toHaveCount(0);
	await r4.goto('/inbox');
	await expect(r4.getByText(`您在「${topic}」的留言被居委會隱藏。原因：含人身攻擊，請就事論事`)).toBeVisible();
	await r2.reload();
	// the hidden comment's stance no longer counts
	await expect(r2.getByRole('heading', { name: '居民立場（2 人表態）' })).toBeVisible();

	// The committee closes it with the resolution, which the proposal then shows.
	await committee.locator('summary', { hasText: '結束協商並公布決議' }).click();
	await committee.getByLabel('決議內容').fill('**決議**：動用維修基金修繕 12 棟屋頂防水層，雨季前完工。');
	await committee.locator('form[action="?/close"]').getByRole('button').click();
	await expect(committee.getByRole('heading', { name: '決議', exact: true })).toBeVisible();
	await expect(committee.getByText('已結束').first()).toBeVisible();
	await author.goto(path);
	await expect(author.getByText('已進入協商').first()).toBeVisible();
	await expect(author.locator('.resolution strong', { hasText: '決議' })).toBeVisible();

	// The author's inbox: qualified, taken to consultation, closed with a resolution; mark all read.
	await author.goto('/inbox');
	await expect(author.getByText(`您的議題「${title}」已有 10 人附議，達到門檻，居委會將在期限內回應。`)).toBeVisible();
	await expect(author.getByText(`您的議題「${title}」已進入協商，歡迎參與討論。`)).toBeVisible();
	const resolved = author.getByRole('button', { name: new RegExp(`您參與的協商「${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」已結束並公布決議`) });
	await expect(resolved).toBeVisible();
	await expectAccessible(author);
	await resolved.click();
	await expect(author).toHaveURL(new RegExp(`${thread}$`));
	await author.goto('/inbox');
	await author.getByRole('button', { name: '全部標為已讀' }).click();
	await expect(author.getByRole('button', { name: '全部標為已讀' })).toHaveCount(0);
});
