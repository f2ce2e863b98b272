// The no-JavaScript reload walk: every form action of the portal is posted once, as a person would, and the page
// it leads to is reloaded. A successful post must end in a redirect to a GET page (Post/Redirect/Get), so that a
// reload asks for that page again and never sends the form a second time.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type DbOrTx, type Tx } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/auth/schema';
import { communities } from '../../src/lib/server/org/schema';
import { memberships } from '../../src/lib/server/residency/schema';
import { proposals, proposalEvents } from '../../src/lib/server/proposals/schema';
import { consultations } from '../../src/lib/server/consultations/schema';
import { notifications } from '../../src/lib/server/notifications/schema';
import { outbox } from '../../src/lib/server/jobs/schema';
import { DAY } from '../../src/lib/server/db/time';
import { pageAs } from './helpers';
import { expect, test, workerDatabase, type Browser, type Locator, type Page } from './test';

// ── Which actions there are ──────────────────────────────────────────────────────────────────────────────────

const ROUTES = 'src/routes';

function pageServerFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? pageServerFiles(path) : entry.name === '+page.server.ts' ? [path] : [];
	});
}

/** The keys of the object literal that starts at `text[open]` (`{`), at its top level. */
function topLevelKeys(text: string, open: number): string[] {
	const keys: string[] = [];
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const ch = text[i];
		if (ch === '{' || ch === '(' || ch === '[') depth++;
		else if (ch === '}' || ch === ')' || ch === ']') {
			if (--depth === 0) return keys;
		} else if (depth === 1 && (i === open + 1 || ch === ',')) {
			// a key starts right after the opening brace or after a comma of this level
			const key = /^[\s,]*(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/.exec(text.slice(i, i + 200));
			if (key) keys.push(key[1]);
		}
	}
	throw new Error('unbalanced actions object');
}

/**
 * Every (route, action) pair of the app, as `"/route/[param] action"`, read from the text of each
 * `src/routes/**\/+page.server.ts` (`export const actions … = { name: …, … }`).
 */
