import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../src/lib/server/db/client';
import { seedDemo } from '../../../src/scripts/demo/index';
import { similarLiveProposals } from '../../../src/lib/server/proposals/queries';

describe('similar proposals on the demo street', () => {
	it('finds a proposal already in consultation, so a resident joins it instead of writing it again', async () => {
		const db = createTestDb();
		const ids = await seedDemo(db, { password: 'unused' });
		const found = similarLiveProposals(db, ids.community.jinwei, '電動車充電不方便');
		expect(found[0]).toMatchObject({ title: '金韋花園增設電動自行車集中充電點', state: 'consultation' });
		// merged and answered ones are not offered: there is nothing left to join
		expect(found.map((f) => f.state).every((s) => ['open', 'qualified', 'consultation', 'menu'].includes(s))).toBe(true);
	}, 60_000);
});
