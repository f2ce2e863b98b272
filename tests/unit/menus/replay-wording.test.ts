import { describe, expect, it } from 'vitest';
import { pabulibComment } from '../../../src/lib/server/menus/import';
import * as m from '../../../src/lib/paraglide/messages';

describe('a replayed election reads as text a resident understands', () => {
	it("the file's numbered remarks lose their markers", () => {
		expect(pabulibComment('#1: Young people between the ages of 12 and 27 could vote')).toBe('Young people between the ages of 12 and 27 could vote');
		expect(pabulibComment('#1: Voters chose up to 3 projects; #2: Project 7 was withdrawn')).toBe('- Voters chose up to 3 projects\n- Project 7 was withdrawn');
		expect(pabulibComment('A plain remark')).toBe('A plain remark');
		expect(pabulibComment(undefined)).toBe('');
	});

	it('the budget is not labelled in yuan where a replay counts euros, and the chart joins rows in each language', () => {
		expect(m.menu_fact_budget({}, { locale: 'zh-Hant' })).toBe('總預算');
		expect(m.menu_fact_budget({}, { locale: 'en' })).toBe('Total budget');
		expect(m.menu_chart_join({}, { locale: 'en' })).toBe('; ');
		expect(m.menu_chart_join({}, { locale: 'zh-Hans' })).toBe('；');
	});
});
