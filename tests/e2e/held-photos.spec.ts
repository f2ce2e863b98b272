// Photos chosen on a form that comes back (a mistake in another field, or the similar-proposals step) are kept by
// the server: the form says which, and the next press sends them, without choosing them again.
import { resolve } from 'node:path';
import { expect, test } from './test';
import { expectAccessible, unique } from './helpers';
import { as } from './deliberation-fixture';

const fixture = (name: string) => resolve(process.cwd(), 'tests/fixtures', name);

test('without JavaScript: two photos chosen before the similar-proposals step are filed with the proposal', async ({ browser }) => {
	const author = await as(browser, 'resident4', { javaScriptEnabled: false });
	await author.goto('/c/jinwei/proposals/new');
	const title = `E2E 路燈太暗 照片 ${unique()}`;
	await author.getByLabel('標題', { exact: true }).fill(title);
	await author.getByLabel('類別', { exact: true }).selectOption({ label: '治安消防' });
	await author.getByLabel('詳細說明').fill('主路的路燈晚上很暗，附上兩張照片。');
	await author.getByLabel(/^照片/).setInputFiles([fixture('photo.jpg'), fixture('photo.png')]);
	await author.getByRole('button', { name: '提交議題' }).click();

	await expect(author.getByText('已有相似的議題，請先看看下面的列表。')).toBeVisible();
	await expect(author.getByText('已保留 2 張照片：photo.jpg、photo.png')).toBeVisible();
	await expect(author.getByText('為了安全，瀏覽器不會保留已選的照片，請再選一次。')).toHaveCount(0);
	// nothing is chosen in the field itself: the kept photos travel as the server's tokens
	await expect(author.locator('input[name="held-photos"]')).toHaveCount(2);
	await author.getByRole('button', { name: '提交議題' }).click();

	await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(author.getByRole('img', { name: /的照片 \d$/ })).toHaveCount(2);
	const types = [];
	for (const img of await author.getByRole('img', { name: /的照片 \d$/ }).all()) types.push((await author.request.get((await img.getAttribute('src'))!)).headers()['content-type']);
	expect(types).toEqual(['image/jpeg', 'image/png']);
});

test('a report with a mistake keeps its photo; the kept photo can be let go; the pages stay accessible', async ({ browser }) => {
	const resident = await as(browser, 'resident6');
	await resident.goto('/c/jinwei/reports/new');
	await resident.getByLabel('先選擇問題的類別').selectOption({ label: '垃圾清運' });
	await resident.getByRole('button', { name: '繼續' }).click();
	const text = `E2E 垃圾桶滿了 ${unique()}`;
	await resident.getByLabel('問題描述').fill(text);
	await resident.getByLabel('照片（最多 4 張）').setInputFiles([fixture('photo.jpg'), fixture('photo.webp')]);
	// a mistake: nothing about where
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('請寫下地點（例如樓棟、路口），或提供座標')).toBeVisible();
	await expect(resident.getByText('已保留 2 張照片：photo.jpg、photo.webp')).toBeVisible();
	await expect(resident.getByLabel('照片（最多 4 張）')).toHaveAttribute('aria-describedby', /f-photos-held/);
	await expectAccessible(resident);

	// another mistake, this time letting the photos go: they are no longer kept
	await resident.getByRole('checkbox', { name: '不要這些照片（送出時移除）' }).check();
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('請寫下地點（例如樓棟、路口），或提供座標')).toBeVisible();
	await expect(resident.getByText(/已保留 \d 張照片/)).toHaveCount(0);

	// choose one again, make the mistake once more, then file: the kept photo goes with the report
	await resident.getByLabel('照片（最多 4 張）').setInputFiles(fixture('photo.png'));
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('已保留 1 張照片：photo.png')).toBeVisible();
	await resident.getByLabel('地點', { exact: true }).fill('金韋花園 3 棟門口');
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('報告已提交，居委會會盡快分派。')).toBeVisible();
	await expect(resident.getByRole('img', { name: /照片 1/ })).toBeVisible();
	await expect(resident.getByRole('img', { name: /照片 2/ })).toHaveCount(0);

	// the new-proposal form with a photo kept (a body too short), with JavaScript, is accessible too
	const author = await as(browser, 'resident5');
	await author.goto('/c/jinwei/proposals/new');
	await author.getByLabel('標題', { exact: true }).fill(`E2E 照片保留 ${unique()}`);
	await author.getByLabel('類別', { exact: true }).selectOption({ label: '治安消防' });
	await author.getByLabel('詳細說明').fill('太短了');
	await author.getByLabel(/^照片/).setInputFiles(fixture('photo.jpg'));
	await author.getByRole('button', { name: '提交議題' }).click();
	await expect(author.getByText('詳細說明要 10 至 5,000 字。')).toBeVisible();
	await expect(author.getByText('已保留 1 張照片：photo.jpg')).toBeVisible();
	await expectAccessible(author);
});
