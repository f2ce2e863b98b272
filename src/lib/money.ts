/**
 * Money, exactly, for the server and the browser alike. Amounts are whole numbers of a minor unit: fen for every
 * menu made in the portal (¥1 = 100 fen); a replayed Pabulib election keeps its file's scale (1, 10 or 100 units
 * per currency unit). Sums and comparisons are integer arithmetic; no amount is ever a floating-point yuan.
 *
 * What a person types is read by one parser, `parseYuan`, with one maximum. Files (Pabulib) are read with the
 * same decimal grammar (`readAmount`). Pages write amounts with `formatMoney` ($lib/format), files and form
 * fields with `plainAmount`.
 */

export const FEN_PER_YUAN = 100;
/** The one maximum of what a person may type: ¥100,000,000 (一億元). Nothing on a 民生微實事 menu costs more. */
export const MAX_YUAN = 100_000_000;
export const MAX_FEN = MAX_YUAN * FEN_PER_YUAN;
/** Amounts are counted to the hundredth of a currency unit (fen, grosze, cents). */
export const MAX_DECIMALS = 2;

/** An amount as written: its whole part and its significant decimals (trailing zeros dropped, so "60.0" is whole). */
export interface WrittenAmount {
	whole: string;
	decimals: string;
}

export type AmountProblem = 'malformed' | 'negative' | 'too_many_decimals';

const AMOUNT = /^(\d+)(?:\.(\d*))?$/;
const NEGATIVE = /^-\s*\d+(?:\.\d*)?$/;

/** Reads "1250", "1250.5", "1250.50" or "1250." (surrounding spaces ignored). */
export function readAmount(text: string): { ok: true; amount: WrittenAmount } | { ok: false; problem: AmountProblem } {
	const trimmed = text.trim();
	const match = AMOUNT.exec(trimmed);
	if (!match) return { ok: false, problem: NEGATIVE.test(trimmed) ? 'negative' : 'malformed' };
	const decimals = (match[2] ?? '').replace(/0+$/, '');
	if (decimals.length > MAX_DECIMALS) return { ok: false, problem: 'too_many_decimals' };
	return { ok: true, amount: { whole: match[1], decimals } };
}

/** Minor units per currency unit for amounts needing at most `decimals` decimals: 1, 10 or 100. */
export function scaleFor(decimals: number): number {
	return 10 ** decimals;
}

/** How many decimals a scale writes: 0 for 1, 1 for 10, 2 for 100. */
export function decimalsOf(scale: number): number {
	const decimals = Math.round(Math.log10(scale));
	if (scaleFor(decimals) !== scale) throw new RangeError(`scale must be a power of ten, got ${scale}`);
	return decimals;
}

