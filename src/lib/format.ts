import { getLocale } from '$lib/paraglide/runtime';

const TZ = 'Asia/Shanghai';

// Building an Intl formatter costs ~40 µs; a list page formats dozens of values, so keep one per locale and style.
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

/** Dates in the reader's language, in China's time zone (where the streets are). */
export function formatDateTime(at: number, dateOnly = false): string {
	const locale = getLocale();
	return cached(`d|${locale}|${dateOnly}`, () =>
		new Intl.DateTimeFormat(locale, {
			timeZone: TZ,
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hour12: false })
		})
	).format(new Date(at));
}

/** ¥12,345 for yuan; a replayed election keeps its own currency (€, zł…). Narrow symbols: never "CN¥". */
export function formatMoney(n: number, currency = 'CNY'): string {
	const locale = getLocale();
	return cached(`m|${locale}|${currency}`, () =>
		new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 })
	).format(n);
}

export const formatYuan = (n: number) => formatMoney(n, 'CNY');

/** Names joined as the reader's language joins them: 王秀英、李建國和張麗華 · Wang, Li and Zhang. */
export function formatList(items: readonly string[]): string {
	const locale = getLocale();
	return cached(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
