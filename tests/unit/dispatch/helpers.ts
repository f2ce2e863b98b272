// A report moved through the dispatch flow by its real commands, on the demo street with the demo catalogue.
import { eq } from 'drizzle-orm';
import type { World } from '../world';
import type { Result } from '../../../src/lib/server/result';
import type { Db } from '../../../src/lib/server/db/client';
import { seedDispatchCatalogue } from '../../../src/scripts/demo/dispatch-catalogue';
import { fileReport } from '../../../src/lib/server/dispatch/filing';
import { dispatchReport } from '../../../src/lib/server/dispatch/triage';
import { acceptReport, replyToReport, returnReport } from '../../../src/lib/server/dispatch/handling';
import { nameLead } from '../../../src/lib/server/dispatch/verification';
import { reports } from '../../../src/lib/server/dispatch/schema';

export function must<T>(r: Result<T>, what = 'step'): T {
	if (!r.ok) throw new Error(`${what}: ${r.error} ${JSON.stringify(r.fields ?? {})}`);
	return r.value;
}

export type DispatchWorld = World & { services: Record<string, number> };

export function withCatalogue<W extends World>(w: W): W & { services: Record<string, number> } {
	return Object.assign(w, { services: seedDispatchCatalogue(w.db, w.ids, w.now - 1000) });
}

export const jinwei = (w: World) => ({ communityId: w.ids.community.jinwei });
export const reportAt = (w: World, id: number) => ({ communityId: w.ids.community.jinwei, id });
export const dept = (w: World, name: '城管執法隊' | '市政維護中心' | '住建局' = '城管執法隊') => w.ids.department[name];
export const deskAt = (w: World, id: number) => ({ streetId: w.ids.streetId, id });

export const validReport = (extra: Record<string, unknown> = {}) => ({
	service: 'garbage',
	description: '三棟門口的垃圾兩天沒人收了，味道很大。',
	address: '金韋花園 3 棟門口',
	...extra
});

export async function file(w: World, who = 'resident1', extra: Record<string, unknown> = {}): Promise<number> {
	return must(await fileReport(w.db, w.actor(who), jinwei(w), validReport(extra), w.now), 'file').id;
}

export const reportRow = (db: Db, id: number) => db.select().from(reports).where(eq(reports.id, id)).get()!;

/** Filed by resident1 and dispatched to 城管執法隊 by the committee. */
export async function dispatched(w: World): Promise<number> {
	const id = await file(w);
	must(dispatchReport(w.db, w.actor('committee1'), reportAt(w, id), { departmentId: String(dept(w)) }, w.now), 'dispatch');
	return id;
}

export async function inProgress(w: World): Promise<number> {
	const id = await dispatched(w);
	must(acceptReport(w.db, w.actor('dept1'), deskAt(w, id), {}, w.now), 'accept');
	return id;
}

export async function replied(w: World): Promise<number> {
	const id = await inProgress(w);
	must(await replyToReport(w.db, w.actor('dept1'), deskAt(w, id), { note: '已安排清運，現場已清理乾淨。' }, w.now), 'reply');
	return id;
}

/** Returned three times by 城管執法隊: with the street. */
export async function escalated(w: World): Promise<number> {
	const id = await file(w);
	for (let i = 0; i < 3; i++) {
		must(dispatchReport(w.db, w.actor('committee1'), reportAt(w, id), { departmentId: String(dept(w)) }, w.now), 'dispatch');
		must(returnReport(w.db, w.actor('dept1'), deskAt(w, id), { reason: '不屬於本隊職責範圍。' }, w.now), 'return');
	}
	return id;
}

export async function leadNamed(w: World): Promise<number> {
	const id = await escalated(w);
	must(nameLead(w.db, w.actor('street'), { streetId: w.ids.streetId, id }, { departmentId: String(dept(w)) }, w.now), 'lead');
	return id;
}
