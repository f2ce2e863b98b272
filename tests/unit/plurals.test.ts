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

	it.each([
		[m.menu_votes({ votes: 1 }, { locale: 'en' }), '1 vote'],
		[m.menu_votes({ votes: 2 }, { locale: 'en' }), '2 votes'],
		[m.menu_counts({ projects: 1, ballots: 1 }, { locale: 'en' }), '1 project · 1 ballot'],
		[m.menu_counts({ projects: 2, ballots: 1 }, { locale: 'en' }), '2 projects · 1 ballot'],
		[m.menu_counts({ projects: 1, ballots: 2 }, { locale: 'en' }), '1 project · 2 ballots'],
		[m.menu_results_summary({ voters: 1, selected: 1, cost: '¥10', budget: '¥20' }, { locale: 'en' }), '1 person voted; 1 project chosen, costing ¥10 (budget ¥20).'],
		[m.menu_results_summary({ voters: 2, selected: 2, cost: '¥10', budget: '¥20' }, { locale: 'en' }), '2 people voted; 2 projects chosen, costing ¥10 (budget ¥20).'],
		[m.impl_spending_pending_lines({ count: 1 }, { locale: 'en' }), '1 item not yet paid; the difference counts only items already paid.'],
		[m.impl_spending_pending_lines({ count: 2 }, { locale: 'en' }), '2 items not yet paid; the difference counts only items already paid.'],
		[m.menu_ballot_min({ min: 1 }, { locale: 'en' }), 'Choose at least 1 project.'],
		[m.menu_ballot_min({ min: 2 }, { locale: 'en' }), 'Choose at least 2 projects.'],
		[m.menu_points({ points: 1 }, { locale: 'en' }), '1 point'],
		[m.menu_points({ points: 2 }, { locale: 'en' }), '2 points']
	])('menus: %s', (got, want) => expect(got).toBe(want));

	it('Chinese needs no plural forms', () => {
		expect(m.menu_votes({ votes: 1 }, { locale: 'zh-Hant' })).toBe('1 票');
		expect(m.menu_counts({ projects: 1, ballots: 2 }, { locale: 'zh-Hans' })).toBe('1 个项目 · 2 张选票');
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
