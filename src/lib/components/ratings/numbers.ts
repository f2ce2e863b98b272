// Shares, scores and money with decimals in the reader's language (format.ts keeps the portal's whole-yuan
// and date formats; these are the evaluation's).
import { getLocale } from '$lib/paraglide/runtime';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions) {
	const locale = getLocale();
	let f = cache.get(`${locale}|${key}`);
	if (!f) cache.set(`${locale}|${key}`, (f = new Intl.NumberFormat(locale, options)));
	return f;
}

/** 0.8333 → 83.3 % */
export const formatShare = (share: number, digits = 1) => formatter(`p${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
/** 4.16667 → 4.2 */
export const formatDecimal = (x: number, digits = 1) => formatter(`d${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
/** 1234567 fen → ¥12,345.67 */
export const formatFen = (fen: number) => formatter('fen', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(fen / 100);
