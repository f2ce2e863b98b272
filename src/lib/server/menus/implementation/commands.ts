// 實施 and 驗收: street staff post progress and spending; the committee records acceptance. Each command is a
// declaration the kernel runs on the project named by the URL: load in scope → authorize → rule → validate →
// one transaction with its audit row.
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { defineAsyncCommand, defineCommand, type Context } from '../../kernel/command';
import { ok, err, type Result } from '../../result';
import { ballots, ballotChoices, menuProjects } from '../schema';
import { loadProject, projectLink, projectSubject, type ProjectRecord } from '../records';
import { ensureSubject } from '../../ratings/subjects';
import { projectSubjectRow } from '../../ratings/records';
import { projectAcceptances, projectPhotos, projectSpending, projectUpdates } from './schema';
import { acceptanceSchema, editSpendingSchema, progressSchema, PROGRESS_PHOTOS, spendingSchema, type ProgressInput } from './validation';
import { acceptPhotos, type CheckedPhoto } from '../../media/photos';
import { removePhotos, storePhotos } from '../../media/storage';
import { acceptanceBlocked, implementationBlocked, stateAfterUpdate, type ImplementationState } from './rules';

export type { PhotoUpload } from '../../media/photos';

const onProject = { load: loadProject, subject: projectSubject };
/** Only selected projects of a menu whose results are published, and never a replayed election. */
const workable = (_actor: unknown, { menu, project }: ProjectRecord) => implementationBlocked(menu, project);
const audited = ({ project }: ProjectRecord, summary: Record<string, unknown>) => ({ subjectType: 'menu_project', subjectId: project.id, summary });

type Progress = Omit<ProgressInput, 'photos'> & { photos: CheckedPhoto[] };
type Posted = { updateId: number; state: ImplementationState; photos: number };

/** The update's rows; the photo files are written here, after every check, and removed if this does not commit. */
function writeProgress({ tx, actor, record: { project }, input: v, now, cleanup }: Context<ProjectRecord, Progress>): Result<Posted> {
	const state = stateAfterUpdate(project.implementationState, v.percent);
	if (state === 'impl_already_accepted') return err(state);
	// Guarded: an update that arrives after the acceptance does not reopen the project.
	const moved = tx
		.update(menuProjects)
		.set({ implementationState: state, progressPercent: v.percent })
		.where(and(eq(menuProjects.id, project.id), ne(menuProjects.implementationState, 'accepted')))
		.run();
	if (moved.changes === 0) return err('impl_already_accepted');
	const update = tx
		.insert(projectUpdates)
		.values({ projectId: project.id, body: v.body, percent: v.percent, authorId: actor.userId, createdAt: now })
		.returning({ id: projectUpdates.id })
		.get();
	const files = storePhotos('projects', v.photos);
	cleanup(() => removePhotos('projects', files));
	if (files.length) {
		tx.insert(projectPhotos)
			.values(
				files.map((fileName, position) => ({
					updateId: update.id,
					projectId: project.id,
					fileName,
					contentType: v.photos[position].type,
					size: v.photos[position].bytes.length,
					position,
					createdAt: now
				}))
			)
			.run();
	}
	return ok({ updateId: update.id, state, photos: files.length });
}

/**
 * A progress update: text, percent (0–100) and up to six photos. The photos are checked and decoded before
 * the transaction (`acceptPhotos`: upright, without EXIF/GPS, at most 40 megapixels), and only their
 * re-encoded copies are written, once everything else holds.
 */
export const postProgress = defineAsyncCommand({
	action: 'menu.post_progress',
	...onProject,
	rule: (actor, record) => workable(actor, record) ?? (record.project.implementationState === 'accepted' ? 'impl_already_accepted' : null),
	input: progressSchema,
	before: async (_db, { input }): Promise<Result<Progress>> => {
		const accepted = await acceptPhotos(input.photos, PROGRESS_PHOTOS);
		return accepted.ok ? ok({ ...input, photos: accepted.photos }) : err('invalid', { fields: { photos: accepted.field } });
	},
	run: writeProgress,
	audit: ({ record, input }, v) => audited(record, { update: v.updateId, percent: input.percent, state: v.state, photos: v.photos })
});

