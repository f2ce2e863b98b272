// The form actions of 效果共評 and 社區評價, walked without JavaScript in nojs-ratings.spec.ts (and counted by the
// completeness check in nojs-reload.spec.ts), and the walk of a rating panel that pages with one share.
import { expect, type Page } from './test';
import type { Walk } from './nojs-walk';

export const RATINGS = [
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] rate',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] hideRating',
	'/c/[slug]/menus/[id=id]/projects/[projectId=id] restoreRating',
	'/c/[slug]/ratings openPeriod',
	'/c/[slug]/ratings/[id=id] rate',
	'/c/[slug]/ratings/[id=id] hideRating',
	'/c/[slug]/ratings/[id=id] restoreRating',
	'/c/[slug]/ratings/[id=id] close'
];
export const EVALUATIONS = [
	'/street/[slug]/evaluations/[period] snapshot',
	'/street/[slug]/evaluations/[period] awards',
	'/street/[slug]/evaluations/[period] publish',
	'/street/[slug]/evaluations/schemes create',
	'/street/[slug]/evaluations/schemes edit'
];

/** A resident rates the subject on `page` with a comment; the committee hides it, then shows it again. */
export async function rateAndModerate(walk: Walk, route: string, rater: Page, committee: Page, link: string, comment: string) {
	await rater.goto(link);
	const form = rater.locator('form[action="?/rate"]');
	await form.getByRole('group', { name: '整體評價' }).getByLabel('滿意', { exact: true }).check();
	await form.getByLabel('留言（選填）').fill(comment);
	await walk.step(rater, `${route} rate`, () => form.getByRole('button', { name: '送出評價' }).click(), {
		flash: '謝謝您的評價！',
		keep: [[rater.locator('.comments').getByText(comment), 1], [rater.getByRole('button', { name: '更新評價' }), 1]]
	});

	await committee.goto(link);
	const item = committee.locator('.comments > li').filter({ hasText: comment });
	await item.getByLabel('隱藏原因').fill('走訪：測試隱藏');
	await walk.step(committee, `${route} hideRating`, () => item.getByRole('button', { name: '隱藏留言' }).click(), {
		flash: '已隱藏留言，留言者會收到原因。',
		keep: [[item.getByText('居委會隱藏了這則留言，原因：走訪：測試隱藏'), 1]]
	});
	await walk.step(committee, `${route} restoreRating`, () => item.getByRole('button', { name: '恢復顯示' }).click(), {
		flash: '已恢復留言。',
		keep: [[item.getByText('居委會隱藏了這則留言'), 0]]
	});
}
