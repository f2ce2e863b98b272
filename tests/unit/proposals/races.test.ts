// Races on two database connections: a request has loaded, authorized and validated (prepare), another
// process commits the competing change, then the first request writes. One winner, one clean refusal.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { raceWorld } from '../world';
import { propose, proposalAt, validProposal } from './helpers';
import { answerProposal, createProposal, editProposal, mergeProposal, secondProposal, withdrawProposal } from '../../../src/lib/server/proposals/commands';
import { proposals, proposalSeconds } from '../../../src/lib/server/proposals/schema';
import { communities } from '../../../src/lib/server/org/schema';
import { auditLog } from '../../../src/lib/server/audit/schema';
import type { Result } from '../../../src/lib/server/result';
import type { Prepared } from '../../../src/lib/server/kernel/command';

function prepared<T>(r: Result<Prepared<T>>): Prepared<T> {
	if (!r.ok) throw new Error(`prepare refused: ${r.error}`);
	return r.value;
}

describe('races between two connections', () => {
	it('two committee members answer at once: the first answer stands, the second is refused', () => {
		const w = raceWorld();
		try {
			const id = propose(w);
			const at = proposalAt(w.db, id);
			const late = prepared(answerProposal.prepare(w.db, w.actor('committee1'), at, { reason: '居委會的答覆內容。' }, w.now));
			expect(answerProposal(w.rival, w.actor('street'), at, { reason: '街道的答覆內容。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'proposal_already_answered' });
			const p = w.db.select().from(proposals).where(eq(proposals.id, id)).get()!;
			expect(p).toMatchObject({ state: 'answered', respondedBy: w.ids.user.street, responseNote: '街道的答覆內容。' });
			expect(w.db.select().from(auditLog).where(eq(auditLog.action, 'proposal.answer')).all()).toHaveLength(1);
		} finally {
			w.close();
		}
	});

	it('a merge that loses to an answer changes nothing', () => {
		const w = raceWorld();
		try {
			const id = propose(w);
			const other = propose(w, 'resident2', { title: '另一個議題的標題' });
			const late = prepared(mergeProposal.prepare(w.db, w.actor('committee1'), proposalAt(w.db, id), { targetId: other }, w.now));
			expect(answerProposal(w.rival, w.actor('street'), proposalAt(w.db, id), { reason: '街道已經答覆了。' }, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'proposal_already_answered' });
			expect(w.db.select().from(proposals).where(eq(proposals.id, id)).get()).toMatchObject({ state: 'answered', mergedIntoId: null });
		} finally {
			w.close();
		}
	});

	it('an edit that loses to the first second is refused: seconders keep what they supported', () => {
		const w = raceWorld();
		try {
			const id = propose(w);
			const at = proposalAt(w.db, id);
			const late = prepared(editProposal.prepare(w.db, w.actor('resident1'), at, validProposal({ title: '偷偷改掉的標題' }), w.now));
			expect(secondProposal(w.rival, w.actor('resident2'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'proposal_has_seconds' });
			expect(w.db.select().from(proposals).where(eq(proposals.id, id)).get()!.title).toBe(validProposal().title);
		} finally {
			w.close();
		}
	});

	it('a withdrawal that loses to the qualifying second is refused', () => {
		const w = raceWorld();
		try {
			const id = propose(w);
			const at = proposalAt(w.db, id);
			// with a threshold of one, the rival's second qualifies it
			w.rival.update(communities).set({ secondThreshold: 1 }).where(eq(communities.id, w.ids.community.jinwei)).run();
			const late = prepared(withdrawProposal.prepare(w.db, w.actor('resident1'), at, {}, w.now));
			expect(secondProposal(w.rival, w.actor('resident2'), at, {}, w.now)).toMatchObject({ ok: true, value: { qualified: true } });
			expect(late.commit()).toEqual({ ok: false, error: 'proposal_not_open' });
			expect(w.db.select().from(proposals).where(eq(proposals.id, id)).get()!.state).toBe('qualified');
		} finally {
			w.close();
		}
	});

	it('the daily limit holds across two processes: the sixth proposal of the day is refused, even when two arrive together', () => {
		const w = raceWorld();
		try {
			for (let i = 0; i < 4; i++) propose(w, 'resident1', { title: `今天的第${i + 1}個議題` });
			const late = prepared(createProposal.prepare(w.db, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal({ title: '第五個，另一台手機' }), w.now));
			expect(createProposal(w.rival, w.actor('resident1'), { communityId: w.ids.community.jinwei }, validProposal({ title: '第五個，這台電腦' }), w.now).ok).toBe(true);
			expect(late.commit()).toMatchObject({ ok: false, error: 'limit_proposals' });
			expect(w.db.select().from(proposals).where(eq(proposals.authorId, w.ids.user.resident1)).all()).toHaveLength(5);
		} finally {
			w.close();
		}
	});

	it('the same person seconding from two devices at once ends with one second and a clean refusal', () => {
		const w = raceWorld();
		try {
			const id = propose(w);
			const at = proposalAt(w.db, id);
			const late = prepared(secondProposal.prepare(w.db, w.actor('resident2'), at, {}, w.now));
			expect(secondProposal(w.rival, w.actor('resident2'), at, {}, w.now).ok).toBe(true);
			expect(late.commit()).toEqual({ ok: false, error: 'already_seconded' });
			const rows = w.db.select().from(proposalSeconds).where(and(eq(proposalSeconds.proposalId, id), eq(proposalSeconds.userId, w.ids.user.resident2))).all();
			expect(rows).toHaveLength(1);
			expect(w.db.select().from(proposals).where(eq(proposals.id, id)).get()!.secondCount).toBe(1);
		} finally {
			w.close();
		}
	});
});
