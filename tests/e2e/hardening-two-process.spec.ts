// Two server processes on one database file, as a street office might run them behind a proxy: one voter's
// 100 parallel ballots, split across both, end as one ballot with no 5xx (write transactions begin IMMEDIATE).
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, workerDatabase, workerOrigin, workerPort, type APIRequestContext } from './test';
import { menuForm, pageAs, unique } from './helpers';
import { openDatabase } from '../../src/lib/server/db/client';
import { ballots } from '../../src/lib/server/menus/schema';
import { eq } from 'drizzle-orm';

/** A second server on this worker's database, on a port of its own; it answers before the test goes on. */
async function secondServer(): Promise<{ origin: string; stop(): void }> {
	const port = workerPort() + 50;
	const origin = `http://localhost:${port}`;
	const child: ChildProcess = spawn('node', [process.env.BUILD_DIR ?? 'build'], {
		stdio: 'ignore',
		env: { ...process.env, PORT: String(port), ORIGIN: origin, DATABASE_URL: workerDatabase(), ADDRESS_HEADER: 'x-forwarded-for', BODY_SIZE_LIMIT: '40M' }
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${origin}/`)).ok) return { origin, stop: () => child.kill('SIGTERM') };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error('the second server did not start');
}

/** A form post as a browser without JavaScript sends it, to `origin` (each server checks its own origin). */
const post = (request: APIRequestContext, origin: string, path: string, form: Record<string, string>) =>
	request.post(`${origin}${path}`, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });

test('100 parallel ballots from one voter across two server processes: one ballot, no 5xx', async ({ browser }) => {
	test.setTimeout(180_000);
	const here = workerOrigin();
	const street = await pageAs(browser, 'street');
	const created = await post(street.request, here, '/c/jinwei/menus/new', menuForm(`兩個進程 ${unique()}`));
	expect(created.status()).toBe(303);
	const menuUrl = created.headers()['location'];
	const menuId = Number(menuUrl.split('/').pop());
	const voter = await pageAs(browser, 'neighbor07');
	for (const name of ['甲', '乙']) expect((await post(voter.request, here, `${menuUrl}?/submit`, { title: `項目${name}`, estimatedCost: '1000' })).status()).toBe(303);
	await street.goto(menuUrl);
	const projects = await street.locator('li[id^=project-]').evaluateAll((els) => els.map((e) => e.id.slice('project-'.length)));
	for (const projectId of projects) expect((await post(street.request, here, `${menuUrl}?/review`, { projectId, decision: 'feasible', finalCost: '1000' })).status()).toBe(303);
	for (let i = 0; i < 2; i++) expect((await post(street.request, here, `${menuUrl}?/advance`, {})).status()).toBe(303);

	const other = await secondServer();
	try {
		// the voter's session (its cookie) is good on both: they share one database
		const answers = await Promise.all(
			Array.from({ length: 100 }, (_, i) => post(voter.request, i % 2 ? other.origin : here, `${menuUrl}/ballot?/vote`, { projectIds: projects[i % 2] }))
		);
		const statuses = answers.map((a) => a.status());
		expect(statuses.filter((s) => s >= 500)).toEqual([]);
		expect(statuses.every((s) => s === 303)).toBe(true);
	} finally {
		other.stop();
	}
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		expect(db.select().from(ballots).where(eq(ballots.menuId, menuId)).all()).toHaveLength(1);
	} finally {
		sqlite.close();
	}
});
