// The demo seed runs through the real commands and leaves reports in every state the issue asks for.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from '../../../src/lib/server/db/client';
import { seedDemo } from '../../../src/scripts/demo/index';
import { reports } from '../../../src/lib/server/dispatch/schema';
import { REPORT_STATES } from '../../../src/lib/codes';
import { isOverdue } from '../../../src/lib/server/dispatch/rules';

describe('the 吹哨派單 demo', () => {
	it('has about 25 reports in every state across the three communities: an escalation, a reopening, two overdue, one from the API', async () => {
		process.env.UPLOADS_DIR = mkdtempSync(join(tmpdir(), 'demo-uploads-'));
		const db = createTestDb();
		const now = Date.now();
		await seedDemo(db, { password: 'demo-password-for-tests', now });
		const all = db.select().from(reports).all();
		expect(all.length).toBeGreaterThanOrEqual(22);
		expect(new Set(all.map((r) => r.state))).toEqual(new Set(REPORT_STATES));
		expect(new Set(all.map((r) => r.communityId)).size).toBe(3);
		expect(all.filter((r) => r.state === 'escalated' && r.returnCount === 3)).toHaveLength(1);
		expect(all.filter((r) => r.redoCount > 0 && r.state === 'in_progress')).toHaveLength(1);
		expect(all.filter((r) => isOverdue(r, now)).length).toBeGreaterThanOrEqual(2);
		expect(all.filter((r) => r.source === 'open311')).toHaveLength(1);
		expect(all.filter((r) => r.closeReason === 'unverified')).toHaveLength(1);
	}, 120_000);
});
