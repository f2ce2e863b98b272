// The no-JavaScript reload walk of 吹哨派單 (see nojs-walk.ts): a new resident files a report, a neighbour follows
// it, the committee reclassifies and dispatches it, 城管執法隊 sends it back three times, the street names it the
// lead, it accepts, posts progress and replies; the reporter checks it and rates the handling. Two more reports
// are closed at triage and fixed on the spot by the grid worker.
import { unique } from './helpers';
import { newPeople, noJs, Walk } from './nojs-walk';
import { expect, type Browser, type Page } from './test';

export const DISPATCH = [
	'/c/[slug]/reports/new default',
	'/c/[slug]/reports/[id=id] follow',
	'/c/[slug]/reports/[id=id] reclassify',
	'/c/[slug]/reports/[id=id] dispatch',
	'/c/[slug]/reports/[id=id] close',
	'/c/[slug]/reports/[id=id] onSpot',
	'/c/[slug]/reports/[id=id] accept',
	'/c/[slug]/reports/[id=id] return',
	'/c/[slug]/reports/[id=id] progress',
	'/c/[slug]/reports/[id=id] reply',
	'/c/[slug]/reports/[id=id] lead',
	'/c/[slug]/reports/[id=id] verify',
	'/c/[slug]/reports/[id=id] rate'
];

/** Files a report through the form (without a walk step) and returns its address. */
async function fileOne(page: Page, text: string): Promise<string> {
	await page.goto('/c/jinwei/reports/new?service=garbage');
	await page.getByLabel('問題描述').fill(text);
	await page.getByLabel('地點', { exact: true }).fill('金韋花園 2 棟');
	await page.getByRole('button', { name: '提交報告' }).click();
	await expect(page).toHaveURL(/\/c\/jinwei\/reports\/\d+$/);
	return new URL(page.url()).pathname;
}

