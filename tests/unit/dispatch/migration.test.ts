// The reporter's rating of the handling moved into the ratings module in 0017: a database written before it
// comes out with a rating subject per closed report of an account, and each rating given as a ratings row.
import { describe, expect, it } from 'vitest';
import { handlingRatings } from '../../../src/lib/server/dispatch/rating';
import { databaseAt } from '../migrations';

const DAY = 86_400_000;

describe('migration 0017: report ratings in the ratings module', () => {
	it('opens each closed report for its reporter and carries every rating over, note as comment', () => {
		const { db, sqlite, at, migrateToLatest, close } = databaseAt('0016_money');
		try {
			sqlite.exec(`
				INSERT INTO report_services (id, street_id, code, name_hant, name_hans, name_en, "group", deadline_class, created_at, updated_at)
					VALUES (1, 1, 'litter', '垃圾', '垃圾', 'Litter', 'environment', 'normal', ${at}, ${at});
				INSERT INTO reports (id, street_id, community_id, service_id, reporter_id, description, state, close_reason, closed_at, rating, rating_note, rated_at, created_at, updated_at) VALUES
					(1, 1, 1, 1, 1, '3 棟門口堆了兩袋垃圾', 'closed', 'fixed', ${at + DAY}, 'basic', '第二次才清乾淨', ${at + 2 * DAY}, ${at}, ${at}),
					(2, 1, 1, 1, 1, '路燈不亮', 'closed', 'unverified', ${at + DAY}, NULL, NULL, NULL, ${at}, ${at}),
					(3, 1, 1, 1, NULL, '熱線轉來的報告', 'closed', 'fixed', ${at + DAY}, NULL, NULL, NULL, ${at}, ${at}),
					(4, 1, 1, 1, 1, '還在處理的報告', 'reported', NULL, NULL, NULL, NULL, NULL, ${at}, ${at});
			`);

			migrateToLatest();

			const subjects = sqlite.prepare(`SELECT subject_id AS id, rater_id AS raterId, title, link, opens_at AS opensAt, closes_at AS closesAt, invited FROM rating_subjects WHERE kind = 'report' ORDER BY subject_id`).all();
			expect(subjects).toEqual([
				{ id: 1, raterId: 1, title: '3 棟門口堆了兩袋垃圾', link: '/c/jinwei/reports/1', opensAt: at + DAY, closesAt: at + 31 * DAY, invited: 1 },
				{ id: 2, raterId: 1, title: '路燈不亮', link: '/c/jinwei/reports/2', opensAt: at + DAY, closesAt: at + 31 * DAY, invited: 1 }
			]);
			expect(sqlite.prepare(`SELECT subject_id AS id, rater_id AS raterId, overall, comment FROM ratings WHERE subject_kind = 'report'`).all()).toEqual([
				{ id: 1, raterId: 1, overall: 2, comment: '第二次才清乾淨' }
			]);
			expect(handlingRatings(db, [1, 2, 3])).toEqual(new Map([[1, { rating: 'basic', ratedAt: at + 2 * DAY }]]));
			const columns = (sqlite.prepare('PRAGMA table_info(reports)').all() as { name: string }[]).map((c) => c.name);
			expect(columns).not.toContain('rating_note');
			expect(columns).not.toContain('rated_at');
			expect(sqlite.prepare('SELECT count(*) AS n FROM reports WHERE rating IS NOT NULL').get()).toEqual({ n: 0 });
		} finally {
			close();
		}
	});
});
