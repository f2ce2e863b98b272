import { getLocale } from '$lib/paraglide/runtime';

const TZ = 'Asia/Shanghai';

/** Dates in the reader's language, in China's time zone (where the streets are). */
export function formatDateTime(at: number, dateOnly = false): string {
	const locale = getLocale();
	return new Intl.DateTimeFormat(locale, {
		timeZone: TZ,
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hour12: false })
	}).format(new Date(at));
}

export function formatNumber(n: number, fractionDigits = 0): string {
	return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(n);
}

/** Yuan amounts: ¥12,345. */
export function formatYuan(n: number): string {
	return new Intl.NumberFormat(getLocale(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(n);
}
