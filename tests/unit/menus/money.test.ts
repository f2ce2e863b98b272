// Exact money: what people type is read into fen by one parser, written back by one formatter, and every sum
// and comparison of the portal (ballot, tally, files) counts whole fen.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoWorld } from '../world';
import { makeMenu, menuAt } from './helpers';
import { formatMoney, formatMoneyChange } from '../../../src/lib/format';
import { overApproved, parseYuan, yuanText, WHOLE_YUAN, plainAmount, type MoneyStyle } from '../../../src/lib/money';
import { createMenu } from '../../../src/lib/server/menus/commands';
import { submitCandidate } from '../../../src/lib/server/menus/candidates';
import { castBallot } from '../../../src/lib/server/menus/ballots';
import { publishResults } from '../../../src/lib/server/menus/results';
import { importPabulib } from '../../../src/lib/server/menus/import';
import { ballotsPb, resultRows } from '../../../src/lib/server/menus/export';
import { loadMenu } from '../../../src/lib/server/menus/records';
import { moneyOf } from '../../../src/lib/server/menus/queries';
import { parsePabulib } from '../../../src/lib/server/menus/pabulib';
import { menuProjects, menus } from '../../../src/lib/server/menus/schema';

const FEN: MoneyStyle = { currency: 'CNY', scale: 100, fractions: true };

describe('reading what people type', () => {
	it.each([
		['300000', 30_000_000],
		['300,000', 30_000_000],
		['¥300,000', 30_000_000],
		['￥300,000元', 30_000_000],
		['308151.26', 30_815_126],
		['1,234.5', 123_450],
		['１２３', 12_300],
		['１２３．４５', 12_345],
		['  45000.50 ', 4_500_050],
		['0.01', 1],
		['100000000', 10_000_000_000]
	])('%j is %d fen', (typed, fen) => {
		expect(parseYuan(typed)).toEqual({ ok: true, fen });
	});

	it.each([
		['', 'required'],
		['   ', 'required'],
		['abc', 'malformed'],
		['三十萬', 'malformed'],
		['1.234,5', 'malformed'],
		['12,34', 'malformed'],
		['1e5', 'malformed'],
		['0x10', 'malformed'],
		['Infinity', 'malformed'],
		['-5', 'negative'],
		['-1,000.5', 'negative'],
		['1.234', 'too_many_decimals'],
		['100000000.01', 'too_large'],
		['99999999999999999999', 'too_large']
	])('%j is refused as %s', (typed, problem) => {
		expect(parseYuan(typed)).toEqual({ ok: false, problem });
	});

	it('a number given by code reads as yuan, exactly', () => {
		expect(parseYuan(308151.26)).toEqual({ ok: true, fen: 30_815_126 });
		expect(parseYuan(0.1 + 0.2)).toEqual({ ok: false, problem: 'too_many_decimals' });
	});
});

describe('writing amounts', () => {
	it('shows fen when the menu has any, and whole yuan otherwise', () => {
		expect(formatMoney(30_815_126, FEN)).toBe('¥308,151.26');
		expect(formatMoney(30_000_000, FEN)).toBe('¥300,000.00');
		expect(formatMoney(30_000_000, WHOLE_YUAN)).toBe('¥300,000');
		// A stray fen is never hidden, even where the menu had none before.
		expect(formatMoney(30_000_001, WHOLE_YUAN)).toBe('¥300,000.01');
		expect(formatMoneyChange(-1, FEN)).toBe('-¥0.01');
		expect(formatMoneyChange(150, FEN)).toBe('+¥1.50');
		expect(formatMoney(6_000, { currency: 'PLN', scale: 1, fractions: false })).toMatch(/^zł\s?6,000$/);
	});

	it('is exact where floating point is not: the largest safe amount, digit by digit', () => {
		expect(formatMoney(Number.MAX_SAFE_INTEGER, FEN)).toBe('¥90,071,992,547,409.91');
		expect(plainAmount(Number.MAX_SAFE_INTEGER, 100)).toBe('90071992547409.91');
	});

	it('what a field shows is read back as the same amount', () => {
		for (const fen of [0, 1, 10, 99, 100, 30_815_126, 4_500_050, 10_000_000_000]) expect(parseYuan(yuanText(fen))).toEqual({ ok: true, fen });
		expect([yuanText(30_000_000), yuanText(4_500_050), yuanText(1)]).toEqual(['300000', '45000.5', '0.01']);
	});
});

