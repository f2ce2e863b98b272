// 吹哨派單 in the browser with JavaScript: a resident reports a problem with a photo; the committee dispatches it;
// 城管執法隊 sends it back three times and the street blows the whistle and names it the lead; it accepts and
// replies; the reporter says it is not fixed; it replies again; the reporter says fixed and rates the handling.
// Every page on the way is checked with axe; with DISPATCH_SHOTS=dir, screenshots at 390 and 1280 px are written.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { departments } from '../../src/lib/server/org/schema';
import { expect, test, workerDatabase, workerOrigin, type Browser, type Page } from './test';
import { expectAccessible, pageAs, unique } from './helpers';

const SHOTS = process.env.DISPATCH_SHOTS;

async function look(page: Page, name: string) {
	await expectAccessible(page);
	if (!SHOTS) return;
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function as(browser: Browser, who: string, path: string) {
	const page = await pageAs(browser, who);
	await page.goto(path);
	return page;
}

test('report → dispatch → three returns → whistle → lead → reply → not fixed → reply → fixed → rating', async ({ browser }) => {
	test.setTimeout(240_000);
	const tag = unique();
	const text = `JS ${tag}：3 棟門口的垃圾兩天沒收，味道很大。`;

	const resident = await pageAs(browser, 'resident1');
	await resident.goto('/c/jinwei/reports');
	await look(resident, 'reports-list');
	await resident.getByRole('link', { name: '報告問題' }).first().click();
	await resident.getByLabel('先選擇問題的類別').selectOption({ label: '垃圾清運' });
	await resident.getByRole('button', { name: '繼續' }).click();
	await expect(resident.getByLabel('問題描述')).toBeVisible();
	await look(resident, 'report-new');
	// a mistake first: nothing about where; what was typed stays
	await resident.getByLabel('問題描述').fill(text);
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('請寫下地點（例如樓棟、路口），或提供座標')).toBeVisible();
	await expect(resident.getByLabel('問題描述')).toHaveValue(text);
	await resident.getByLabel('地點', { exact: true }).fill('金韋花園 3 棟門口');
	await resident.getByLabel('照片（最多 4 張）').setInputFiles('tests/fixtures/photo.jpg');
	await resident.getByRole('button', { name: '提交報告' }).click();
	await expect(resident.getByText('報告已提交，居委會會盡快分派。')).toBeVisible();
	const report = new URL(resident.url()).pathname;
	await expect(resident.getByRole('img', { name: /照片 1/ })).toBeVisible();
	await look(resident, 'report-filed');

	const committee = await as(browser, 'committee1', '/c/jinwei/manage');
	await expect(committee.locator('#report-queue').getByText(text)).toBeVisible();
	await committee.goto(report);
	await look(committee, 'report-triage');
	const dept = await pageAs(browser, 'dept1');
	for (let i = 1; i <= 3; i++) {
		await committee.goto(report);
		await committee.getByRole('button', { name: '派給這個部門' }).click();
		await expect(committee.getByText('已派單，部門會收到通知。')).toBeVisible();
		await dept.goto(report);
		if (i === 1) await look(dept, 'report-department');
		await dept.getByLabel('退單原因（公開）').fill(`第 ${i} 次：不屬於本隊職責範圍。`);
		await dept.getByRole('button', { name: '退單', exact: true }).click();
		await expect(dept.getByText(i < 3 ? '已退單，居委會會重新派單。' : '已退單。這是第三次退單，報告已吹哨到街道。')).toBeVisible();
	}

	const street = await as(browser, 'street', '/street/pingxiangmen/dispatch');
	await expect(street.locator('#report-' + report.split('/').pop())).toBeVisible();
	await look(street, 'street-dispatch');
	await street.goto(report);
	await look(street, 'report-whistle');
	await street.getByRole('button', { name: '指定牽頭' }).click();
	await expect(street.getByText('已指定牽頭部門，部門會收到通知。')).toBeVisible();

	await dept.goto(`/street/pingxiangmen/departments/${departmentId()}`);
	await look(dept, 'department-queue');
	await dept.goto(report);
	await expect(dept.getByRole('button', { name: '退單', exact: true })).toHaveCount(0);
	await dept.getByRole('button', { name: '簽收', exact: true }).click();
	await expect(dept.getByText('已簽收，請在期限內辦理。')).toBeVisible();
	await dept.getByLabel('做了什麼').fill('已清運。');
	await dept.getByLabel('照片證明（最多 4 張）').setInputFiles('tests/fixtures/photo.png');
	await dept.getByRole('button', { name: '答覆，請提報人核查' }).click();
	await expect(dept.getByText('已答覆，等待提報人核查。')).toBeVisible();

	await resident.goto(report);
	await look(resident, 'report-verify');
	await resident.getByRole('button', { name: '還沒解決' }).click();
	await expect(resident.getByText('請說明哪裡還沒解決（至少 4 個字）')).toBeVisible();
	await resident.getByLabel('哪裡還沒解決？').fill('門口還有兩袋沒收走。');
	await resident.getByRole('button', { name: '還沒解決' }).click();
	await expect(resident.getByText('已退回給部門重新辦理。')).toBeVisible();

	await dept.goto(report);
	await dept.getByLabel('做了什麼').fill('剩下的兩袋也清走了，門口已沖洗。');
	await dept.getByRole('button', { name: '答覆，請提報人核查' }).click();
	await expect(dept.getByText('已答覆，等待提報人核查。')).toBeVisible();

	await resident.goto(report);
	await resident.getByRole('button', { name: '解決了' }).click();
	await expect(resident.getByText('謝謝核查，報告已辦結。歡迎評價辦理情況。')).toBeVisible();
	// rated in the ratings module, like a project: only the reporter sees the form
	await resident.getByRole('group', { name: '整體評價' }).getByRole('radio', { name: '滿意', exact: true }).check();
	await resident.getByRole('group', { name: '處理速度' }).getByRole('radio', { name: '基本滿意' }).check();
	await resident.getByRole('button', { name: '送出評價' }).click();
	await expect(resident.getByText('謝謝您的評價！')).toBeVisible();
	await expect(resident.getByText('提報人的評價：滿意')).toBeVisible();
	await look(resident, 'report-closed');

	// a visitor sees the whole history and never the reporter's name
	const visitor = await (await browser.newContext({ locale: 'zh-TW' })).newPage();
	await visitor.goto(report);
	await expect(visitor.getByText('提報人核實：已解決')).toBeVisible();
	await expect(visitor.getByText('王秀英')).toHaveCount(0);
	await expect(visitor.getByText('退單原因')).toHaveCount(0);
	await expect(visitor.locator('.timeline li')).toHaveCount(14);
	// the reporter's mark is public; the form is theirs alone
	await expect(visitor.getByText('提報人的評價：滿意')).toBeVisible();
	await expect(visitor.getByRole('button', { name: '送出評價' })).toHaveCount(0);
});

