// Shared steps of the deliberation end-to-end tests.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { expect, workerDatabase, type Browser, type Page } from './test';
import { pageAs, postForm } from './helpers';

let address = 0;
/** Signed in as `username`, speaking from an address of its own (so per-address limits stay per test). */
export async function as(browser: Browser, username: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const page = await pageAs(browser, username, options);
	address++;
	await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': `10.${process.pid % 250}.${(address >> 8) % 250}.${address % 250}` });
	return page;
}

/** Files a proposal through the form; returns its path. Accepts the similar-proposals step if it appears. */
export async function propose(page: Page, fields: { title: string; body: string; category: string; location?: string; photos?: string[] }) {
	await page.goto('/c/jinwei/proposals/new');
	await page.getByLabel('標題', { exact: true }).fill(fields.title);
	await page.getByLabel('類別', { exact: true }).selectOption({ label: fields.category });
	if (fields.location) await page.getByLabel('地點（選填）').fill(fields.location);
	await page.getByLabel('詳細說明').fill(fields.body);
	if (fields.photos) await page.getByLabel(/^照片/).setInputFiles(fields.photos);
	await page.getByRole('button', { name: '提交議題' }).click();
	// Similar open proposals may be shown first; then the next press files it.
	const filed = page.getByRole('heading', { level: 1, name: fields.title });
	const similar = page.getByText('已有相似的議題');
	await expect(filed.or(similar)).toBeVisible();
	if (await similar.isVisible()) {
		// A browser never keeps chosen files across a page: the server holds them, and the field says so.
		if (fields.photos?.length) await expect(page.getByText(`已保留 ${fields.photos.length} 張照片`)).toBeVisible();
		await page.getByRole('button', { name: '提交議題' }).click();
	}
	await expect(filed).toBeVisible();
	return new URL(page.url()).pathname;
}

/**
 * Each of `usernames` signs in and seconds the proposal. The last one opens the page and presses the button; the
 * others post the same form straight away (what the button sends), which spares a page each on a busy machine.
 */
export async function secondAs(browser: Browser, path: string, usernames: string[], options: { javaScriptEnabled?: boolean } = {}) {
	for (const [i, username] of usernames.entries()) {
		const page = await as(browser, username, options);
		if (i < usernames.length - 1) await postForm(page, path, 'second');
		else {
			await page.goto(path);
			await page.getByRole('button', { name: '附議', exact: true }).click();
			await expect(page.getByText('您已附議這個議題。')).toBeVisible();
		}
		await page.context().close();
	}
}

/**
 * `n` withdrawn proposals in 金緯 titled `{word} 0` … `{word} n-1`, newest first, a minute apart and a year old, written
 * straight into this worker's database: enough for a search to pass the count's cap, and out of the way of other
 * tests (withdrawn, so never "similar" or live; old, so after everything else in the newest-first list).
 */
export function manyProposals(word: string, n: number) {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		const at = Date.now() - 365 * 24 * 3_600_000;
		db.run(sql`with recursive i(n) as (select 0 union all select n + 1 from i where n + 1 < ${n})
			insert into proposals (community_id, author_id, title, body, category, state, withdrawn_at, created_at, updated_at)
			select (select id from communities where slug = 'jinwei'), (select id from users where username = 'resident1'),
				${word} || ' ' || n, '翻頁測試用的議題，第 ' || n || ' 個。', 'other', 'withdrawn', ${at}, ${at} - n * 60000, ${at} from i`);
	} finally {
		sqlite.close();
	}
}