export function routeActions(): string[] {
	const pairs: string[] = [];
	for (const file of pageServerFiles(ROUTES)) {
		// comments out first, so a commented-out action or a `{` in a comment does not count
		const text = readFileSync(file, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
		if (!/export\s+const\s+actions\b/.test(text)) continue;
		const found = /export\s+const\s+actions\b[^=]*=\s*\{/.exec(text);
		// actions built any other way than as an object literal would go uncounted: say so rather than pass
		if (!found) throw new Error(`${file}: cannot read its actions (not an object literal)`);
		const route = '/' + relative(ROUTES, join(file, '..')).split(sep).join('/');
		for (const action of topLevelKeys(text, found.index + found[0].length - 1)) pairs.push(`${route.replace(/\/$/, '') || '/'} ${action}`);
	}
	return pairs.sort();
}

// ── People and pages ─────────────────────────────────────────────────────────────────────────────────────────

/** With WALK_TRACE=1, where a walk spends its time. */
function timer(what: string) {
	const start = Date.now();
	return (phase: string) => {
		if (process.env.WALK_TRACE) console.log(`${what} ${phase} +${Date.now() - start}ms`);
	};
}

let address = 0;
/** A request address of this context's own, so per-address posting limits stay per walk. */
function ownAddress() {
	address++;
	return `172.${16 + (test.info().parallelIndex % 8)}.${(address >> 8) % 250}.${address % 250}`;
}

/** A JavaScript-off browser signed in as `username` (or a visitor, without one). */
export async function noJs(browser: Browser, username?: string): Promise<Page> {
	let page: Page;
	const lap = timer(`sign in ${username ?? '(visitor)'}`);
	if (username) page = await pageAs(browser, username, { javaScriptEnabled: false });
	else page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' })).newPage();
	await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': ownAddress() });
	lap('done');
	return page;
}

/**
 * What the page shows, read in one go (without JavaScript nothing changes after the load, so nothing needs
 * waiting for): its one-time message, and its text without that message and without the times shown (a
 * scheduled job's "last run" moves on by itself between two loads).
 */
function seen(page: Page): Promise<{ flash: string | null; text: string }> {
	return page.locator('body').evaluate((body: HTMLElement) => {
		const flash = body.querySelector<HTMLElement>('main > .flash[role=status]');
		let text = body.innerText;
		for (const el of body.querySelectorAll<HTMLElement>('main > .flash, time')) text = text.replace(el.innerText, '');
		return { flash: flash?.innerText.trim() ?? null, text: text.replace(/\s+/g, ' ').trim() };
	});
}

type Kept = Locator | [Locator, number];
type Check = {
	/** The one-time message the page shows after the post. */
	flash?: string;
	/** Elements whose number the reload must not change (with the number expected, when known). */
	keep?: Kept[];
	/** What shows the result, checked after the reload (so it is stored, not just said once). */
	shows?: Locator | Locator[];
};

/**
 * One area's walk: each step posts one form, checks the redirect and the result, and reloads. `done()` then
 * checks that the area walked exactly the actions it claims.
 */
export class Walk {
	private readonly walked = new Set<string>();
	constructor(
		readonly area: string,
		readonly actions: readonly string[]
	) {}

	/** Submits a form with `submit` (which clicks its button), then reloads the page it led to. */
	async step(page: Page, key: string, submit: () => Promise<unknown>, check: Check = {}) {
		expect(this.actions, `"${key}" belongs to the ${this.area} walk`).toContain(key);
		const lap = timer(key);
		const posted = page.waitForRequest((r) => r.method() === 'POST' && r.isNavigationRequest() && r.frame() === page.mainFrame());
		const loaded = page.waitForEvent('load');
		await submit();
		const post = await posted;
		await loaded;
		lap('posted');

		// The post answered with a redirect, and the browser followed it with a GET of the page now shown.
		const answer = await post.response();
		expect(answer?.status(), `${key}: a successful post answers 303 (${post.url()})`).toBe(303);
		const next = post.redirectedTo();
		expect(next?.method(), `${key}: the redirect is followed with a GET`).toBe('GET');
		expect(page.url().split('#')[0]).toBe(next!.url().split('#')[0]);
		expect(new URL(page.url()).search, `${key}: the page shown is not the action's URL`).not.toMatch(/^\?\//);
		const before = await seen(page);
		if (check.flash !== undefined) expect(before.flash, `${key}: the one-time message`).toBe(check.flash);
		const kept = (check.keep ?? []).map((k) => (Array.isArray(k) ? k : ([k, undefined] as const)));
		const counts: number[] = [];
		for (const [locator, expected] of kept) {
			counts.push(await locator.count());
			if (expected !== undefined) expect(counts.at(-1), `${key}: ${locator}`).toBe(expected);
		}
		lap('checked');

		// Reloading sends no form again (nothing but a GET of the page) and changes nothing a person would see.
		const sent: string[] = [];
		const onRequest = (r: { method(): string; url(): string }) => {
			if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
		};
		page.on('request', onRequest);
		const reloaded = await page.reload();
		page.off('request', onRequest);
		lap('reloaded');
		expect(sent, `${key}: reloading sends nothing but GET`).toEqual([]);
		expect(reloaded?.request().method()).toBe('GET');
		expect(reloaded?.status(), `${key}: the page reloads`).toBe(200);
		const after = await seen(page);
		expect(after.flash, `${key}: the message is said once`).toBeNull();
		expect(after.text, `${key}: reloading changes nothing visible`).toBe(before.text);
		for (const [i, [locator]] of kept.entries()) expect(await locator.count(), `${key}: reloading keeps ${locator}`).toBe(counts[i]);
		for (const shown of [check.shows ?? []].flat()) await expect(shown).toBeVisible();
		lap('done');
		this.walked.add(key);
	}

	/** The area walked each action it claims. */
	done() {
		expect([...this.walked].sort(), `the ${this.area} walk`).toEqual([...this.actions].sort());
	}
}

// ── Test data written straight into this worker's database ───────────────────────────────────────────────────

/** One write transaction on this worker's database, beside its running server (hence IMMEDIATE). */
function withDb<T>(fn: (tx: Tx) => T): T {
	const { db, sqlite } = openDatabase(workerDatabase());
	try {
		return db.transaction(fn, { behavior: 'immediate' });
	} finally {
		sqlite.close();
	}
}

const userId = (db: DbOrTx, username: string) => db.select().from(users).where(eq(users.username, username)).get()!.id;
const communityOf = (db: DbOrTx, slug: string) => db.select().from(communities).where(eq(communities.slug, slug)).get()!;

export type Person = { username: string; name: string };

/**
 * New accounts (signing in with the demo password), so that a walk never changes the demo people other tests
 * rely on. `resident` makes each a verified resident of jinwei.
 */
export function newPeople(tag: string, names: string[], options: { resident?: boolean } = {}): Person[] {
	return withDb((db) => {
		const now = Date.now();
		const hash = db.select().from(users).where(eq(users.username, 'resident1')).get()!.passwordHash;
		const jinwei = communityOf(db, 'jinwei');
		return names.map((name, i) => {
			const person = { username: `w${tag}${i}`, name: `${name}${tag}` };
			const id = db.insert(users).values({ username: person.username, displayName: person.name, passwordHash: hash, createdAt: now }).returning().get().id;
			if (options.resident) {
				db.insert(memberships)
					.values({
						userId: id,
						role: 'resident',
						status: 'verified',
						communityId: jinwei.id,
						streetId: jinwei.streetId,
						scopeKey: `c:${jinwei.id}`,
						compound: '金韋花園',
						building: String(20 + i),
						unit: '1-101',
						decidedBy: userId(db, 'committee1'),
						decidedAt: now,
						createdAt: now - DAY
					})
					.run();
			}
			return person;
		});
	});
}

/** Proposals of jinwei by `author`: open ones gather seconds, qualified ones wait in the committee's queue. */
export function newProposals(author: string, state: 'open' | 'qualified', titles: string[]): number[] {
	return withDb((db) => {
		const now = Date.now();
		const authorId = userId(db, author);
		const communityId = communityOf(db, 'jinwei').id;
		return titles.map((title) => {
			const qualified = state === 'qualified' ? { secondCount: 10, qualifiedAt: now, responseDueAt: now + 14 * DAY } : {};
			const id = db
				.insert(proposals)
				.values({
					communityId,
					authorId,
					title,
					body: `${title}：走訪用的議題內容，足夠長。`,
					category: 'other',
					state,
					...qualified,
					createdAt: now - DAY,
					updatedAt: now
				})
				.returning()
				.get().id;
			db.insert(proposalEvents)
				.values({ proposalId: id, kind: 'created', actorId: authorId, createdAt: now - DAY })
				.run();
			return id;
		});
	});
}

/** An ordinary (not 重大事項) open thread of jinwei, opened by committee1. */
export function newThread(topic: string): number {
	return withDb((db) => {
		const now = Date.now();
		return db
			.insert(consultations)
			.values({
				communityId: communityOf(db, 'jinwei').id,
				topic,
				background: `${topic}的背景說明。`,
				createdBy: userId(db, 'committee1'),
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get().id;
	});
}

/** Unread inbox items for `username`, each pointing at jinwei's page. */
export function newNotifications(username: string, titles: string[]) {
	withDb((db) => {
		const now = Date.now();
		const id = userId(db, username);
		for (const [i, title] of titles.entries()) {
			db.insert(notifications)
				.values({ userId: id, kind: 'proposal_answered', params: JSON.stringify({ title }), link: '/c/jinwei', createdAt: now + i })
				.run();
		}
	});
}

/** An after-commit effect that failed too often (a webhook nobody answers), as the admin sees it. */
export function deadEffect(): number {
	return withDb((db) => {
		const now = Date.now();
		return db
			.insert(outbox)
			.values({
				kind: 'webhook',
				payload: JSON.stringify({ url: 'http://127.0.0.1:9/walk', body: {} }),
				state: 'dead',
				attempts: 8,
				nextAttemptAt: now,
				lastError: 'HTTP 500',
				createdAt: now
			})
			.returning()
			.get().id;
	});
}

/** Today in China (where the streets are), as a date field wants it. */
export const today = () => new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
