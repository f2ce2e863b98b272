// Demo 決策共謀 and 協商議事 in 金韋社區: twenty more verified neighbours; about thirty proposals in every state
// and category, seconded at the times they would have been; two open consultations with lively threads
// (stances, replies, a hidden comment, one awaiting review), one closed with a resolution, and one 重大事項
// that went through 四議 and both publications. Everything goes through the real commands with backdated
// clocks, so the history, audit log and inbox read as they would in real life.
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { chinaDate, DAY, HOUR, MINUTE } from '../../lib/server/db/time';
import { users } from '../../lib/server/auth/schema';
import { memberships, scopeKeyOf } from '../../lib/server/residency/schema';
import { loadActor } from '../../lib/server/residency/queries';
import { writeAudit } from '../../lib/server/audit/log';
import type { Actor } from '../../lib/server/policy';
import type { Result } from '../../lib/server/result';
import { answerProposal, createProposal, markForMenu, mergeProposal, secondProposal, withdrawProposal } from '../../lib/server/proposals/commands';
import { openConsultation, postComment, replyOfficially, reportComment } from '../../lib/server/consultations/commands';
import { closeThread, hideComment, pinSummary, publishResolution } from '../../lib/server/consultations/moderation';
import { publishImplementation, recordStage } from '../../lib/server/consultations/stages';
import { speaksOfficially } from '../../lib/server/consultations/abilities';
import { loadThread } from '../../lib/server/consultations/records';
import { NEIGHBOURS, PROPOSALS, THREADS, type ThreadPlan } from './deliberation-content';
import type { DemoIds } from './foundation';

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo deliberation: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? result.params ?? {})}`);
	return result.value;
}

/** The calendar day in China (the streets' time zone) of a moment, as YYYY-MM-DD. */

/** Twenty more verified residents of 金韋, so seconds and threads have real numbers behind them. */
function seedNeighbours(db: Db, ids: DemoIds, now: number, passwordHash: string) {
	const communityId = ids.community.jinwei;
	const committee = ids.user.committee1;
	const grids: Record<string, number> = { 金韋花園: 0, 韋園新村: 1, 金韋商業街: 2 };
	db.transaction((tx) => {
		NEIGHBOURS.forEach(([username, name, compound, building, unit], i) => {
			const applied = now - (110 - i * 3) * DAY;
			const user = tx.insert(users).values({ username, displayName: name, passwordHash, createdAt: applied - HOUR }).returning().get();
			ids.user[username] = user.id;
			const m = tx
				.insert(memberships)
				.values({
					userId: user.id,
					role: 'resident',
					status: 'verified',
					communityId,
					streetId: ids.streetId,
					scopeKey: scopeKeyOf({ communityId }),
					gridId: ids.grids.jinwei[grids[compound]],
					compound,
					building,
					unit,
					decidedBy: committee,
					decidedAt: applied + DAY,
					createdAt: applied
				})
				.returning()
				.get();
			writeAudit(tx, { userId: user.id, ip: null }, { action: 'residency.apply', subjectType: 'membership', subjectId: m.id, communityId, streetId: ids.streetId, summary: { compound, building, unit } }, applied);
			writeAudit(tx, { userId: committee, ip: null }, { action: 'residency.review', subjectType: 'membership', subjectId: m.id, communityId, streetId: ids.streetId, summary: { applicant: user.id, decision: 'verify' } }, applied + DAY);
		});
	});
}

export async function seedDeliberation(db: Db, ids: DemoIds, now: number, passwordHash: string) {
	seedNeighbours(db, ids, now, passwordHash);
	const actors = new Map<string, Actor>();
	const as = (username: string): Actor => {
		let a = actors.get(username);
		if (!a) {
			const user = db.select().from(users).where(eq(users.username, username)).get();
			if (!user) throw new Error(`demo deliberation: no user ${username}`);
			// Demo history has no network address, so the per-address posting limit does not apply to it.
			a = loadActor(db, user, null);
			actors.set(username, a);
		}
		return a;
	};
	const ago = (days: number, hours = 0) => now - days * DAY + hours * HOUR;
	const jinwei = ids.community.jinwei;
	// Seconders in a fixed order, so the demo is the same every time.
	const pool = ['resident1', 'resident2', 'resident3', 'resident4', 'resident5', 'resident6', 'resident7', 'resident8', 'grid1', ...NEIGHBOURS.map((n) => n[0])];
	const proposalIds = new Map<string, number>();
	const communityOf = new Map<number, number>();
	const proposalAt = (_db: Db, id: number) => ({ communityId: communityOf.get(id) ?? 0, id });

	// 1. Proposals and their seconds, in order of filing.
	for (const p of PROPOSALS) {
		const community = p.community === 'fenghuangshan' ? ids.community.fenghuangshan : jinwei;
		const filed = ago(p.at);
		const id = must(createProposal(db, as(p.by), { communityId: community }, { title: p.title, body: p.body, category: p.category, location: p.location ?? '' }, filed), `propose ${p.title}`).id;
		proposalIds.set(p.key, id);
		communityOf.set(id, community);
		const start = p.by.length * 7 + p.title.length; // a different slice of neighbours for each proposal
		const seconders = [...pool.slice(start % pool.length), ...pool.slice(0, start % pool.length)].filter((u) => u !== p.by).slice(0, p.seconds);
		// Seconds trickle in between filing and `secondsBy` days ago (the last one qualifies it, when it does).
		const until = ago(p.secondsBy ?? Math.max(1, p.at - 6));
		seconders.forEach((u, i) => {
			const at = filed + Math.round(((until - filed) * (i + 1)) / seconders.length) - (i === seconders.length - 1 ? 0 : 17 * MINUTE);
			must(secondProposal(db, as(u), proposalAt(db, id), {}, at), `second ${p.title} by ${u}`);
		});
	}

	// 2. Threads opened from proposals (the proposal moves to "in consultation"), and their discussion.
	const threadIds = new Map<string, number>();
	for (const t of THREADS) seedThread(t);

	// 3. The committee's other responses, and authors' withdrawals.
	for (const p of PROPOSALS) {
		const id = proposalIds.get(p.key)!;
		const r = p.response;
		if (!r) continue;
		const at = ago(r.at);
		if (r.kind === 'answer') must(answerProposal(db, as(r.by), proposalAt(db, id), { reason: r.text }, at), `answer ${p.title}`);
		if (r.kind === 'menu') must(markForMenu(db, as(r.by), proposalAt(db, id), { note: r.text }, at), `menu ${p.title}`);
		if (r.kind === 'merge') must(mergeProposal(db, as(r.by), proposalAt(db, id), { targetId: proposalIds.get(r.into)!, note: r.text }, at), `merge ${p.title}`);
		if (r.kind === 'withdraw') must(withdrawProposal(db, as(p.by), proposalAt(db, id), {}, at), `withdraw ${p.title}`);
	}

	function seedThread(t: ThreadPlan) {
		const opened = ago(t.at);
		const id = must(
			openConsultation(
				db,
				as('committee1'),
				{ communityId: jinwei },
				{ topic: t.topic, background: t.background, proposalId: t.proposal ? String(proposalIds.get(t.proposal)) : '', major: t.major ? 'on' : '', closesOn: t.closesInDays ? chinaDate(now + t.closesInDays * DAY) : '' },
				opened
			),
			`open ${t.topic}`
		).id;
		threadIds.set(t.topic, id);
		const here = { communityId: jinwei, id };
		const record = loadThread(db, here);
		if (!record) throw new Error(`demo deliberation: thread ${t.topic} not found`);
		// Comments (and replies one level deep), spread over the thread's life.
		const span = (t.closedAt !== undefined ? ago(t.closedAt) : ago(1)) - opened;
		const commentIds: number[] = [];
		t.comments.forEach((c, i) => {
			const at = opened + Math.round((span * (i + 1)) / (t.comments.length + 1));
			const parentId = c.replyTo !== undefined ? String(commentIds[c.replyTo]) : '';
			// the committee answers residents officially, as the thread page's comment form does
			const comment = speaksOfficially(as(c.by), record) ? replyOfficially : postComment;
			const cid = must(comment(db, as(c.by), here, { body: c.body, stance: c.stance ?? '', parentId }, at), `comment in ${t.topic}`).id;
			commentIds.push(cid);
			if (c.hide) must(hideComment(db, as('committee1'), here, { commentId: cid, reason: c.hide }, at + 3 * HOUR), `hide in ${t.topic}`);
			c.reportedBy?.forEach((u, k) => must(reportComment(db, as(u), here, { commentId: cid, reason: 'spam' }, at + (k + 1) * HOUR), `report in ${t.topic}`));
		});
		if (t.pinned) must(pinSummary(db, as('committee1'), here, { summary: t.pinned }, ago(2)), `pin ${t.topic}`);
		t.stages?.forEach((s) => {
			const held = ago(s.at);
			must(
				recordStage(db, as('committee1'), here, { ...s, stage: String(s.stage), heldOn: chinaDate(held), entitled: String(s.entitled), attended: String(s.attended), votesFor: s.votes ? String(s.votes[0]) : '', votesAgainst: s.votes ? String(s.votes[1]) : '', votesAbstain: s.votes ? String(s.votes[2]) : '' }, held + 2 * HOUR),
				`stage ${s.stage} of ${t.topic}`
			);
		});
		// a 重大事項 is closed by publishing its resolution (決議公開) after its four stages
		const close = t.major ? publishResolution : closeThread;
		if (t.resolution && t.closedAt !== undefined) must(close(db, as('committee1'), here, { resolution: t.resolution }, ago(t.closedAt)), `close ${t.topic}`);
		if (t.implementation) must(publishImplementation(db, as('committee1'), here, { implementation: t.implementation.text }, ago(t.implementation.at)), `implementation of ${t.topic}`);
	}
}
