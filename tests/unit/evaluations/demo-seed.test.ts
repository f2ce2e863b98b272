// The whole demo, seeded through the real commands: rated projects, an open 物業 period, two published quarters.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from '../../../src/lib/server/db/client';
import { seedDemo } from '../../../src/scripts/demo/index';
import { streetEvaluations, communityEvaluation } from '../../../src/lib/server/evaluations/queries';
import { communityRatings } from '../../../src/lib/server/ratings/queries';
import { loadPeriod } from '../../../src/lib/server/evaluations/records';
import { evaluationDocument } from '../../../src/lib/server/evaluations/export';
import { verifyDocument } from '../../../src/lib/server/evaluations/document';
import { TEST_NOW } from '../world';

process.env.UPLOADS_DIR = mkdtempSync(join(tmpdir(), 'eval-demo-'));

describe('the demo’s ratings and evaluations', () => {
	it('publishes two past quarters that recompute, with 雙水’s satisfaction dropped, and rates the accepted projects', async () => {
		const db = createTestDb();
		const ids = await seedDemo(db, { password: 'x', now: TEST_NOW });
		const street = streetEvaluations(db, ids.streetId, false, TEST_NOW);
		expect(street.periods.map((p) => [p.key, p.state])).toEqual([
			['2026Q4', 'running'],
			['2026Q3', 'published'],
			['2026Q2', 'published']
		]);
		expect(street.ranking.map((r) => r.slug)).toEqual(expect.arrayContaining(['jinwei', 'fenghuangshan']));
		const doc = evaluationDocument(db, loadPeriod(db, { streetId: ids.streetId, periodKey: '2026Q3' })!)!;
		expect(verifyDocument(JSON.parse(JSON.stringify(doc)))).toMatchObject({ ok: true, mismatches: [] });
		const shuangshui = communityEvaluation(db, { id: ids.community.shuangshui, streetId: ids.streetId })!;
		expect(shuangshui.indicators[0]).toMatchObject({ indicator: 'satisfaction', n: 4, dropped: 'below_min_n' });
		const rated = communityRatings(db, ids.community.jinwei, TEST_NOW);
		const open = rated.filter((r) => r.state === 'open');
		expect(open.map((r) => [r.kind, r.summary.n, r.summary.insufficient])).toEqual(
			expect.arrayContaining([
				['project', 14, false],
				['project', 6, true],
				['property', 12, false]
			])
		);
	}, 60_000);
});