/** The amount in minor units of `scale`, or null when it is too large to count exactly in a JavaScript number. */
export function toMinorUnits(amount: WrittenAmount, scale: number): number | null {
	const digits = amount.whole + amount.decimals.padEnd(decimalsOf(scale), '0');
	if (amount.decimals.length > decimalsOf(scale)) throw new RangeError(`${digits} needs a finer scale than ${scale}`);
	const value = BigInt(digits);
	return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** Minor units written in currency units with the scale's decimals: (30815126, 100) → "308151.26", (60, 1) → "60". */
export function formatMinorUnits(value: number, scale: number): string {
	if (!Number.isSafeInteger(value)) throw new RangeError(`an amount in minor units must be a safe integer, got ${value}`);
	const decimals = decimalsOf(scale);
	const sign = value < 0 ? '-' : '';
	const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
	if (decimals === 0) return sign + digits;
	return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** The fewest decimals that write every one of these amounts (minor units of `scale`) exactly: the file's notation. */
export function notationScale(amounts: Iterable<number | null | undefined>, scale: number): number {
	let needed = 1;
	for (const amount of amounts) {
		if (amount === null || amount === undefined) continue;
		// Divisibility, not multiplication: amount × needed could leave the safe integers.
		while (needed < scale && amount % (scale / needed) !== 0) needed *= 10;
	}
	return needed;
}

/** An amount of `scale` written with `decimalsScale`'s decimals (which must hold it exactly): for files and fields. */
export function plainAmount(value: number, scale: number, decimalsScale = notationScale([value], scale)): string {
	if (decimalsScale >= scale) return formatMinorUnits(value * (decimalsScale / scale), decimalsScale);
	const step = scale / decimalsScale;
	if (value % step !== 0) throw new RangeError(`${value} / ${scale} needs more decimals`);
	return formatMinorUnits(value / step, decimalsScale);
}

/** Fen as a person would type them back: "308151.26", "300000" (never "300000.00"). */
export const yuanText = (fen: number) => plainAmount(fen, FEN_PER_YUAN);

export type YuanProblem = 'required' | 'malformed' | 'negative' | 'too_many_decimals' | 'too_large';

/**
 * What a person typed as an amount of yuan, in fen: "300000", "300,000", "¥300,000", "308151.26" — digits
 * (full-width ones too), thousands separators in the whole part, an optional ¥/￥ in front or 元 behind, and at
 * most two decimals. Negative amounts, words and a third decimal are refused, each with its own reason; so is
 * anything above MAX_YUAN.
 */
export function parseYuan(raw: unknown): { ok: true; fen: number } | { ok: false; problem: YuanProblem } {
	const typed = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
	// NFKC turns full-width digits, ￥, ， and ． into their plain forms.
	let text = typed.normalize('NFKC').replace(/[\s\u00a0\u202f]/g, '');
	if (text === '') return { ok: false, problem: 'required' };
	const negative = /^[-−–]/.test(text);
	text = text.replace(/^[-−–]/, '').replace(/^(?:¥|RMB|CNY)/i, '').replace(/(?:元|RMB|CNY)$/i, '');
	// Thousands separators belong to the whole part only: "1,234.5" yes, "1.234,5" no.
	const [whole, ...rest] = text.split('.');
	if (!/^\d{1,3}(?:,\d{3})*$|^\d+$/.test(whole)) return { ok: false, problem: negative && /^[\d,.]+$/.test(text) ? 'negative' : 'malformed' };
	const read = readAmount([whole.replaceAll(',', ''), ...rest].join('.'));
	if (!read.ok) return { ok: false, problem: read.problem };
	if (negative) return { ok: false, problem: 'negative' };
	const fen = toMinorUnits(read.amount, FEN_PER_YUAN);
	if (fen === null || fen > MAX_FEN) return { ok: false, problem: 'too_large' };
	return { ok: true, fen };
}

/**
 * How a menu writes its amounts: its currency, how many stored units make one currency unit, and whether any of
 * its amounts has a fraction (then every amount of the menu shows two decimals, so a column lines up; otherwise
 * none does: ¥300,000, not ¥300,000.00).
 */
export interface MoneyStyle {
	currency: string;
	scale: number;
	fractions: boolean;
}

/** A portal menu whose amounts are all whole yuan. */
export const WHOLE_YUAN: MoneyStyle = { currency: 'CNY', scale: FEN_PER_YUAN, fractions: false };

/** Whether any of these amounts (minor units of `scale`) has a fraction of a currency unit. */
export function hasFractions(amounts: Iterable<number | null | undefined>, scale: number): boolean {
	for (const amount of amounts) if (amount !== null && amount !== undefined && amount % scale !== 0) return true;
	return false;
}

/** The exact decimal text Intl formats (it reads strings exactly), with two decimals when the style shows them. */
export function displayDigits(value: number, style: MoneyStyle): { text: string; decimals: number } {
	const decimals = style.fractions || value % style.scale !== 0 ? MAX_DECIMALS : 0;
	return { text: formatMinorUnits(value, style.scale), decimals };
}

/** How far planned and actual spending go above the approved cost (0 when within it), in the same units. */
export function overApproved(cost: number, totals: { planned: number; actual: number }): { planned: number; actual: number } {
	return { planned: Math.max(0, totals.planned - cost), actual: Math.max(0, totals.actual - cost) };
}
