// 四議兩公開 for 重大事項: record 提議 → 商議 → 審議 → 決議 in order, then (after 決議公開) the implementation result.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/client';
import { comments, consultations, stages } from './schema';
import { implementationSchema, stageNumberSchema, stageSchema } from './validation';
import { isVoteStage, nextStage, quorum } from './rules';
import { loadThread, threadLink, threadScope } from './commands';
import { parseInput } from '../validation';
import { authorize, type Actor } from '../policy';
import { err, ok, type Result } from '../result';
import { writeAudit } from '../audit/log';
import { notify } from '../notifications/commands';
import { DAY } from '../db/time';

/** Record one meeting of the four. Stages go in order, never skipping; a failed vote may be held again. */
export function recordStage(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<{ stage: number; passed: boolean }> {
	const found = loadThread(db, threadId);
	if (!found) return err('not_found');
	const { thread, community } = found;
	const denied = authorize(actor, 'consultation.record_stage', threadScope(community));
	if (denied) return denied;
	if (!thread.major) return err('not_major');
	if (thread.state === 'closed') return err('thread_closed');
	const records = db.select().from(stages).where(eq(stages.consultationId, thread.id)).orderBy(asc(stages.stage), asc(stages.heldAt)).all();
	const expected = nextStage(records);
	// The order first: a step out of turn is refused whatever else the form says.
	const asked = parseInput(stageNumberSchema, input);
	if (asked.ok && asked.value.stage !== expected) return err('stage_out_of_order', { params: { expected } });
	const parsed = parseInput(stageSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	if (v.stage !== expected) return err('stage_out_of_order', { params: { expected } });
	const previous = records.filter((r) => r.stage === v.stage - 1 && r.passed).at(-1);
	if (previous && v.heldAt < previous.heldAt) return err('invalid', { fields: { heldOn: 'err_stage_date_order' } });
	if (v.heldAt > now + DAY) return err('invalid', { fields: { heldOn: 'err_stage_date_future' } });
	const passed = isVoteStage(v.stage) ? quorum({ entitled: v.entitled, attended: v.attended, votesFor: v.votesFor! }).passed : true;
	try {
		return db.transaction((tx) => {
			const row = tx
				.insert(stages)
				.values({
					consultationId: thread.id,
					stage: v.stage,
					heldAt: v.heldAt,
					body: v.body,
					outcome: v.outcome,
					entitled: v.entitled,
					attended: v.attended,
					votesFor: v.votesFor,
					votesAgainst: v.votesAgainst,
					votesAbstain: v.votesAbstain,
					passed,
					recordedBy: actor!.userId,
					createdAt: now
				})
				.returning({ id: stages.id })
				.get();
			tx.update(consultations).set({ updatedAt: now }).where(eq(consultations.id, thread.id)).run();
			writeAudit(tx, actor, { action: 'consultation.record_stage', subjectType: 'consultation', subjectId: thread.id, communityId: community.id, streetId: community.streetId, summary: { stage: v.stage, record: row.id, attended: v.attended, entitled: v.entitled, for: v.votesFor ?? undefined, passed } }, now);
			return ok({ stage: v.stage, passed });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('stage_out_of_order', { params: { expected: v.stage + 1 } });
		throw e;
	}
}

/** 實施結果公開: after the resolution is public, the committee publishes what was done. */
export function publishImplementation(db: Db, actor: Actor | null, threadId: number, input: unknown, now: number): Result<null> {
	const found = loadThread(db, threadId);
	if (!found) return err('not_found');
	const { thread, community } = found;
	const denied = authorize(actor, 'consultation.record_stage', threadScope(community));
	if (denied) return denied;
	if (!thread.major) return err('not_major');
	if (thread.state !== 'closed') return err('resolution_not_public');
	if (thread.implementation !== null) return err('implementation_already_public');
	const parsed = parseInput(implementationSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction((tx) => {
		const changed = tx
			.update(consultations)
			.set({ implementation: parsed.value.implementation, implementationAt: now, updatedAt: now })
			.where(and(eq(consultations.id, thread.id), isNull(consultations.implementation)))
			.run();
		if (changed.changes === 0) return err('implementation_already_public');
		writeAudit(tx, actor, { action: 'consultation.publish_implementation', subjectType: 'consultation', subjectId: thread.id, communityId: community.id, streetId: community.streetId, summary: { implementation: parsed.value.implementation.slice(0, 200) } }, now);
		const people = tx.selectDistinct({ id: comments.authorId }).from(comments).where(eq(comments.consultationId, thread.id)).all().map((r) => r.id);
		notify(tx, people, 'thread_implementation', { topic: thread.topic }, threadLink(community, thread.id), now);
		return ok(null);
	});
}
