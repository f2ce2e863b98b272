// 實施 and 驗收: street staff post progress and spending; the committee records acceptance.
// Each command: validate → load → authorize → one synchronous transaction with its audit row.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '../../db/client';
import { menuProjects, ballots, ballotChoices } from '../schema';
import { projectAcceptances, projectPhotos, projectSpending, projectUpdates } from './schema';
import { acceptanceSchema, editSpendingSchema, progressSchema, spendingSchema } from './validation';
import { checkPhotos, reencodePhotos, type PhotoUpload } from './photos';
import { removePhotos, storePhotos } from './storage';
import { acceptanceBlocked, implementationBlocked, stateAfterUpdate, type ImplementationState } from './rules';
import { implementationTarget, projectLink, type ImplementationTarget } from './queries';
import { parseInput } from '../../validation';
import { authorize, type Action, type Actor } from '../../policy';
import { err, ok, type Err, type Result } from '../../result';
import { writeAudit } from '../../audit/log';
import { notify } from '../../notifications/commands';

export type { PhotoUpload } from './photos';

/** Loads the project named by the input and checks that this person may act on it now. */
function loadFor(db: Db, actor: Actor, action: Action, menuId: number, projectId: number): Err | ImplementationTarget {
	const target = implementationTarget(db, menuId, projectId);
	if (!target) return err('not_found');
	const denied = authorize(actor, action, { communityId: target.community.id, streetId: target.community.streetId });
	if (denied) return denied;
	const blocked = implementationBlocked(target.menu, target.project);
	if (blocked) return err(blocked);
	return target;
}

const auditScope = (t: ImplementationTarget) => ({
	subjectType: 'menu_project',
	subjectId: t.project.id,
	communityId: t.community.id,
	streetId: t.community.streetId
});

/**
 * A progress update: text, percent (0–100) and up to six photos. The photo files are written only
 * after every check has passed, and removed again if the transaction does not commit. What is stored is
 * each photo decoded and encoded again (media/images.ts), never the bytes as uploaded.
 */
export async function postProgress(
	db: Db,
	actor: Actor | null,
	input: unknown,
	uploads: PhotoUpload[],
	now: number
): Promise<Result<{ updateId: number; state: ImplementationState; photos: number }>> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(progressSchema, input);
	const checked = checkPhotos(uploads);
	if (!parsed.ok || !checked.ok) {
		const fields = { ...(parsed.ok ? {} : parsed.fields), ...(checked.ok ? {} : { photos: checked.field }) };
		return err('invalid', { fields });
	}
	const v = parsed.value;
	const target = loadFor(db, actor, 'menu.post_progress', v.menuId, v.projectId);
	if ('ok' in target) return target;
	const state = stateAfterUpdate(target.project.implementationState, v.percent);
	if (state === 'impl_already_accepted') return err(state);
	// decoding is the costly part: only for someone allowed to post here (the transaction re-checks the state)
	const pictures = await reencodePhotos(checked.photos);
	if (!pictures.ok) return err('invalid', { fields: { photos: pictures.field } });

	const files = storePhotos(pictures.photos);
	try {
		const result = db.transaction((tx): Result<{ updateId: number; state: ImplementationState; photos: number }> => {
			const moved = tx
				.update(menuProjects)
				.set({ implementationState: state, progressPercent: v.percent })
				.where(and(eq(menuProjects.id, target.project.id), ne(menuProjects.implementationState, 'accepted')))
				.run();
			if (moved.changes === 0) return err('impl_already_accepted');
			const update = tx
				.insert(projectUpdates)
				.values({ projectId: target.project.id, body: v.body, percent: v.percent, authorId: actor.userId, createdAt: now })
				.returning({ id: projectUpdates.id })
				.get();
			if (files.length) {
				tx.insert(projectPhotos)
					.values(
						files.map((fileName, position) => ({
							updateId: update.id,
							projectId: target.project.id,
							fileName,
							contentType: pictures.photos[position].type,
							size: pictures.photos[position].bytes.length,
							position,
							createdAt: now
						}))
					)
					.run();
			}
			writeAudit(tx, actor, {
				action: 'impl.progress',
				...auditScope(target),
				summary: { update: update.id, percent: v.percent, state, photos: files.length }
			}, now);
			return ok({ updateId: update.id, state, photos: files.length });
		});
		if (!result.ok) removePhotos(files);
		return result;
	} catch (e) {
		removePhotos(files);
		throw e;
	}
}

