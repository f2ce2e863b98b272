import { getLocale } from '$lib/paraglide/runtime';
import { displayDigits, WHOLE_YUAN, type MoneyStyle } from '$lib/money';

export type { MoneyStyle } from '$lib/money';

const TZ = 'Asia/Shanghai';

// Building an Intl formatter costs ~40 µs; a list page formats dozens of values, so keep one per locale and style.
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

// A list shows the same few days again and again: a day's text is kept once made (Intl's format is the most
// expensive call of a list's render). China's clocks have kept UTC+8 all year since 1991, so a day is a fixed span.
const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
const SINCE_1991 = Date.UTC(1991, 8, 16);
const days = new Map<string, string>();

const dateFormat = (locale: string, dateOnly: boolean) =>
	cached(`d|${locale}|${dateOnly}`, () =>
		new Intl.DateTimeFormat(locale, {
			timeZone: TZ,
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hour12: false })
		})
	);

/** Dates in the reader's language, in China's time zone (where the streets are). */
export function formatDateTime(at: number, dateOnly = false): string {
	const locale = getLocale();
	if (!dateOnly || at < SINCE_1991) return dateFormat(locale, dateOnly).format(new Date(at));
	const key = `${locale}|${Math.floor((at + CHINA_OFFSET) / DAY)}`;
	let text = days.get(key);
	if (text === undefined) {
		if (days.size >= 10_000) days.clear();
		days.set(key, (text = dateFormat(locale, true).format(new Date(at))));
	}
	return text;
}

/**
 * An amount of a menu as people read it: ¥308,151.26, or ¥300,000 when the menu has no fen anywhere (see
 * MoneyStyle); a replayed election keeps its own currency (zł, €…). Narrow symbols: never "CN¥". Exact: Intl
 * reads the decimal text, not a floating-point number.
 */
export function formatMoney(value: number, style: MoneyStyle = WHOLE_YUAN): string {
	const locale = getLocale();
	const { text, decimals } = displayDigits(value, style);
	const format = cached(`m|${locale}|${style.currency}|${decimals}`, () =>
		new Intl.NumberFormat(locale, {
			style: 'currency',
			currency: style.currency,
			currencyDisplay: 'narrowSymbol',
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		})
	);
	return format.format(text as Intl.StringNumericLiteral);
}

/** A difference with its sign: +¥1,200 or -¥300. */
export function formatMoneyChange(value: number, style: MoneyStyle = WHOLE_YUAN): string {
	return value > 0 ? `+${formatMoney(value, style)}` : formatMoney(value, style);
}

/** A whole number as the reader's language writes it: 5,002. */
export function formatCount(n: number): string {
	return cached(`n|${getLocale()}`, () => new Intl.NumberFormat(getLocale())).format(n);
}

/** Names joined as the reader's language joins them: 王秀英、李建國和張麗華 · Wang, Li and Zhang. */
export function formatList(items: readonly string[]): string {
	const locale = getLocale();
	return cached(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
