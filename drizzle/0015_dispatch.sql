CREATE TABLE `department_endpoints` (
	`department_id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dispatch_holidays` (
	`street_id` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`street_id`, `day`),
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dispatch_holidays_day_ck" CHECK("dispatch_holidays"."day" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE TABLE `open311_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open311_keys_hash_uq` ON `open311_keys` (`key_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `open311_keys_street_name_uq` ON `open311_keys` (`street_id`,`name`);--> statement-breakpoint
CREATE TABLE `report_answers` (
	`report_id` integer NOT NULL,
	`code` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`report_id`, `code`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`department_id` integer,
	`note` text,
	`due_at` integer,
	`other_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_events_report_idx` ON `report_events` (`report_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `report_events_kind_time_idx` ON `report_events` (`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_followers` (
	`report_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`report_id`, `user_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_followers_user_idx` ON `report_followers` (`user_id`);--> statement-breakpoint
CREATE TABLE `report_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`event_id` integer,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `report_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_photos_report_idx` ON `report_photos` (`report_id`,`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `report_reminders` (
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`report_id`, `kind`, `due_at`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_hant` text NOT NULL,
	`name_hans` text NOT NULL,
	`name_en` text NOT NULL,
	`group` text NOT NULL,
	`keywords` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`department_id` integer,
	`deadline_class` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_services_street_code_uq` ON `report_services` (`street_id`,`code`);--> statement-breakpoint
CREATE INDEX `report_services_department_idx` ON `report_services` (`department_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`grid_id` integer,
	`service_id` integer NOT NULL,
	`reporter_id` integer,
	`source` text DEFAULT 'portal' NOT NULL,
	`api_key_id` integer,
	`description` text NOT NULL,
	`address` text,
	`lat` real,
	`long` real,
	`plan_x` integer,
	`plan_y` integer,
	`state` text DEFAULT 'reported' NOT NULL,
	`department_id` integer,
	`lead` integer DEFAULT false NOT NULL,
	`return_count` integer DEFAULT 0 NOT NULL,
	`redo_count` integer DEFAULT 0 NOT NULL,
	`deadline_at` integer,
	`dispatched_at` integer,
	`accepted_at` integer,
	`replied_at` integer,
	`closed_at` integer,
	`close_reason` text,
	`close_note` text,
	`duplicate_of_id` integer,
	`rating` text,
	`rating_note` text,
	`rated_at` integer,
	`on_behalf_of` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`device_id` text,
	`account_id` text,
	`media_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `report_services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `open311_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_description_ck" CHECK(length("reports"."description") between 1 and 4000),
	CONSTRAINT "reports_plan_ck" CHECK(("reports"."plan_x" is null and "reports"."plan_y" is null) or ("reports"."plan_x" between 0 and 1000 and "reports"."plan_y" between 0 and 1000)),
	CONSTRAINT "reports_position_ck" CHECK(("reports"."lat" is null and "reports"."long" is null) or ("reports"."lat" between -90 and 90 and "reports"."long" between -180 and 180)),
	CONSTRAINT "reports_counts_ck" CHECK("reports"."return_count" >= 0 and "reports"."redo_count" >= 0),
	CONSTRAINT "reports_closed_ck" CHECK(("reports"."state" = 'closed') = ("reports"."close_reason" is not null and "reports"."closed_at" is not null)),
	CONSTRAINT "reports_work_ck" CHECK("reports"."state" not in ('dispatched', 'in_progress') or ("reports"."department_id" is not null and "reports"."deadline_at" is not null)),
	CONSTRAINT "reports_rating_ck" CHECK("reports"."rating" is null or "reports"."state" = 'closed')
);
--> statement-breakpoint
CREATE INDEX `reports_community_state_idx` ON `reports` (`community_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_community_created_idx` ON `reports` (`community_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_street_created_idx` ON `reports` (`street_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_street_state_deadline_idx` ON `reports` (`street_id`,`state`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `reports_department_state_idx` ON `reports` (`department_id`,`state`);--> statement-breakpoint
CREATE INDEX `reports_service_state_idx` ON `reports` (`service_id`,`state`);--> statement-breakpoint
CREATE INDEX `reports_reporter_idx` ON `reports` (`reporter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_state_replied_idx` ON `reports` (`state`,`replied_at`);--> statement-breakpoint
CREATE TABLE `report_service_attributes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`code` text NOT NULL,
	`datatype` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`description` text NOT NULL,
	`choices` text DEFAULT '[]' NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `report_services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_service_attributes_code_uq` ON `report_service_attributes` (`service_id`,`code`);--> statement-breakpoint
-- A report's timeline is append-only: what happened stays as it was written.
CREATE TRIGGER `report_events_no_update` BEFORE UPDATE ON `report_events` BEGIN SELECT RAISE(ABORT, 'report_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `report_events_no_delete` BEFORE DELETE ON `report_events` BEGIN SELECT RAISE(ABORT, 'report_events is append-only'); END;
