// 吹哨派單: the street's service catalogue (Open311 services), reports and their append-only timeline, the
// photos and answers they carry, who follows them, the reminders already sent, and the Open311 API keys.
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/schema';
import { communities, departments, grids, streets } from '../org/schema';
import { PHOTO_TYPES } from '../media/photos';
import { ATTRIBUTE_TYPES, CLOSE_REASONS, DEADLINE_CLASSES, REPORT_EVENTS, REPORT_SOURCES, REPORT_STATES, SERVICE_GROUPS } from '../../codes';

/** A kind of problem people report (Open311 "service"): its names, its default department and its deadline class. */
export const reportServices = sqliteTable(
	'report_services',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		/** Open311 service_code: short, stable, URL-safe. */
		code: text('code').notNull(),
		nameHant: text('name_hant').notNull(),
		nameHans: text('name_hans').notNull(),
		nameEn: text('name_en').notNull(),
		group: text('group', { enum: SERVICE_GROUPS }).notNull(),
		/** Comma-separated synonyms (Open311 keywords). */
		keywords: text('keywords').notNull().default(''),
		description: text('description').notNull().default(''),
		/** Where the committee dispatches it unless it chooses another department. */
		departmentId: integer('department_id').references(() => departments.id),
		deadlineClass: text('deadline_class', { enum: DEADLINE_CLASSES }).notNull(),
		/** A retired service takes no new reports; its old ones keep their name. */
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('report_services_street_code_uq').on(t.streetId, t.code), index('report_services_department_idx').on(t.departmentId)]
);

/** A service's extra question (Open311 attribute). Choices are JSON [{ key, name }]. */
export const serviceAttributes = sqliteTable(
	'report_service_attributes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		serviceId: integer('service_id')
			.notNull()
			.references(() => reportServices.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		datatype: text('datatype', { enum: ATTRIBUTE_TYPES }).notNull(),
		required: integer('required', { mode: 'boolean' }).notNull().default(false),
		/** The question as people read it. */
		description: text('description').notNull(),
		choices: text('choices').notNull().default('[]'),
		position: integer('position').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('report_service_attributes_code_uq').on(t.serviceId, t.code)]
);

/** A department's own system, told of every dispatch (optional; kept here so the org tables stay as they are). */
export const departmentEndpoints = sqliteTable('department_endpoints', {
	departmentId: integer('department_id')
		.primaryKey()
		.references(() => departments.id),
	url: text('url').notNull(),
	updatedAt: integer('updated_at').notNull()
});

/** Days the street office does not work besides Saturdays and Sundays ("2026-10-01"). */
export const dispatchHolidays = sqliteTable(
	'dispatch_holidays',
	{
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		day: text('day').notNull()
	},
	(t) => [primaryKey({ columns: [t.streetId, t.day] }), check('dispatch_holidays_day_ck', sql`${t.day} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`)]
);

/** An API key of a street: only its SHA-256 is stored; the key itself is shown once, when it is made. */
export const open311Keys = sqliteTable(
	'open311_keys',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		/** Whose software uses it: the name every request it files is audited under. */
		name: text('name').notNull(),
		keyHash: text('key_hash').notNull(),
		/** The key's last four characters, so staff can tell keys apart. */
		hint: text('hint').notNull(),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		revokedAt: integer('revoked_at'),
		revokedBy: integer('revoked_by').references(() => users.id)
	},
	(t) => [uniqueIndex('open311_keys_hash_uq').on(t.keyHash), uniqueIndex('open311_keys_street_name_uq').on(t.streetId, t.name)]
);

