// Proposals written before migration 0019 are found by terms of 1-2 characters afterwards: the migration fills the
// index of characters and pairs from the rows already there, and its triggers keep it in step from then on.
import { describe, expect, it } from 'vitest';
import { listProposals } from '../../../src/lib/server/proposals/queries';
import { databaseAt } from '../migrations';

describe('migration 0019: the index of characters and pairs', () => {
	it('indexes the proposals written before it, and follows edits and deletions after', () => {
		const { db, sqlite, at, migrateToLatest, close } = databaseAt('0018_counts_and_versions');
		try {
			sqlite.exec(`
				INSERT INTO proposals (id, community_id, author_id, title, body, category, created_at, updated_at) VALUES
					(1, 1, 1, '韋園新村 8 棟加裝電梯', '八樓的長者下樓困難。', 'facilities', ${at}, ${at}),
					(2, 1, 1, '樓梯間的燈不亮', '晚上看不清 Lift 旁的台階。', 'facilities', ${at + 1}, ${at + 1}),
					(3, 1, 1, '口袋公園夜間照明不足', '路燈壞了三盞，電梯口也暗。', 'environment', ${at + 2}, ${at + 2}),
					(4, 2, 1, '鳳凰山也要加裝電梯', '另一個社區的。', 'facilities', ${at + 3}, ${at + 3});
			`);

			migrateToLatest();

			const ids = (q: string, communityId = 1) => listProposals(db, communityId, { q, state: 'all', category: 'all', sort: 'newest', page: 1 }, at).items.map((i) => i.id);
			expect(ids('電梯')).toEqual([3, 1]);
			expect(ids('梯')).toEqual([3, 2, 1]);
			expect(ids('LI')).toEqual([2]);
			expect(ids('電梯', 2)).toEqual([4]);
			expect(sqlite.prepare('SELECT count(*) AS n FROM proposals_grams').get()).toEqual({ n: 4 });

			sqlite.exec(`UPDATE proposals SET body = '路燈壞了三盞。' WHERE id = 3; DELETE FROM proposals WHERE id = 1;`);
			sqlite.exec(`INSERT INTO proposals (id, community_id, author_id, title, body, category, created_at, updated_at) VALUES (5, 1, 1, '電梯', '新寫的', 'facilities', ${at + 4}, ${at + 4})`);
			expect(ids('電梯')).toEqual([5]);
			expect(ids('梯')).toEqual([5, 2]);
			expect(sqlite.prepare('SELECT count(*) AS n FROM proposals_grams').get()).toEqual({ n: 4 });
		} finally {
			close();
		}
	});
});

describe('migration 0018: the kept counts', () => {
	it('counts the proposals a database already holds', () => {
		const { sqlite, at, migrateToLatest, close } = databaseAt('0017_report_ratings');
		try {
			sqlite.exec(`
				INSERT INTO proposals (community_id, author_id, title, body, category, state, created_at, updated_at) VALUES
					(1, 1, '甲', '內容', 'safety', 'open', ${at}, ${at}), (1, 1, '乙', '內容', 'safety', 'open', ${at}, ${at}),
					(1, 1, '丙', '內容', 'care', 'withdrawn', ${at}, ${at}), (2, 1, '丁', '內容', 'safety', 'open', ${at}, ${at});
			`);
			migrateToLatest();
			expect(sqlite.prepare('select community_id, state, category, n from proposal_counts order by 1, 2, 3').all()).toEqual([
				{ community_id: 1, state: 'open', category: 'safety', n: 2 },
				{ community_id: 1, state: 'withdrawn', category: 'care', n: 1 },
				{ community_id: 2, state: 'open', category: 'safety', n: 1 }
			]);
		} finally {
			close();
		}
	});
});
