import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/lib/server/policy';
import { CASES } from './cases';

describe('the authorization matrix', () => {
	it('has a case for every action the policy declares, and the files walk them all', () => {
		expect(Object.keys(CASES).sort()).toEqual([...ACTIONS].sort());
		const prefixes = ['account.', 'residency.', 'org.', 'department.', 'community.', 'street.', 'site.', 'audit.', 'jobs.', 'proposal.', 'consultation.', 'menu.', 'rating.', 'evaluation.', 'area.', 'team.', 'report.', 'service.', 'open311.'];
		expect(ACTIONS.filter((a) => !prefixes.some((p) => a.startsWith(p)))).toEqual([]);
	});
});