export async function walkDispatch(browser: Browser) {
	const walk = new Walk('dispatch', DISPATCH);
	const tag = unique();
	const [reporter, neighbour] = newPeople(tag, ['提報人', '鄰居'], { resident: true });

	const r1 = await noJs(browser, reporter.username);
	await r1.goto('/c/jinwei/reports/new');
	await r1.getByLabel('先選擇問題的類別').selectOption({ label: '垃圾清運' });
	await r1.getByRole('button', { name: '繼續' }).click();
	await r1.getByLabel('問題描述').fill(`走訪 ${tag}：2 棟門口的垃圾三天沒收。`);
	await r1.getByLabel('地點', { exact: true }).fill('金韋花園 2 棟門口');
	await walk.step(r1, '/c/[slug]/reports/new default', () => r1.getByRole('button', { name: '提交報告' }).click(), {
		flash: '報告已提交，居委會會盡快分派。辦理的每一步都會通知你。',
		keep: [[r1.getByText(`走訪 ${tag}：2 棟門口的垃圾三天沒收。`), 1]]
	});
	const report = new URL(r1.url()).pathname;

	const r2 = await noJs(browser, neighbour.username);
	await r2.goto(report);
	await walk.step(r2, '/c/[slug]/reports/[id=id] follow', () => r2.getByRole('button', { name: '關注這份報告' }).click(), {
		flash: '已關注，辦理的每一步都會通知你。',
		shows: r2.getByText('你在關注這份報告。')
	});
	await r2.context().close();

	const committee = await noJs(browser, 'committee1');
	await committee.goto(report);
	await committee.getByLabel('網格（可選）').selectOption({ label: '第一網格（金韋花園）' });
	await walk.step(committee, '/c/[slug]/reports/[id=id] reclassify', () => committee.getByRole('button', { name: '儲存' }).click(), {
		flash: '已重新歸類。',
		shows: committee.getByText('第一網格（金韋花園）', { exact: true }).first()
	});
	await walk.step(committee, '/c/[slug]/reports/[id=id] dispatch', () => committee.getByRole('button', { name: '派給這個部門' }).click(), {
		flash: '已派單，部門會收到通知。',
		keep: [[committee.getByRole('button', { name: '派給這個部門' }), 0]]
	});

	const dept = await noJs(browser, 'dept1');
	const sendBack = async (reason: string) => {
		await dept.goto(report);
		await dept.getByLabel('退單原因（公開）').fill(reason);
	};
	await sendBack('不屬於本隊職責範圍，請轉物業。');
	await walk.step(dept, '/c/[slug]/reports/[id=id] return', () => dept.getByRole('button', { name: '退單', exact: true }).click(), {
		flash: '已退單，居委會會重新派單。',
		keep: [[dept.getByRole('button', { name: '退單', exact: true }), 0]]
	});
	// twice more: the third return blows the whistle
	for (const reason of ['物業說要城管處理，我們仍認為不屬本隊。', '請街道協調牽頭部門。']) {
		await committee.goto(report);
		await committee.getByRole('button', { name: '派給這個部門' }).click();
		await expect(committee.getByText('已派單，部門會收到通知。')).toBeVisible();
		await sendBack(reason);
		await dept.getByRole('button', { name: '退單', exact: true }).click();
	}
	await expect(dept.getByText('已退單。這是第三次退單，報告已吹哨到街道。')).toBeVisible();

	const street = await noJs(browser, 'street');
	await street.goto(report);
	await walk.step(street, '/c/[slug]/reports/[id=id] lead', () => street.getByRole('button', { name: '指定牽頭' }).click(), {
		flash: '已指定牽頭部門，部門會收到通知。',
		keep: [[street.getByRole('button', { name: '指定牽頭' }), 0]]
	});
	await street.context().close();

	await dept.goto(report);
	await expect(dept.getByText('街道已指定你們牽頭辦理，不能退單。')).toBeVisible();
	await walk.step(dept, '/c/[slug]/reports/[id=id] accept', () => dept.getByRole('button', { name: '簽收', exact: true }).click(), {
		flash: '已簽收，請在期限內辦理。',
		keep: [[dept.getByRole('button', { name: '簽收', exact: true }), 0]]
	});
	await dept.getByLabel('進展（公開）').fill('已聯繫物業和環衛，明早清運。');
	await walk.step(dept, '/c/[slug]/reports/[id=id] progress', () => dept.getByRole('button', { name: '發佈' }).click(), {
		flash: '進展已發佈。',
		keep: [[dept.getByText('已聯繫物業和環衛，明早清運。'), 1]]
	});
	await dept.getByLabel('做了什麼').fill('垃圾已全部清走，門口已沖洗。');
	await walk.step(dept, '/c/[slug]/reports/[id=id] reply', () => dept.getByRole('button', { name: '答覆，請提報人核查' }).click(), {
		flash: '已答覆，等待提報人核查。',
		keep: [[dept.getByText('垃圾已全部清走，門口已沖洗。'), 1]]
	});
	await dept.context().close();

	await r1.goto(report);
	await walk.step(r1, '/c/[slug]/reports/[id=id] verify', () => r1.getByRole('button', { name: '解決了' }).click(), {
		flash: '謝謝核查，報告已辦結。歡迎評價辦理情況。',
		keep: [[r1.getByRole('button', { name: '解決了' }), 0]]
	});
	await r1.getByRole('group', { name: '整體評價' }).getByRole('radio', { name: '基本滿意' }).check();
	await walk.step(r1, '/c/[slug]/reports/[id=id] rate', () => r1.getByRole('button', { name: '送出評價' }).click(), {
		flash: '謝謝您的評價！',
		shows: r1.getByText('提報人的評價：基本滿意')
	});

	// Closed at triage with a public reason …
	const toClose = await fileOne(r1, `走訪 ${tag}：不用處理的報告。`);
	await committee.goto(toClose);
	await committee.getByLabel('原因', { exact: true }).selectOption({ label: '無需處理' });
	await committee.getByLabel('向居民說明（公開）').fill('物業已自行清理，無需派單。');
	await walk.step(committee, '/c/[slug]/reports/[id=id] close', () => committee.getByRole('button', { name: '辦結', exact: true }).click(), {
		flash: '報告已辦結，原因已公開。',
		shows: committee.getByText('無需處理：物業已自行清理，無需派單。')
	});
	await committee.context().close();

	// … and fixed on the spot by the grid worker.
	const toFix = await fileOne(r1, `走訪 ${tag}：樓道口的小垃圾。`);
	await r1.context().close();
	const grid = await noJs(browser, 'grid1');
	await grid.goto(toFix);
	await grid.getByLabel('做了什麼').fill('巡查時已順手清走。');
	await walk.step(grid, '/c/[slug]/reports/[id=id] onSpot', () => grid.getByRole('button', { name: '已就地解決' }).click(), {
		flash: '已就地解決，等待提報人核查。',
		keep: [[grid.getByText('巡查時已順手清走。'), 1]]
	});
	await grid.context().close();
	walk.done();
}

export const DISPATCH_SETTINGS = [
	'/street/[slug]/dispatch/settings createKey',
	'/street/[slug]/dispatch/settings revokeKey',
	'/street/[slug]/dispatch/settings holidays',
	'/street/[slug]/dispatch/settings createService',
	'/street/[slug]/dispatch/settings updateService',
	'/street/[slug]/dispatch/settings addQuestion',
	'/street/[slug]/dispatch/settings removeQuestion',
	'/street/[slug]/dispatch/settings webhook'
];