/** 城管執法隊's id in this worker's database. */
function departmentId(): number {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		return db.select().from(departments).where(eq(departments.name, '城管執法隊')).get()!.id;
	} finally {
		sqlite.close();
	}
}

test('the street’s settings page (keys, services, holidays, department systems) passes axe', async ({ browser }) => {
	const street = await as(browser, 'street', '/street/pingxiangmen/dispatch/settings');
	await expect(street.getByRole('heading', { level: 1, name: '吹哨派單設定' })).toBeVisible();
	await street.getByLabel('使用者（系統名稱）').fill(`axe ${unique()}`);
	await street.getByRole('button', { name: '建立金鑰' }).click();
	await expect(street.getByText('新的金鑰（只顯示這一次，請複製保存）：')).toBeVisible();
	await expect(street.locator('code.secret')).toHaveText(/^o311_[A-Za-z0-9_-]{43}$/);
	await look(street, 'dispatch-settings');
	await street.reload();
	await expect(street.locator('code.secret')).toHaveCount(0);
});

test('in English with large text, the report pages read well and pass axe', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	await context.addCookies([
		{ name: 'locale', value: 'en', url: workerOrigin() },
		{ name: 'textsize', value: 'large', url: workerOrigin() }
	]);
	const page = await context.newPage();
	await page.goto('/c/jinwei/reports');
	await expect(page.getByRole('heading', { level: 1, name: 'Problem reports' })).toBeVisible();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	await look(page, 'en-reports-list');
	await page.locator('main a[href^="/c/jinwei/reports/"]').filter({ hasText: /#\d+/ }).first().click();
	await expect(page.getByRole('heading', { level: 2, name: 'What has happened' })).toBeVisible();
	await look(page, 'en-report');
});
