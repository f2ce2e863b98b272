// The ballot counter's words: the page writes them for the ballot as sent, its script for every tick after.
import { describe, expect, it } from 'vitest';
import { counterText } from '../../../src/routes/c/[slug]/menus/[id=id]/ballot/counter-text';
import { WHOLE_YUAN, type MoneyStyle } from '../../../src/lib/money';

const FEN: MoneyStyle = { currency: 'CNY', scale: 100, fractions: true };

describe('the ballot counter', () => {
	it('tells what is chosen and left of the budget, to the fen, and by how much it is over', () => {
		const data = { budget: 30_815_126, k: null, money: FEN };
		expect(counterText([25_251_339], data)).toEqual({ text: '已選 ¥252,513.39，還剩 ¥55,637.87', over: false });
		expect(counterText([25_251_339, 5_563_787], data)).toEqual({ text: '已選 ¥308,151.26，還剩 ¥0.00', over: false });
		expect(counterText([25_251_339, 5_563_787, 1], data)).toEqual({ text: '超出預算 ¥0.01，請取消一些項目', over: true });
	});

	it('counts choices against k, whatever they cost', () => {
		const data = { budget: 10_000_000, k: 2, money: WHOLE_YUAN };
		expect(counterText([], data).over).toBe(false);
		expect(counterText([50_000_000, 1], data).over).toBe(false);
		expect(counterText([1, 1, 1], data).over).toBe(true);
	});
});