/** Street staff keep the catalogue: an API key made (shown once) and revoked, holidays, a service and its question, a webhook. */
export async function walkDispatchSettings(browser: Browser) {
	const walk = new Walk('dispatch settings', DISPATCH_SETTINGS);
	const tag = unique();
	const page = await noJs(browser, 'street');
	const settings = '/street/pingxiangmen/dispatch/settings';
	await page.goto(settings);

	await page.getByLabel('使用者（系統名稱）').fill(`走訪系統${tag}`);
	await walk.step(page, '/street/[slug]/dispatch/settings createKey', () => page.getByRole('button', { name: '建立金鑰' }).click(), {
		flash: 'API 金鑰已建立，請立即複製，之後不會再顯示。',
		keep: [[page.getByRole('button', { name: `停用「走訪系統${tag}」` }), 1]]
	});
	await walk.step(page, '/street/[slug]/dispatch/settings revokeKey', () => page.getByRole('button', { name: `停用「走訪系統${tag}」` }).click(), {
		flash: 'API 金鑰已停用。',
		keep: [[page.getByRole('button', { name: `停用「走訪系統${tag}」` }), 0]]
	});

	await page.getByLabel('假期（每行一個日期，如 2026-10-01）').fill('2026-12-25\n2027-01-01');
	await walk.step(page, '/street/[slug]/dispatch/settings holidays', () => page.getByRole('button', { name: '儲存假期' }).click(), {
		flash: '假期表已儲存。',
		shows: page.getByLabel('假期（每行一個日期，如 2026-10-01）')
	});
	await expect(page.getByLabel('假期（每行一個日期，如 2026-10-01）')).toHaveValue('2026-12-25\n2027-01-01');

	const code = `walk${tag}`.slice(0, 30).toLowerCase();
	const add = page.locator('form[action="?/createService"]');
	await add.getByLabel('代碼（Open311 service_code）').fill(code);
	await add.getByLabel('名稱（繁體）').fill(`電梯${tag}`);
	await add.getByLabel('名稱（简体）').fill(`电梯${tag}`);
	await add.getByLabel('名稱（English）').fill(`Lift ${tag}`);
	await add.getByLabel('分組').selectOption('building');
	await add.getByLabel('期限類別').selectOption('urgent');
	await walk.step(page, '/street/[slug]/dispatch/settings createService', () => add.getByRole('button', { name: '新增', exact: true }).click(), {
		flash: '服務類別已新增。',
		keep: [[page.getByText(`電梯${tag}`, { exact: true }), 1]]
	});

	const item = page.locator('li').filter({ has: page.getByText(code, { exact: true }) });
	await item.locator('summary').click();
	await item.getByLabel('名稱（繁體）').fill(`電梯故障${tag}`);
	await walk.step(page, '/street/[slug]/dispatch/settings updateService', () => item.getByRole('button', { name: '儲存', exact: true }).click(), {
		flash: '服務類別已儲存。',
		keep: [[page.getByText(`電梯故障${tag}`, { exact: true }), 1]]
	});
	const edited = page.locator('li').filter({ has: page.getByText(code, { exact: true }) });
	await edited.locator('summary').click();
	await edited.getByLabel('代碼', { exact: true }).fill('floor');
	await edited.getByLabel('問題', { exact: true }).fill('在第幾層？');
	await edited.getByLabel('類型').selectOption('number');
	// the service's questions fold away in its <details>: counted whether open or not
	const removeButton = page.locator('button', { hasText: '刪除問題「floor」' });
	await walk.step(page, '/street/[slug]/dispatch/settings addQuestion', () => edited.getByRole('button', { name: '新增問題' }).click(), {
		flash: '問題已新增。',
		keep: [[removeButton, 1]]
	});
	await page.locator('li').filter({ has: page.getByText(code, { exact: true }) }).locator('summary').click();
	await walk.step(page, '/street/[slug]/dispatch/settings removeQuestion', () => removeButton.click(), {
		flash: '問題已刪除。',
		keep: [[removeButton, 0]]
	});

	await page.getByLabel('住建局的系統網址').fill(`https://zj.example/${tag}`);
	await walk.step(page, '/street/[slug]/dispatch/settings webhook', () => page.locator('form', { has: page.getByLabel('住建局的系統網址') }).getByRole('button', { name: '儲存網址' }).click(), {
		flash: '部門系統地址已儲存。'
	});
	await expect(page.getByLabel('住建局的系統網址')).toHaveValue(`https://zj.example/${tag}`);
	await page.context().close();
	walk.done();
}
