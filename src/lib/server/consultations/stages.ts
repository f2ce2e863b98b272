// 四議兩公開 for 重大事項: record 提議 → 商議 → 審議 → 決議 in order, then (after 決議公開) the implementation result.
import { and, eq, isNull } from 'drizzle-orm';
import { defineCommand } from '../kernel/command';
import { err, ok } from '../result';
import { parseInput } from '../validation';
import { DAY } from '../db/time';
import { consultations, stages } from './schema';
import { implementationSchema, stageFormSchema, stageNumberSchema, stageSchema } from './validation';
import { isVoteStage, nextStage, quorum } from './rules';
import { loadThread, participants, stagesOf, threadLink, threadSubject } from './records';

const onThread = { load: loadThread, subject: threadSubject };

/**
 * Record one meeting of the four. Stages go in order, never skipping; a failed vote may be held again.
 * One passing record per stage (a unique index): two people recording the same meeting at once get one
 * record and a clean refusal.
 */
export const recordStage = defineCommand({
	action: 'consultation.record_stage',
	...onThread,
	rule: (_actor, { thread }) => (!thread.major ? 'not_major' : thread.state === 'closed' ? 'thread_closed' : null),
	input: stageFormSchema,
	conflict: 'stage_already_recorded',
	check: (db, { record: { thread }, input, now }) => {
		const records = stagesOf(db, thread.id);
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
		return null;
	},
	run: ({ tx, actor, record: { thread }, input, now }) => {
		// `check` has validated this very form: parsing it again only gives it its shape.
		const v = stageSchema.parse(input);
		const passed = isVoteStage(v.stage) ? quorum({ entitled: v.entitled, attended: v.attended, votesFor: v.votesFor ?? 0 }).passed : true;
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
				recordedBy: actor.userId,
				createdAt: now
			})
			.returning({ id: stages.id })
			.get();
		tx.update(consultations).set({ updatedAt: now }).where(eq(consultations.id, thread.id)).run();
		return ok({ stage: v.stage, passed, record: { id: row.id, entitled: v.entitled, attended: v.attended, votesFor: v.votesFor } });
	},
	audit: ({ record }, v) => ({
		subjectType: 'consultation',
		subjectId: record.thread.id,
		summary: { stage: v.stage, record: v.record.id, attended: v.record.attended, entitled: v.record.entitled, for: v.record.votesFor ?? undefined, passed: v.passed }
	})
});

/** 實施結果公開: after the resolution is public, the committee publishes what was done, once. */
export const publishImplementation = defineCommand({
	action: 'consultation.publish_implementation',
	...onThread,
	rule: (_actor, { thread }) =>
		!thread.major ? 'not_major' : thread.state !== 'closed' ? 'resolution_not_public' : thread.implementation !== null ? 'implementation_already_public' : null,
	input: implementationSchema,
	run: ({ tx, record: { thread, community }, input, now, notify }) => {
		const changed = tx
			.update(consultations)
			.set({ implementation: input.implementation, implementationAt: now, updatedAt: now })
			.where(and(eq(consultations.id, thread.id), isNull(consultations.implementation)))
			.run();
		if (changed.changes === 0) return err('implementation_already_public');
		notify(participants(tx, thread.id), 'thread_implementation', { topic: thread.topic }, threadLink(community, thread.id));
		return ok(null);
	},
	audit: ({ record, input }) => ({ subjectType: 'consultation', subjectId: record.thread.id, summary: { implementation: input.implementation.slice(0, 200) } })
});
