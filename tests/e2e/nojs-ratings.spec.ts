// 效果共評 and 社區評價 without JavaScript: every form posts once through its real form, answers with a redirect
// to a GET page, and reloading that page sends nothing again (see nojs-walk.ts). The action lists are in
// nojs-ratings-actions.ts, where the completeness check of nojs-reload.spec.ts counts them. (axe needs
// JavaScript in the page: evaluations.spec.ts checks these pages.)
import { expect, test } from './test';
import { unique } from './helpers';
import { noJs, today, Walk } from './nojs-walk';
import { EVALUATIONS, RATINGS, rateAndModerate } from './nojs-ratings-actions';
import { newEvaluationStreet, newJinweiResidents, openJinweiSubjects } from './evaluations-fixture';

test.describe.configure({ mode: 'parallel' });

test('ratings: a project and 物業 rated and moderated; a 物業 period opened and closed', async ({ browser }) => {
	test.setTimeout(300_000);
	const walk = new Walk('ratings', RATINGS);
	const tag = unique();
	const [first, second] = newJinweiResidents(tag, 2);
	const { projects, property } = openJinweiSubjects();
	const committee = await noJs(browser, 'committee1');

	const r1 = await noJs(browser, first);
	// the project with fewer answers: the JavaScript spec counts the other
	await rateAndModerate(walk, '/c/[slug]/menus/[id=id]/projects/[projectId=id]', r1, committee, projects[1], `走訪項目留言 ${tag}`);
	const r2 = await noJs(browser, second);
	await rateAndModerate(walk, '/c/[slug]/ratings/[id=id]', r2, committee, property, `走訪物業留言 ${tag}`);

	// street staff open a 物業 period in 鳳凰山 from today, then close it early
	const staff = await noJs(browser, 'street');
	await staff.goto('/c/fenghuangshan/ratings');
	await staff.getByLabel('名稱', { exact: true }).fill(`走訪物業評價 ${tag}`);
	await staff.getByLabel('第一天').fill(today());
	await walk.step(staff, '/c/[slug]/ratings openPeriod', () => staff.getByRole('button', { name: '開放評價並邀請居民' }).click(), {
		flash: '物業評價已開放，已邀請本社區居民參與。',
		keep: [[staff.getByRole('heading', { level: 1, name: `走訪物業評價 ${tag}` }), 1]]
	});
	await walk.step(staff, '/c/[slug]/ratings/[id=id] close', () => staff.getByRole('button', { name: '提前結束評價' }).click(), {
		flash: '物業評價已提前結束。',
		keep: [[staff.getByText('居委會已提前結束這次評價。'), 1], [staff.getByRole('button', { name: '提前結束評價' }), 0]]
	});
	for (const p of [committee, r1, r2, staff]) await p.context().close();
	walk.done();
});

test('evaluations: a period computed, rewarded and published; a new scheme version', async ({ browser }) => {
	test.setTimeout(300_000);
	const walk = new Walk('evaluations', EVALUATIONS);
	const at = newEvaluationStreet(unique());
	const staff = await noJs(browser, 'street');
	await staff.goto(`/street/${at.slug}/evaluations/${at.periodKey}`);
	await walk.step(staff, '/street/[slug]/evaluations/[period] snapshot', () => staff.getByRole('button', { name: '重新計算' }).click(), {
		flash: '已計算這個評價期的結果。',
		keep: [[staff.getByText('這是草稿，只有街道工作人員看得到；發布後才公開。'), 1]]
	});
	await staff.getByLabel('獎勵池（元）').fill('50000');
	await staff.getByLabel('每個社區保底（元）').fill('10000');
	await staff.getByLabel('每個社區上限（元）').fill('60000');
	await walk.step(staff, '/street/[slug]/evaluations/[period] awards', () => staff.getByRole('button', { name: '按得分分配' }).click(), {
		flash: '已按分數分配獎勵金額。',
		keep: [[staff.getByRole('cell', { name: '¥50,000.00' }), 1]]
	});
	await walk.step(staff, '/street/[slug]/evaluations/[period] publish', () => staff.getByRole('button', { name: '發布', exact: true }).click(), {
		flash: '評價已公布，之後不會再改變。',
		keep: [[staff.getByRole('button', { name: '發布', exact: true }), 0]]
	});

	await staff.goto(`/street/${at.slug}/evaluations/schemes`);
	await staff.getByLabel('修改說明').fill('走訪：下一季起提高滿意度目標。');
	await walk.step(staff, '/street/[slug]/evaluations/schemes create', () => staff.getByRole('button', { name: '儲存並通知各居委會' }).click(), {
		flash: '新版本已儲存，並已通知各社區居委會。',
		keep: [[staff.getByRole('heading', { name: '方案第 2 版' }), 1]]
	});
	await expect(staff.locator('.note', { hasText: '走訪：下一季起提高滿意度目標。' })).toBeVisible();
	// the new version has not started: it can still change; weights that do not add up are refused beside the form
	await staff.locator('summary', { hasText: '修改第 2 版' }).click();
	const edit = staff.locator('details.edit form');
	const weight = edit.getByRole('group', { name: '居民滿意度' }).getByLabel('權重（%）');
	const kept = await weight.inputValue();
	await weight.fill(String(Number(kept) - 7));
	await edit.getByLabel('修改說明').fill('走訪：滿意度目標改為 85%。');
	await edit.getByRole('button', { name: '儲存修改' }).click();
	await expect(staff.locator('details.edit p.error')).toHaveText('使用的指標權重加起來要等於 100。');
	await expect(staff.locator('details.edit form').getByLabel('修改說明')).toHaveValue('走訪：滿意度目標改為 85%。');
	await staff.locator('details.edit form').getByRole('group', { name: '居民滿意度' }).getByLabel('權重（%）').fill(kept);
	await walk.step(staff, '/street/[slug]/evaluations/schemes edit', () => staff.locator('details.edit form').getByRole('button', { name: '儲存修改' }).click(), {
		flash: '已修改這一版，並已通知各社區居委會。',
		keep: [[staff.locator('.note', { hasText: '走訪：滿意度目標改為 85%。' }), 1]]
	});
	await staff.context().close();
	walk.done();
});
