// Snapshot → awards → publish → download → recompute, on the demo street; and a published evaluation never changes.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { evaluatedStreet } from './helpers';
import { publishSnapshot, setAwards, takeSnapshot } from '../../../src/lib/server/evaluations/commands';
import { loadPeriod } from '../../../src/lib/server/evaluations/records';
import { evaluationCsv, evaluationDocument } from '../../../src/lib/server/evaluations/export';
import { verifyDocument } from '../../../src/lib/server/evaluations/document';
import { runEvaluationSnapshots } from '../../../src/lib/server/evaluations/snapshot';
import { evaluationResults, evaluationSnapshots } from '../../../src/lib/server/evaluations/schema';

describe('a period’s evaluation', () => {
	it('is taken by the job once the period ended, once, and counts each community’s ratings', () => {
		const w = demoWorld();
		const at = evaluatedStreet(w);
		expect(runEvaluationSnapshots(w.db, w.now)).toEqual(['pingxiangmen/2026Q2', 'pingxiangmen/2026Q3']);
		expect(runEvaluationSnapshots(w.db, w.now)).toEqual([]);
		const doc = evaluationDocument(w.db, loadPeriod(w.db, at)!)!;
		const jinwei = doc.communities.find((c) => c.slug === 'jinwei')!;
		expect(jinwei.indicators[0]).toMatchObject({ indicator: 'satisfaction', numerator: 5, denominator: 6, n: 6, dropped: null });
		// lower end of the Wilson interval of 5 of 6, over a target of 80 %
		expect(jinwei.indicators[0].actual).toBe(0.436491);
		expect(jinwei.indicators[0].score).toBe(0.545614);
		// nobody rated in 雙水: fewer answers than the minimum, dropped and never imputed
		expect(doc.communities.find((c) => c.slug === 'shuangshui')!.indicators[0]).toMatchObject({ n: 0, dropped: 'below_min_n', score: null });
	});

	it('downloads as a document that recomputes to the same figures, and a tampered one does not', () => {
		const w = demoWorld();
		const at = evaluatedStreet(w);
		expect(takeSnapshot(w.db, w.actor('street'), at, {}, w.now).ok).toBe(true);
		expect(setAwards(w.db, w.actor('street'), at, { pool: '50000', floor: '10000', cap: '60000' }, w.now)).toMatchObject({ ok: true });
		const doc = evaluationDocument(w.db, loadPeriod(w.db, at)!)!;
		expect(doc.reward).toEqual({ poolFen: 5_000_000, floorFen: 1_000_000, capFen: 6_000_000 });
		expect(doc.communities.reduce((s, c) => s + (c.awardFen ?? 0), 0)).toBe(5_000_000);
		const again = JSON.parse(JSON.stringify(doc));
		expect(verifyDocument(again)).toEqual({ ok: true, communities: 3, ranked: doc.ranking.length, mismatches: [] });
		again.communities[0].indicators[0].numerator = 6;
		const tampered = verifyDocument(again);
		expect(tampered.ok && tampered.mismatches.map((m) => m.where)).toContain('jinwei satisfaction actual');
		const csv = evaluationCsv(doc);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('community_slug,community_name,indicator,numerator,denominator,n,weight,target_percent,min_n,measure,actual,score,dropped,effective_weight,community_score,rank,award_yuan');
		expect(lines).toHaveLength(1 + 3 * 5);
		expect(lines[1]).toMatch(/^jinwei,金韋社區,satisfaction,5,6,6,30,80,1,wilson_lower,0.436491,0.545614,,/);
	});

	it('once published, is never computed again and the database refuses any change to it', () => {
		const w = demoWorld();
		const at = evaluatedStreet(w);
		expect(takeSnapshot(w.db, w.actor('street'), at, {}, w.now).ok).toBe(true);
		expect(publishSnapshot(w.db, w.actor('street'), at, {}, w.now).ok).toBe(true);
		expect(takeSnapshot(w.db, w.actor('street'), at, {}, w.now)).toEqual({ ok: false, error: 'evaluation_published' });
		expect(setAwards(w.db, w.actor('street'), at, { pool: '100', floor: '0', cap: '100' }, w.now)).toEqual({ ok: false, error: 'evaluation_published' });
		expect(() => w.db.update(evaluationResults).set({ score: 125 }).run()).toThrow(/evaluation_published/);
		expect(() => w.db.delete(evaluationSnapshots).where(eq(evaluationSnapshots.periodKey, at.periodKey)).run()).toThrow(/evaluation_published/);
	});

	it('cannot be computed before its period ends', () => {
		const w = demoWorld();
		const at = evaluatedStreet(w);
		expect(takeSnapshot(w.db, w.actor('street'), { ...at, periodKey: '2026Q4' }, {}, w.now)).toEqual({ ok: false, error: 'evaluation_period_running' });
	});
});

describe('the indicator registry', () => {
	it('counts an indicator only when a provider is registered for it (a stand-in coverage figure, and none)', async () => {
		const { measure } = await import('../../../src/lib/server/evaluations/snapshot');
		const { PROVIDERS, registry } = await import('../../../src/lib/server/evaluations/indicators');
		const { coverageIndicator } = await import('../../../src/lib/server/evaluations/indicators/coverage');
		const { loadPeriod: load } = await import('../../../src/lib/server/evaluations/records');
		const w = demoWorld();
		const at = evaluatedStreet(w);
		const { period, scheme } = load(w.db, at)!;
		const others = PROVIDERS.filter((p) => p.indicator !== 'coverage');
		const withCoverage = registry([...others, { indicator: 'coverage', measure: coverageIndicator(() => ({ numerator: 45, denominator: 60, n: 2, share: 0.75 })) }]);
		const jinwei = measure(w.db, at.streetId, period, scheme, withCoverage).find((c) => c.slug === 'jinwei')!;
		expect(jinwei.figures.find((f) => f.indicator === 'coverage')).toMatchObject({ source: true, numerator: 45, denominator: 60, n: 2 });
		expect(measure(w.db, at.streetId, period, scheme, registry(others)).find((c) => c.slug === 'jinwei')!.figures.find((f) => f.indicator === 'coverage')).toMatchObject({ source: false, numerator: null });
		// registered on main: the areas' own figure counts
		expect(measure(w.db, at.streetId, period, scheme).find((c) => c.slug === 'jinwei')!.figures.find((f) => f.indicator === 'coverage')).toMatchObject({ source: true });
		expect(() => registry([...PROVIDERS, PROVIDERS[0]])).toThrow(/two providers/);
	});
});
