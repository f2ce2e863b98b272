import { test, expect } from './test';
import { expectAccessible, pageAs, unique } from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test(`a resident asks, the committee answers in the thread (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		const token = unique();
		const question = `晚上幾點後不能充電？${token}`;
		const reply = `晚上十點後停車場只供居民車輛使用，充電照常。${token}`;
		const resident = await pageAs(browser, 'resident3', { javaScriptEnabled });
		await resident.goto('/c/jinwei/consultations');
		await resident.getByRole('link', { name: '商業街停車場夜間錯峰共享' }).click();
		await resident.waitForURL(/\/consultations\/\d+$/);
		const threadUrl = resident.url();
		await resident.getByRole('radio', { name: '提問' }).first().check();
		await resident.getByLabel('您的意見').fill(question);
		await resident.getByRole('button', { name: '發表意見' }).click();
		await expect(resident.getByText(question)).toBeVisible();

		const committee = await pageAs(browser, 'committee1', { javaScriptEnabled });
		await committee.goto(threadUrl);
		const asked = committee.locator('article.comment').filter({ hasText: question }).first();
		await expect(asked.getByRole('radio')).toHaveCount(0); // no stance to choose when answering as the committee
		await asked.locator('summary', { hasText: '回覆' }).click();
		await asked.getByRole('textbox').fill(reply);
		await asked.getByRole('button', { name: '回覆', exact: true }).click();

		await resident.goto(threadUrl);
		const answer = resident.locator('article.comment.reply').filter({ hasText: reply });
		await expect(answer).toContainText('居委會回覆');
		await expect(answer).toContainText('林淑芬');
		if (javaScriptEnabled) await expectAccessible(resident);
		await resident.goto('/inbox');
		await expect(resident.getByText('林淑芬（金韋居委會） 回覆了您在「商業街停車場夜間錯峰共享」的留言。').first()).toBeVisible();
		await resident.context().close();
		await committee.context().close();
	});
}