/** A problem reported in a community, and where its handling stands. */
export const reports = sqliteTable(
	'reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		streetId: integer('street_id')
			.notNull()
			.references(() => streets.id),
		communityId: integer('community_id')
			.notNull()
			.references(() => communities.id),
		/** Grid workers act on the reports of their grid; null: the community as a whole. */
		gridId: integer('grid_id').references(() => grids.id),
		serviceId: integer('service_id')
			.notNull()
			.references(() => reportServices.id),
		/** Who filed it and verifies it (誰上報、誰核查); null for reports that came through the API. Never public. */
		reporterId: integer('reporter_id').references(() => users.id),
		source: text('source', { enum: REPORT_SOURCES }).notNull().default('portal'),
		apiKeyId: integer('api_key_id').references(() => open311Keys.id),
		/** Plain text, at most 4,000 characters (Open311's limit). */
		description: text('description').notNull(),
		address: text('address'),
		lat: real('lat'),
		long: real('long'),
		/** A pin on the community plan, in thousandths of its width and height. */
		planX: integer('plan_x'),
		planY: integer('plan_y'),
		state: text('state', { enum: REPORT_STATES }).notNull().default('reported'),
		/** The department it is dispatched to now (kept after it replies, for the redo). */
		departmentId: integer('department_id').references(() => departments.id),
		/** Named by the street after an escalation (報到): it cannot return the report. */
		lead: integer('lead', { mode: 'boolean' }).notNull().default(false),
		returnCount: integer('return_count').notNull().default(0),
		redoCount: integer('redo_count').notNull().default(0),
		/** When the current work must be done (end of a working day in China). */
		deadlineAt: integer('deadline_at'),
		dispatchedAt: integer('dispatched_at'),
		acceptedAt: integer('accepted_at'),
		repliedAt: integer('replied_at'),
		closedAt: integer('closed_at'),
		closeReason: text('close_reason', { enum: CLOSE_REASONS }),
		/** The public reason a report was closed at triage. */
		closeNote: text('close_note'),
		duplicateOfId: integer('duplicate_of_id'),
		/** A grid worker filing for someone: who, and how to reach them. Never public. */
		onBehalfOf: text('on_behalf_of'),
		/** What an API client sent about the person: never shown by any GET. */
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		contactPhone: text('contact_phone'),
		deviceId: text('device_id'),
		accountId: text('account_id'),
		/** A picture elsewhere that an API client pointed to. */
		mediaUrl: text('media_url'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('reports_community_state_idx').on(t.communityId, t.state, t.createdAt),
		index('reports_community_created_idx').on(t.communityId, t.createdAt),
		index('reports_street_created_idx').on(t.streetId, t.createdAt),
		index('reports_street_state_deadline_idx').on(t.streetId, t.state, t.deadlineAt),
		index('reports_department_state_idx').on(t.departmentId, t.state),
		index('reports_service_state_idx').on(t.serviceId, t.state),
		index('reports_reporter_idx').on(t.reporterId, t.createdAt),
		index('reports_state_replied_idx').on(t.state, t.repliedAt),
		check('reports_description_ck', sql`length(${t.description}) between 1 and 4000`),
		check('reports_plan_ck', sql`(${t.planX} is null and ${t.planY} is null) or (${t.planX} between 0 and 1000 and ${t.planY} between 0 and 1000)`),
		check('reports_position_ck', sql`(${t.lat} is null and ${t.long} is null) or (${t.lat} between -90 and 90 and ${t.long} between -180 and 180)`),
		check('reports_counts_ck', sql`${t.returnCount} >= 0 and ${t.redoCount} >= 0`),
		check('reports_closed_ck', sql`(${t.state} = 'closed') = (${t.closeReason} is not null and ${t.closedAt} is not null)`),
		check('reports_work_ck', sql`${t.state} not in ('dispatched', 'in_progress') or (${t.departmentId} is not null and ${t.deadlineAt} is not null)`)
	]
);

/** The public history of a report. Append-only: triggers in the migration refuse UPDATE and DELETE. */
export const reportEvents = sqliteTable(
	'report_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id),
		kind: text('kind', { enum: REPORT_EVENTS }).notNull(),
		/** Null when the portal acted (an escalation by count, a reminder, the 14-day close) or an API client filed. */
		actorId: integer('actor_id').references(() => users.id),
		/** The department the step concerns (dispatched to, accepted by, returned by …). */
		departmentId: integer('department_id').references(() => departments.id),
		/** The public note: a return's reason, a progress note, a reply, a closing reason. */
		note: text('note'),
		/** The deadline this step set (a dispatch, a lead, a reopening). */
		dueAt: integer('due_at'),
		/** Another report involved (the original of a duplicate). */
		otherId: integer('other_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('report_events_report_idx').on(t.reportId, t.createdAt), index('report_events_kind_time_idx').on(t.kind, t.createdAt)]
);

/** A report's photos (eventId null) and the evidence of a reply (eventId set). Files live under UPLOADS_DIR/reports. */
export const reportPhotos = sqliteTable(
	'report_photos',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id),
		eventId: integer('event_id').references(() => reportEvents.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
		size: integer('size').notNull(),
		position: integer('position').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('report_photos_report_idx').on(t.reportId, t.eventId, t.position)]
);

/** Answers to the service's extra questions, by question code (a multiple choice as a JSON list). */
export const reportAnswers = sqliteTable(
	'report_answers',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id),
		code: text('code').notNull(),
		value: text('value').notNull()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.code] })]
);

/** Neighbours who follow a report instead of filing the same one again: told of every step. */
export const reportFollowers = sqliteTable(
	'report_followers',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.userId] }), index('report_followers_user_idx').on(t.userId)]
);

/** 催辦 the day after a deadline; the reporter's reminder a week after a reply. */
export const REPORT_REMINDER_KINDS = ['overdue', 'verify'] as const;

/** Reminders already sent: one per report, kind and the deadline (or reply) it is about, whatever the job does. */
export const reportReminders = sqliteTable(
	'report_reminders',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id),
		kind: text('kind', { enum: REPORT_REMINDER_KINDS }).notNull(),
		dueAt: integer('due_at').notNull(),
		sentAt: integer('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.kind, t.dueAt] })]
);
