// Issue 11.4: the anonymous ballot export cannot be linked to voters. The attack that matched 9 of 9 voters
// used what a committee member can read — the audit log (who voted, when, in which order) and the .pb file —
// to rebuild each ballot's voter number. It is played here against the voter codes and must do no better than
// chance.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { demoWorld, type World } from '../world';
import { makeMenu, menuAt } from './helpers';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { ballotsPb, resultRows, resultsCsv, resultsJson } from '../../../src/lib/server/menus/export';
import { loadMenu } from '../../../src/lib/server/menus/records';
import { parsePabulib } from '../../../src/lib/server/menus/pabulib';
import { ballots, menus } from '../../../src/lib/server/menus/schema';
import { auditScope, listAudit } from '../../../src/lib/server/audit/queries';

const VOTERS = ['resident1', 'resident2', 'resident3', 'resident4', 'resident5', 'resident6', 'resident7', 'resident8'] as const;
const MINUTE = 60_000;

/** One menu voted on by eight residents one after another, each choosing a project nobody else chose. */
function election(w: World, voteAt: number) {
	const { menu, ids } = makeMenu(w, 'vote', { budget: 1000, costs: VOTERS.map(() => 10) });
	VOTERS.forEach((who, i) => {
		const r = castBallot(w.db, w.actor(who), menuAt(w.db, menu.id), { projectIds: [String(ids[i])] }, voteAt + i * MINUTE);
		if (!r.ok) throw new Error(r.error);
	});
	// Two of them change their minds later (a changed ballot keeps its code and must not stand out either).
	castBallot(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { projectIds: [String(ids[1])] }, voteAt + 20 * MINUTE);
	castBallot(w.db, w.actor('resident7'), menuAt(w.db, menu.id), { projectIds: [String(ids[6])] }, voteAt + 21 * MINUTE);
	w.db.update(menus).set({ advancedTo: 'results' }).where(eq(menus.id, menu.id)).run();
	const published = publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, voteAt + DAY_MS);
	if (!published.ok) throw new Error(published.error);
	const loaded = loadMenu(w.db, menuAt(w.db, menu.id))!;
	const rows = resultRows(w.db, loaded, published.value);
	return {
		menu,
		/** Who truly chose which project (the secret). */
		truth: new Map(VOTERS.map((who, i) => [String(ids[i]), who])),
		// Everything the committee can read about this menu:
		pb: ballotsPb(w.db, loaded, published.value),
		csv: resultsCsv(loaded, rows, (r) => r),
		json: JSON.stringify(resultsJson(loaded, published.value, rows)),
		audit: listAudit(w.db, auditScope(w.actor('committee1'))!, {}).filter((a) => a.subjectType === 'menu' && a.subjectId === menu.id)
	};
}
const DAY_MS = 24 * 60 * MINUTE;

describe('voter codes cannot be linked to voters', () => {
	it('matching the audit log against the .pb file does no better than chance', () => {
		const w = demoWorld();
		const TRIALS = 40;
		let linked = 0;
		for (let t = 0; t < TRIALS; t++) {
			const e = election(w, w.now + t * 10 * MINUTE);
			// The attack: voters in the order the audit log shows their first vote …
			const votes = e.audit.filter((a) => a.action === 'menu.vote' && !a.summary.includes('changed')).sort((a, b) => a.id - b.id);
			expect(votes.map((v) => v.actorName)).toEqual([...VOTERS]);
			// … lined up with the ballots in the order of the export (their voter numbers).
			const file = parsePabulib(e.pb);
			file.votes.forEach((ballot, i) => {
				if (e.truth.get(ballot.vote[0]) === votes[i]?.actorName) linked++;
			});
			// Nothing in what staff read names a voter code, or a person or time in the file.
			for (const row of e.audit) for (const v of file.votes) expect(row.summary).not.toContain(v.voter_id);
			for (const who of VOTERS) expect(e.pb + e.csv + e.json).not.toContain(who);
			expect(e.pb).not.toMatch(/\b1[78]\d{11}\b/); // no millisecond timestamps
		}
		// By chance a random order lines up one voter per election on average (8 of 320 is 1 in 8); the sequential
		// voter numbers of before lined up all of them. Allow chance plus five standard deviations (≈ 1 per trial).
		const chance = TRIALS;
		expect(linked).toBeLessThanOrEqual(chance + 5 * Math.sqrt(TRIALS));
	});

	it('codes are random, 64-bit, distinct and kept when a ballot changes', () => {
		const w = demoWorld();
		const e = election(w, w.now);
		const rows = w.db.select({ code: ballots.voterCode, voter: ballots.voterId, updatedAt: ballots.updatedAt }).from(ballots).where(eq(ballots.menuId, e.menu.id)).all();
		for (const r of rows) expect(r.code).toMatch(/^[0-9a-f]{16}$/);
		expect(new Set(rows.map((r) => r.code)).size).toBe(VOTERS.length);
		const file = parsePabulib(e.pb);
		expect(file.votes.map((v) => v.voter_id).sort()).toEqual(rows.map((r) => r.code).sort());
		// The export lists ballots by code, whatever order they were cast or changed in.
		expect(file.votes.map((v) => v.voter_id)).toEqual([...file.votes.map((v) => v.voter_id)].sort());
		const before = new Map(rows.map((r) => [r.voter, r.code]));
		const ids = file.projects.map((p) => p.id);
		castBallot(w.db, w.actor('resident3'), menuAt(w.db, e.menu.id), { projectIds: [ids[0]] }, w.now);
		const after = w.db.select({ code: ballots.voterCode, voter: ballots.voterId }).from(ballots).where(eq(ballots.menuId, e.menu.id)).all();
		for (const r of after) expect(r.code).toBe(before.get(r.voter));
		// Exported twice, the same file: codes are stored, not drawn per export.
		const loaded = loadMenu(w.db, menuAt(w.db, e.menu.id))!;
		const results = JSON.parse(loaded.menu.resultsJson!);
		expect(ballotsPb(w.db, loaded, results)).toBe(ballotsPb(w.db, loaded, results));
	});

	it('the database refuses a ballot without a code', () => {
		const w = demoWorld();
		const { menu } = makeMenu(w, 'vote');
		const insert = sql`insert into ballots (menu_id, voter_id, created_at, updated_at) values (${menu.id}, ${w.ids.user.resident1}, 0, 0)`;
		let refused: unknown = null;
		try {
			w.db.run(insert);
		} catch (e) {
			refused = e;
		}
		// drizzle wraps SQLite's error: the trigger's words are in its cause.
		expect(String((refused as Error | null)?.cause ?? refused)).toMatch(/a ballot needs a voter code/);
	});
});
