// The matrix world's 吹哨派單 records: the demo catalogue, one report in every state the actions act on, filed by
// resident1 in 金韋's first grid, and an API key. The matrix world is built synchronously, so reports are written
// with the filing's own insert and moved on by the real (synchronous) commands; the reply step, whose command
// decodes photos before its transaction, is written the way it writes it.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db/client';
import type { Actor } from '../../../src/lib/server/policy';
import type { DemoIds } from '../../../src/scripts/demo/foundation';
import { seedDispatchCatalogue } from '../../../src/scripts/demo/dispatch-catalogue';
import { insertReport } from '../../../src/lib/server/dispatch/filing';
import { dispatchReport } from '../../../src/lib/server/dispatch/triage';
import { acceptReport, returnReport } from '../../../src/lib/server/dispatch/handling';
import { verifyReport } from '../../../src/lib/server/dispatch/verification';
import { addEvent } from '../../../src/lib/server/dispatch/records';
import { reports } from '../../../src/lib/server/dispatch/schema';
import { insertKey } from '../../../src/lib/server/dispatch/open311/keys';
import type { Result } from '../../../src/lib/server/result';

export type DispatchRecords = {
	service: number;
	triage: number;
	dispatched: number;
	working: number;
	escalated: number;
	replied: number;
	closed: number;
	key: number;
};

const must = <T>(r: Result<T>): T => {
	if (!r.ok) throw new Error(`dispatch fixture: ${r.error}`);
	return r.value;
};

export function buildDispatchRecords(db: Db, ids: DemoIds, actor: (username: string) => Actor, now: number): DispatchRecords {
	const services = seedDispatchCatalogue(db, ids, now);
	const communityId = ids.community.jinwei;
	const department = ids.department['城管執法隊'];
	const at = (id: number) => ({ communityId, id });
	const desk = (id: number) => ({ streetId: ids.streetId, id });
	const report = () =>
		db.transaction((tx) =>
			insertReport(
				tx,
				{ streetId: ids.streetId, communityId, gridId: ids.grids.jinwei[0], serviceId: services.garbage, reporterId: ids.user.resident1, description: '三棟門口的垃圾兩天沒人收了。', address: '金韋花園 3 棟' },
				[],
				[],
				now,
				() => {}
			)
		).id;
	const dispatch = (id: number) => must(dispatchReport(db, actor('committee1'), at(id), { departmentId: String(department) }, now));
	const reply = (id: number) => {
		db.update(reports).set({ state: 'replied', repliedAt: now, updatedAt: now }).where(eq(reports.id, id)).run();
		addEvent(db, id, 'replied', ids.user.dept1, now, { departmentId: department, note: '已清運。' });
	};

	const triage = report();
	const dispatched = report();
	dispatch(dispatched);
	const working = report();
	dispatch(working);
	must(acceptReport(db, actor('dept1'), desk(working), {}, now));
	const escalated = report();
	for (let i = 0; i < 3; i++) {
		dispatch(escalated);
		must(returnReport(db, actor('dept1'), desk(escalated), { reason: '不屬於本隊職責範圍。' }, now));
	}
	const replied = report();
	dispatch(replied);
	must(acceptReport(db, actor('dept1'), desk(replied), {}, now));
	reply(replied);
	const closed = report();
	dispatch(closed);
	must(acceptReport(db, actor('dept1'), desk(closed), {}, now));
	reply(closed);
	must(verifyReport(db, actor('resident1'), at(closed), { decision: 'fixed' }, now));
	const key = insertKey(db, ids.streetId, '市民熱線', ids.user.street, now).id;
	return { service: services.garbage, triage, dispatched, working, escalated, replied, closed, key };
}