describe('a menu counted in fen', () => {
	it('takes a budget of ¥308,151.26, and a cost one fen above it is refused', () => {
		const w = demoWorld();
		const created = createMenu(w.db, w.actor('street'), { communityId: w.ids.community.jinwei }, {
			title: '分也算的菜單',
			description: '',
			budget: '¥308,151.26',
			ballotRule: 'approval_budget',
			tallyRule: 'greedy',
			collectStartsAt: '2026-11-01',
			reviewStartsAt: '2026-11-15',
			voteStartsAt: '2026-12-01',
			resultsStartsAt: '2026-12-15',
			implementationStartsAt: '2027-01-01',
			acceptanceStartsAt: '2027-06-01'
		}, w.now);
		if (!created.ok) throw new Error(created.error);
		expect(w.db.select().from(menus).where(eq(menus.id, created.value.id)).get()!.budget).toBe(30_815_126);
		const { menu } = makeMenu(w, 'collect', { costs: [] });
		w.db.update(menus).set({ budget: 30_815_126 }).where(eq(menus.id, menu.id)).run();
		const submit = (estimatedCost: string) => submitCandidate(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { title: '圖書館屋頂', estimatedCost }, w.now);
		expect(submit('308,151.27')).toMatchObject({ ok: false, fields: { estimatedCost: 'err_menu_cost_over_budget' } });
		expect(submit('308,151.26')).toMatchObject({ ok: true });
		expect(w.db.select({ cost: menuProjects.estimatedCost }).from(menuProjects).where(eq(menuProjects.menuId, menu.id)).get()!.cost).toBe(30_815_126);
	});

	/** ¥308,151.26 with projects of ¥252,513.39, ¥55,637.87 (which fits only when fen are counted) and ¥0.01. */
	function grosze() {
		const w = demoWorld();
		const { menu, ids } = makeMenu(w, 'vote', { costs: [1, 1, 1] });
		w.db.update(menus).set({ budget: 30_815_126 }).where(eq(menus.id, menu.id)).run();
		[25_251_339, 5_563_787, 1].forEach((cost, i) => w.db.update(menuProjects).set({ estimatedCost: cost, finalCost: cost }).where(eq(menuProjects.id, ids[i])).run());
		return { w, menu, ids };
	}

	it('a ballot that spends the budget to the fen is taken; one fen more is refused, saying ¥0.01', () => {
		const { w, menu, ids } = grosze();
		// In floating point 308151.26 − 252513.39 leaves 55637.869999999995: the second project would not fit.
		expect(308151.26 - 252513.39 < 55637.87).toBe(true);
		expect(castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[1])] }, w.now)).toMatchObject({ ok: true });
		expect(castBallot(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { projectIds: ids.map(String) }, w.now)).toEqual({
			ok: false,
			error: 'menu_ballot_over_budget',
			params: { budget: '¥308,151.26', total: '¥308,151.27', over: '¥0.01' }
		});
		expect(moneyOf(w.db, loadMenu(w.db, menuAt(w.db, menu.id))!.menu)).toEqual(FEN);
	});

	it('the count funds the project that fits only with fen counted, and the one that misses by ¥0.01 does not fit', () => {
		const { w, menu, ids } = grosze();
		castBallot(w.db, w.actor('resident1'), menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[1])] }, w.now);
		castBallot(w.db, w.actor('resident2'), menuAt(w.db, menu.id), { projectIds: [String(ids[0]), String(ids[1])] }, w.now);
		castBallot(w.db, w.actor('resident3'), menuAt(w.db, menu.id), { projectIds: [String(ids[0])] }, w.now);
		castBallot(w.db, w.actor('resident4'), menuAt(w.db, menu.id), { projectIds: [String(ids[2])] }, w.now);
		w.db.update(menus).set({ advancedTo: 'results' }).where(eq(menus.id, menu.id)).run();
		const published = publishResults(w.db, w.actor('street'), menuAt(w.db, menu.id), {}, w.now);
		if (!published.ok) throw new Error(published.error);
		expect(published.value.projects.map((p) => [p.projectId, p.selected, p.reason])).toEqual([
			[ids[0], true, null],
			[ids[1], true, null],
			[ids[2], false, 'did_not_fit']
		]);
		expect(published.value.cost).toBe(30_815_126);

		// The .pb file writes yuan with their fen, and counts the same; export → import → export is the same file.
		const loaded = loadMenu(w.db, menuAt(w.db, menu.id))!;
		const text = ballotsPb(w.db, loaded, published.value);
		const file = parsePabulib(text);
		expect(file.meta.budget).toBe('308151.26');
		expect(file.projects.map((p) => p.cost)).toEqual([25_251_339, 5_563_787, 1]);
		expect(text).toContain(`\n${ids[2]};0.01;`);
		expect(resultRows(w.db, loaded, published.value).map((r) => r.cost)).toEqual([25_251_339, 5_563_787, 1]);
		return importPabulib(w.db, w.actor('street'), { communityId: w.ids.community.fenghuangshan }, { file: [{ name: 'x.pb', type: 'text/plain', bytes: new TextEncoder().encode(text) }] }, w.now).then((r) => {
			if (!r.ok) throw new Error(r.error);
			const replay = loadMenu(w.db, menuAt(w.db, r.value.id))!;
			expect([replay.menu.budget, replay.menu.amountScale, replay.menu.currency]).toEqual([30_815_126, 100, 'CNY']);
			expect(ballotsPb(w.db, replay, JSON.parse(replay.menu.resultsJson!))).toBe(text);
		});
	});
});

describe('spending above the approved cost', () => {
	it('is the difference for planned and actual spending, and nothing when within it', () => {
		expect(overApproved(1_000_000, { planned: 1_050_000, actual: 999_999 })).toEqual({ planned: 50_000, actual: 0 });
		expect(overApproved(1_000_000, { planned: 1_000_000, actual: 1_000_001 })).toEqual({ planned: 0, actual: 1 });
		expect(overApproved(1_000_000, { planned: 0, actual: 0 })).toEqual({ planned: 0, actual: 0 });
	});
});
