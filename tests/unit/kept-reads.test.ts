// Reads kept while the data are unchanged (db/kept-reads.ts) and the proposal list that uses them: a kept answer
// must never outlive a commit, by this connection or another process, and deadlines are told by the clock of
// each request, not of the read that was kept.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { raceWorld, type RaceWorld } from './world';
import { KeptReads } from '../../src/lib/server/db/kept-reads';
import { clientOf } from '../../src/lib/server/db/client';
import { keptProposalList, listProposals } from '../../src/lib/server/proposals/queries';
import { listQuerySchema } from '../../src/lib/server/proposals/validation';
import { DAY } from '../../src/lib/server/db/time';

function file(w: RaceWorld, db = w.db, title = '路燈不亮', dueInDays: number | null = null) {
	const due = dueInDays === null ? null : w.now + dueInDays * DAY;
	db.run(sql`insert into proposals (community_id, author_id, title, body, category, state, second_count, qualified_at, response_due_at, created_at, updated_at)
		values (${w.ids.community.jinwei}, ${w.ids.user.resident1}, ${title}, ${'內容'}, ${'other'}, ${due === null ? 'open' : 'qualified'}, 0,
		${due === null ? null : w.now - DAY}, ${due}, ${w.now}, ${w.now})`);
}

describe('kept reads', () => {
	it('answer from the kept read until this connection or another one commits', () => {
		const w = raceWorld();
		try {
			const kept = new KeptReads<number>(10);
			let reads = 0;
			const count = () => (reads++, w.db.get<{ n: number }>(sql`select count(*) as n from proposals`)!.n);
			const sqlite = clientOf(w.db);
			const before = kept.get(sqlite, 'n', count);
			expect(kept.get(sqlite, 'n', count)).toBe(before);
			expect(reads, 'nothing changed: read once').toBe(1);

			file(w);
			expect(kept.get(sqlite, 'n', count), 'its own write').toBe(before + 1);
			file(w, w.rival);
			expect(kept.get(sqlite, 'n', count), "another process's write").toBe(before + 2);
			expect(reads).toBe(3);
		} finally {
			w.close();
		}
	});

	it('keep at most as many answers as they are told, dropping the one written longest ago', () => {
		const w = raceWorld();
		try {
			const kept = new KeptReads<string>(2);
			const sqlite = clientOf(w.db);
			let reads = 0;
			const read = (key: string) => () => (reads++, key);
			kept.get(sqlite, 'a', read('a'));
			kept.get(sqlite, 'b', read('b'));
			kept.get(sqlite, 'c', read('c'));
			expect(kept.size).toBe(2);
			kept.get(sqlite, 'c', read('c'));
			kept.get(sqlite, 'b', read('b'));
			expect(reads, 'b and c kept').toBe(3);
			kept.get(sqlite, 'a', read('a'));
			expect(reads, 'a was dropped').toBe(4);
		} finally {
			w.close();
		}
	});
});

describe('the kept proposal list', () => {
	const query = (params: Record<string, string> = {}) => listQuerySchema.parse(params);

	it('is the list listProposals reads, with a proposal filed anywhere seen at once', () => {
		const w = raceWorld();
		try {
			for (let i = 0; i < 25; i++) file(w, w.db, `議題 ${i}`);
			const asked: Record<string, string>[] = [{}, { sort: 'seconds' }, { q: '議題' }, { state: 'open', page: '2' }];
			for (const params of asked) {
				expect(keptProposalList(w.db, w.ids.community.jinwei, query(params), w.now)).toEqual(listProposals(w.db, w.ids.community.jinwei, query(params), w.now));
			}
			const first = keptProposalList(w.db, w.ids.community.jinwei, query(), w.now);
			file(w, w.rival, '另一個程序提交的議題');
			const after = keptProposalList(w.db, w.ids.community.jinwei, query(), w.now);
			expect(after.total).toBe(first.total + 1);
			expect(after.items[0].title).toBe('另一個程序提交的議題');
		} finally {
			w.close();
		}
	});

	it("tells each proposal's deadline by the clock of the request, not of the kept read", () => {
		const w = raceWorld();
		try {
			file(w, w.db, '三天內要回應', 3);
			const today = keptProposalList(w.db, w.ids.community.jinwei, query(), w.now).items[0];
			expect([today.daysLeft, today.overdue]).toEqual([3, false]);
			const later = keptProposalList(w.db, w.ids.community.jinwei, query(), w.now + 4 * DAY).items[0];
			expect(later.overdue).toBe(true);
			expect(keptProposalList(w.db, w.ids.community.jinwei, query({ state: 'overdue' }), w.now + 4 * DAY).total).toBe(1);
		} finally {
			w.close();
		}
	});
});