/** A new spending line: item, planned and (when known) actual, in whole yuan. */
export function addSpendingLine(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ lineId: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(spendingSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const target = loadFor(db, actor, 'menu.record_spending', v.menuId, v.projectId);
	if ('ok' in target) return target;
	return db.transaction((tx) => {
		const line = tx
			.insert(projectSpending)
			.values({ projectId: target.project.id, item: v.item, planned: v.planned!, actual: v.actual, authorId: actor.userId, createdAt: now, updatedAt: now })
			.returning({ id: projectSpending.id })
			.get();
		writeAudit(tx, actor, {
			action: 'impl.spending_add',
			...auditScope(target),
			summary: { line: line.id, item: v.item, planned: v.planned, actual: v.actual }
		}, now);
		return ok({ lineId: line.id });
	});
}

/** Corrects a spending line or fills in what was actually paid; the audit row keeps the old figures. */
export function editSpendingLine(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ lineId: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(editSpendingSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const target = loadFor(db, actor, 'menu.record_spending', v.menuId, v.projectId);
	if ('ok' in target) return target;
	const line = db
		.select()
		.from(projectSpending)
		.where(and(eq(projectSpending.id, v.lineId), eq(projectSpending.projectId, target.project.id)))
		.get();
	if (!line) return err('not_found');
	return db.transaction((tx) => {
		tx.update(projectSpending)
			.set({ item: v.item, planned: v.planned!, actual: v.actual, updatedAt: now })
			.where(eq(projectSpending.id, line.id))
			.run();
		writeAudit(tx, actor, {
			action: 'impl.spending_edit',
			...auditScope(target),
			summary: {
				line: line.id,
				before: { item: line.item, planned: line.planned, actual: line.actual },
				after: { item: v.item, planned: v.planned, actual: v.actual }
			}
		}, now);
		return ok({ lineId: line.id });
	});
}

/**
 * 驗收: the committee (or street staff) accepts a completed project, with remarks and the resident
 * representatives present. Everyone who voted for the project is told; it is then ready to be rated.
 */
export function acceptProject(db: Db, actor: Actor | null, input: unknown, now: number): Result<{ acceptedAt: number; notified: number }> {
	if (!actor) return err('unauthenticated');
	const parsed = parseInput(acceptanceSchema, input);
	if (!parsed.ok) return parsed;
	const v = parsed.value;
	const target = loadFor(db, actor, 'menu.accept_project', v.menuId, v.projectId);
	if ('ok' in target) return target;
	const blocked = acceptanceBlocked(target.project.implementationState);
	if (blocked) return err(blocked);
	try {
		return db.transaction((tx): Result<{ acceptedAt: number; notified: number }> => {
			const moved = tx
				.update(menuProjects)
				.set({ implementationState: 'accepted', acceptedAt: now })
				.where(and(eq(menuProjects.id, target.project.id), eq(menuProjects.implementationState, 'completed')))
				.run();
			if (moved.changes === 0) return err('impl_already_accepted');
			tx.insert(projectAcceptances)
				.values({
					projectId: target.project.id,
					remarks: v.remarks,
					representatives: JSON.stringify(v.representatives),
					acceptedBy: actor.userId,
					createdAt: now
				})
				.run();
			const voters = tx
				.selectDistinct({ id: ballots.voterId })
				.from(ballotChoices)
				.innerJoin(ballots, eq(ballots.id, ballotChoices.ballotId))
				.where(and(eq(ballotChoices.projectId, target.project.id), isNotNull(ballots.voterId)))
				.all()
				.map((r) => r.id!);
			writeAudit(tx, actor, {
				action: 'impl.accept',
				...auditScope(target),
				summary: { representatives: v.representatives, remarks: v.remarks, notified: voters.length }
			}, now);
			notify(tx, voters, 'impl_accepted', { project: target.project.title, community: target.community.name }, projectLink(target), now);
			return ok({ acceptedAt: now, notified: voters.length });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('impl_already_accepted');
		throw e;
	}
}
