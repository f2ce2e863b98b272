// Shared setup for deliberation tests: more verified neighbours, a proposal, table counts.
import { eq, sql } from 'drizzle-orm';
import { users } from '../../../src/lib/server/auth/schema';
import { memberships, scopeKeyOf } from '../../../src/lib/server/residency/schema';
import { communities } from '../../../src/lib/server/org/schema';
import { createProposal } from '../../../src/lib/server/proposals/commands';
import { proposals } from '../../../src/lib/server/proposals/schema';
import { listProposals, type ProposalList } from '../../../src/lib/server/proposals/queries';
import { listQuerySchema } from '../../../src/lib/server/proposals/validation';
import { pageLinks } from '../../../src/lib/server/proposals/paging';
import type { Db } from '../../../src/lib/server/db/client';
import type { World } from '../world';

/** Adds `n` verified residents of a community (usernames `{prefix}1..n`) and returns their usernames. */
export function addResidents(w: World, n: number, prefix = 'nb', community: 'jinwei' | 'fenghuangshan' = 'jinwei'): string[] {
	const communityId = w.ids.community[community];
	const names: string[] = [];
	for (let i = 1; i <= n; i++) {
		const username = `${prefix}${i}`;
		const user = w.db.insert(users).values({ username, displayName: `鄰居${i}`, passwordHash: 'x', createdAt: w.now }).returning().get();
		w.db.insert(memberships)
			.values({ userId: user.id, role: 'resident', status: 'verified', communityId, streetId: w.ids.streetId, scopeKey: scopeKeyOf({ communityId }), createdAt: w.now })
			.run();
		names.push(username);
	}
	return names;
}

export function setThreshold(w: World, secondThreshold: number, responseDays = 14) {
	w.db.update(communities).set({ secondThreshold, responseDays }).where(eq(communities.id, w.ids.community.jinwei)).run();
}

export const validProposal = (over: Record<string, string> = {}) => ({
	title: '金韋花園 3 棟樓道堆物',
	body: '三棟一單元樓道長期堆放紙箱和舊家具，擋住消防通道，希望物業清理。',
	category: 'safety',
	location: '金韋花園 3 棟',
	...over
});

/** Files a proposal as `username` in jinwei and returns its id (throws if refused). */
export function propose(w: World, username = 'resident1', over: Record<string, string> = {}, now = w.now): number {
	const r = createProposal(w.db, w.actor(username), { communityId: w.ids.community.jinwei }, validProposal(over), now);
	if (!r.ok) throw new Error(`propose failed: ${r.error} ${JSON.stringify(r.fields)}`);
	return r.value.id;
}

const TABLES = ['proposals', 'proposal_seconds', 'proposal_events', 'consultations', 'consultation_comments', 'comment_reports', 'consultation_stages', 'audit_log', 'notifications', 'rate_events', 'communities'];

/** Row counts of every table a deliberation command may write (and a checksum of mutable columns). */
export function snapshot(w: World): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const t of TABLES) out[t] = w.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${t}`))!.n;
	out.proposalState = w.db.all(sql`select id, state, second_count, title, responded_at from proposals order by id`);
	out.threadState = w.db.all(sql`select id, state, locked_at, pinned_summary, resolution, implementation from consultations order by id`);
	out.commentState = w.db.all(sql`select id, status, open_reports from consultation_comments order by id`);
	out.settings = w.db.all(sql`select id, second_threshold from communities order by id`);
	return out;
}

/** A proposal's command target: its community (as the URL would name it) and its id. */
export function proposalAt(db: World['db'], id: number) {
	const row = db.select({ communityId: proposals.communityId }).from(proposals).where(eq(proposals.id, id)).get();
	return { communityId: row?.communityId ?? 0, id };
}

/**
 * The proposal list as a reader walks it: the first page, then "next" until the last, then "previous" back to the
 * first, each link made by pageLinks and read back through listQuerySchema as the page's URL would be.
 */
export function walkList(db: Db, communityId: number, params: Record<string, string>, now: number) {
	const open = (href: string) => {
		const url = new URL(href, 'http://test');
		return listProposals(db, communityId, listQuerySchema.parse(Object.fromEntries(url.searchParams)), now);
	};
	const start = `/c/x/proposals?${new URLSearchParams(params)}`;
	const links = (p: ProposalList) => pageLinks(new URL(start, 'http://test'), p);
	const forward = [open(start)];
	while (links(forward.at(-1)!).next) {
		if (forward.length > 1_000) throw new Error('the walk does not end');
		forward.push(open(links(forward.at(-1)!).next!));
	}
	const backward = [forward.at(-1)!];
	while (links(backward.at(-1)!).prev) {
		if (backward.length > forward.length) throw new Error('the walk back goes past the first page');
		backward.push(open(links(backward.at(-1)!).prev!));
	}
	backward.reverse();
	const ids = (pages: ProposalList[]) => pages.map((p) => p.items.map((i) => i.id));
	return { pages: forward, forward: ids(forward), backward: ids(backward), labels: forward.map((p) => p.page), backLabels: backward.map((p) => p.page) };
}