/** A new spending line: item, planned and (when known) actual, typed in yuan, stored in fen. */
export const addSpendingLine = defineCommand({
	action: 'menu.add_spending',
	...onProject,
	rule: workable,
	input: spendingSchema,
	run: ({ tx, actor, record: { project }, input: v, now }) =>
		ok(
			tx
				.insert(projectSpending)
				.values({ projectId: project.id, item: v.item, planned: v.planned, actual: v.actual, authorId: actor.userId, createdAt: now, updatedAt: now })
				.returning({ lineId: projectSpending.id })
				.get()
		),
	audit: ({ record, input: v }, { lineId }) => audited(record, { line: lineId, item: v.item, planned: v.planned, actual: v.actual })
});

/** Corrects a spending line or fills in what was actually paid; the audit row keeps the old figures. */
export const editSpendingLine = defineCommand({
	action: 'menu.edit_spending',
	...onProject,
	rule: workable,
	input: editSpendingSchema,
	run: ({ tx, record: { project }, input: v, now }) => {
		const line = tx
			.select()
			.from(projectSpending)
			.where(and(eq(projectSpending.id, v.lineId), eq(projectSpending.projectId, project.id)))
			.get();
		if (!line) return err('not_found');
		tx.update(projectSpending).set({ item: v.item, planned: v.planned, actual: v.actual, updatedAt: now }).where(eq(projectSpending.id, line.id)).run();
		return ok({ lineId: line.id, before: { item: line.item, planned: line.planned, actual: line.actual } });
	},
	audit: ({ record, input: v }, { lineId, before }) => audited(record, { line: lineId, before, after: { item: v.item, planned: v.planned, actual: v.actual } })
});

/**
 * 驗收: the committee (or street staff) accepts a completed project, with remarks and the resident
 * representatives present. Everyone who voted for the project is told, and the community's residents are invited
 * to rate it.
 */
export const acceptProject = defineCommand({
	action: 'menu.accept_project',
	...onProject,
	rule: (actor, record) => workable(actor, record) ?? acceptanceBlocked(record.project.implementationState),
	input: acceptanceSchema,
	// The acceptance row is one per project (unique index): a repeat that slips past the guard is refused too.
	conflict: 'impl_already_accepted',
	run: ({ tx, actor, record, input: v, now, notify }) => {
		const { project, community } = record;
		// Guarded: of two acceptances at once one is recorded, and works reopened meanwhile are not accepted.
		const moved = tx
			.update(menuProjects)
			.set({ implementationState: 'accepted', acceptedAt: now })
			.where(and(eq(menuProjects.id, project.id), eq(menuProjects.implementationState, 'completed')))
			.run();
		if (moved.changes === 0) {
			const current = tx.select({ state: menuProjects.implementationState }).from(menuProjects).where(eq(menuProjects.id, project.id)).get();
			return err(acceptanceBlocked(current?.state ?? 'accepted') ?? 'impl_already_accepted');
		}
		tx.insert(projectAcceptances)
			.values({ projectId: project.id, remarks: v.remarks, representatives: JSON.stringify(v.representatives), acceptedBy: actor.userId, createdAt: now })
			.run();
		const voters = tx
			.selectDistinct({ id: ballots.voterId })
			.from(ballotChoices)
			.innerJoin(ballots, eq(ballots.id, ballotChoices.ballotId))
			.where(and(eq(ballotChoices.projectId, project.id), isNotNull(ballots.voterId)))
			.all()
			.flatMap((r) => (r.id === null ? [] : [r.id]));
		notify(voters, 'impl_accepted', { project: project.title, community: community.name }, projectLink(record));
		// open for rating at once, residents invited in this transaction (the ratings job only catches up on a
		// project it missed): the page the committee returns to already says how many were invited
		ensureSubject(tx, projectSubjectRow({ project, menu: record.menu, community }, now), now);
		return ok({ acceptedAt: now, notified: voters.length });
	},
	audit: ({ record, input: v }, { notified }) => audited(record, { representatives: v.representatives, remarks: v.remarks, notified })
});
