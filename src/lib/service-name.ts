// A report service's name in the reader's language (street staff write all three).
import { getLocale } from '$lib/paraglide/runtime';

export type ServiceNames = { nameHant: string; nameHans: string; nameEn: string };

export function serviceName(s: ServiceNames): string {
	const locale = getLocale();
	return locale === 'en' ? s.nameEn : locale === 'zh-Hans' ? s.nameHans : s.nameHant;
}
