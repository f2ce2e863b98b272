// Filing a report (a verified resident, or a grid worker also on behalf of others) and following one instead of
// filing it again. The writes a new report needs are shared with the Open311 POST (open311/file.ts).
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client';
import { DAY } from '../db/time';
import { defineAsyncCommand, defineCommand, type Context } from '../kernel/command';
import { communitySubject, loadCommunity, type CommunityRecord } from '../org/records';
import { grids } from '../org/schema';
import { err, ok, type Result } from '../result';
import { acceptPhotos, type CheckedPhoto } from '../media/photos';
import { removePhotos, storePhotos } from '../media/storage';
import { checkRate, recordRate, type Limit } from '../rate-limit/limiter';
import type { Actor } from '../policy';
import { GRID_WORKER_ROLE } from '../policy';
import { reportAnswers, reportFollowers, reportPhotos, reports, reportServices, serviceAttributes } from './schema';
import { reportSchema, REPORT_PHOTOS, type ReportInput } from './validation';
import { parseAnswers, type Answer } from './answers';
import { addEvent, loadReport, neighbourSubject, reportLink, serviceParams, triageUserIds, type Report, type ReportRecord, type Service } from './records';
import { isClosed } from './rules';

/** Nobody files more than twenty reports a day: a stuck button or a script, not a neighbourhood. */
export const REPORT_LIMIT: Limit = { bucket: 'report.file', max: 20, windowMs: DAY };

/** The street's active service with this code, with its questions in order. */
export function serviceByCode(db: DbOrTx, streetId: number, code: string) {
	const service = db
		.select()
		.from(reportServices)
		.where(and(eq(reportServices.streetId, streetId), eq(reportServices.code, code), eq(reportServices.active, true)))
		.get();
	if (!service) return undefined;
	const attributes = db.select().from(serviceAttributes).where(eq(serviceAttributes.serviceId, service.id)).orderBy(asc(serviceAttributes.position)).all();
	return { service, attributes };
}

export function gridOfCommunity(db: DbOrTx, communityId: number, gridId: number) {
	return db.select().from(grids).where(and(eq(grids.id, gridId), eq(grids.communityId, communityId))).get();
}

export type NewReport = Omit<typeof reports.$inferInsert, 'id' | 'state' | 'createdAt' | 'updatedAt'>;

/** A new report with its answers and photos (files written here, removed again if the transaction fails). */
export function insertReport(
	tx: DbOrTx,
	values: NewReport,
	answers: Answer[],
	photos: CheckedPhoto[],
	now: number,
	cleanup: (undo: () => void) => void
): Report {
	const report = tx
		.insert(reports)
		.values({ ...values, createdAt: now, updatedAt: now })
		.returning()
		.get();
	if (answers.length) tx.insert(reportAnswers).values(answers.map((a) => ({ reportId: report.id, ...a }))).run();
	storeReportPhotos(tx, report.id, null, photos, now, cleanup);
	addEvent(tx, report.id, 'filed', values.reporterId ?? null, now);
	return report;
}

/** Photos of a report (eventId null) or of a reply; the files are written last and undone on rollback. */
export function storeReportPhotos(tx: DbOrTx, reportId: number, eventId: number | null, photos: CheckedPhoto[], now: number, cleanup: (undo: () => void) => void): number {
	const files = storePhotos('reports', photos);
	cleanup(() => removePhotos('reports', files));
	if (files.length) {
		tx.insert(reportPhotos)
			.values(files.map((fileName, position) => ({ reportId, eventId, fileName, contentType: photos[position].type, size: photos[position].bytes.length, position, createdAt: now })))
			.run();
	}
	return files.length;
}

/**
 * The grid a report is in when the form named none: a grid worker's own grid. A resident's home is not where the
 * problem is, so their report stays with the whole community until the committee puts it in a grid.
 */
function defaultGrid(actor: Actor, communityId: number): number | null {
	return actor.memberships.find((m) => m.role === GRID_WORKER_ROLE && m.communityId === communityId && m.gridId != null)?.gridId ?? null;
}

type Filing = Omit<ReportInput, 'photos' | 'service' | 'answers'> & { photos: CheckedPhoto[]; service: Service; answers: Answer[] };
type Filed = { id: number; photos: number };

function writeReport({ tx, actor, record: community, input: v, now, cleanup, notify }: Context<CommunityRecord, Filing>): Result<Filed> {
	const grid = v.gridId ?? defaultGrid(actor, community.id);
	// only a grid worker files for someone else
	const onBehalfOf = actor.memberships.some((m) => m.role === GRID_WORKER_ROLE && m.communityId === community.id) ? v.onBehalfOf : null;
	const report = insertReport(
		tx,
		{
			streetId: community.streetId,
			communityId: community.id,
			gridId: grid,
			serviceId: v.service.id,
			reporterId: actor.userId,
			source: 'portal',
			description: v.description,
			address: v.address,
			lat: v.lat,
			long: v.long,
			planX: v.planX,
			planY: v.planY,
			onBehalfOf
		},
		v.answers,
		v.photos,
		now,
		cleanup
	);
	recordRate(tx, REPORT_LIMIT, String(actor.userId), now);
	notify(
		triageUserIds(tx, report).filter((id) => id !== actor.userId),
		'report_new',
		{ id: report.id, ...serviceParams(v.service) },
		reportLink(community, report.id)
	);
	return ok({ id: report.id, photos: v.photos.length });
}

/**
 * A report: service, description, place (address, position or plan pin), up to four photos (decoded and
 * re-encoded before the transaction: upright, without EXIF) and the answers to the service's questions.
 */
export const fileReport = defineAsyncCommand({
	action: 'report.file',
	load: loadCommunity,
	subject: communitySubject,
	input: reportSchema,
	check: (db, { actor, record: community, input, now }) => {
		if (input.gridId !== null && !gridOfCommunity(db, community.id, input.gridId)) return err('invalid', { fields: { gridId: 'err_invalid' } });
		const rate = checkRate(db, REPORT_LIMIT, String(actor.userId), now);
		return rate.allowed ? null : err('limit_report_filing', { params: { minutes: Math.ceil((rate.retryAt - now) / 60_000) } });
	},
	before: async (db, { record: community, input }): Promise<Result<Filing>> => {
		const found = serviceByCode(db, community.streetId, input.service);
		if (!found) return err('invalid', { fields: { service: 'err_report_service' } });
		const answered = parseAnswers(found.attributes, new Map(Object.entries(input.answers)));
		if (!answered.ok) return err('invalid', { fields: answered.fields });
		const photos = await acceptPhotos(input.photos, REPORT_PHOTOS);
		if (!photos.ok) return err('invalid', { fields: { photos: photos.field } });
		return ok({ ...input, service: found.service, answers: answered.answers, photos: photos.photos });
	},
	run: writeReport,
	audit: ({ input }, filed) => ({ subjectType: 'report', subjectId: filed.id, summary: { service: input.service.code, photos: filed.photos } })
});

/** A neighbour follows an open report instead of filing the same problem again; told of every step. */
export const followReport = defineCommand({
	action: 'report.follow',
	load: loadReport,
	subject: neighbourSubject,
	rule: (actor, { report }: ReportRecord) => (report.reporterId === actor.userId ? 'report_own' : isClosed(report) ? 'report_closed' : null),
	input: z.object({}),
	conflict: 'report_already_following',
	run: ({ tx, actor, record: { report }, now }) => {
		tx.insert(reportFollowers).values({ reportId: report.id, userId: actor.userId, createdAt: now }).run();
		return ok(null);
	},
	audit: ({ record }) => ({ subjectType: 'report', subjectId: record.report.id })
});
