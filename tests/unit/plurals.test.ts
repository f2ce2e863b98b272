import { describe, expect, it } from 'vitest';
import * as m from '../../src/lib/paraglide/messages';

describe('English counts read naturally', () => {
	it.each([
		[m.proposal_seconds({ count: 1 }, { locale: 'en' }), '1 supporter'],
		[m.proposal_seconds({ count: 9 }, { locale: 'en' }), '9 supporters'],
		[m.proposal_needs_more({ count: 1, threshold: 10 }, { locale: 'en' }), '1 more second needed to reach 10'],
		[m.proposal_needs_more({ count: 3, threshold: 10 }, { locale: 'en' }), '3 more seconds needed to reach 10'],
		[m.proposal_overdue_by({ days: 1 }, { locale: 'en' }), "The committee's response is 1 day overdue"],
		[m.desk_task_residency_applications({ count: 1 }, { locale: 'en' }), '1 residency application to review'],
		[m.desk_task_residency_applications({ count: 4 }, { locale: 'en' }), '4 residency applications to review']
	])('%s', (got, want) => expect(got).toBe(want));

	it('Chinese needs no plural forms', () => {
		expect(m.desk_task_residency_applications({ count: 1 }, { locale: 'zh-Hant' })).toBe('待審核的居民申請 1 份');
	});
});

describe('plural rules on a busy page', () => {
	it('are made once per locale and reused, not built for every message shown', async () => {
		const registry = await import('../../src/lib/paraglide/registry.js');
		const Original = Intl.PluralRules;
		let made = 0;
		class Counting extends Original {
			constructor(...args: ConstructorParameters<typeof Original>) {
				super(...args);
				made++;
			}
		}
		const intl = Intl as { PluralRules: typeof Intl.PluralRules };
		intl.PluralRules = Counting as typeof Intl.PluralRules;
		try {
			const forms = Array.from({ length: 20 }, (_, i) => registry.plural('en', i, {}));
			expect(forms.slice(0, 3)).toEqual(['other', 'one', 'other']);
			expect(registry.plural('zh-Hant', 1, {})).toBe('other');
			expect(made).toBeLessThanOrEqual(2);
		} finally {
			intl.PluralRules = Original;
		}
	});
});
