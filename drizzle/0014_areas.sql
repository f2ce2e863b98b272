CREATE TABLE `area_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`claimant_kind` text NOT NULL,
	`team_id` integer,
	`household_key` text,
	`state` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`started_at` integer,
	`term_ends_at` integer,
	`at_risk_at` integer,
	`ended_at` integer,
	`end_reason` text,
	`decided_by` integer,
	`renewed_from_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "area_claims_team_ck" CHECK(("area_claims"."claimant_kind" = 'team') = ("area_claims"."team_id" is not null)),
	CONSTRAINT "area_claims_household_ck" CHECK(("area_claims"."claimant_kind" = 'household') = ("area_claims"."household_key" is not null)),
	CONSTRAINT "area_claims_started_ck" CHECK("area_claims"."state" not in ('active', 'at_risk', 'lapsed', 'expired', 'renewed') or ("area_claims"."started_at" is not null and "area_claims"."term_ends_at" is not null)),
	CONSTRAINT "area_claims_ended_ck" CHECK("area_claims"."state" in ('pending', 'active', 'at_risk') or "area_claims"."ended_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_claims_person_uq` ON `area_claims` (`area_id`,`user_id`) WHERE state in ('pending', 'active', 'at_risk');--> statement-breakpoint
CREATE UNIQUE INDEX `area_claims_team_uq` ON `area_claims` (`area_id`,`team_id`) WHERE state in ('pending', 'active', 'at_risk') and team_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `area_claims_household_uq` ON `area_claims` (`area_id`,`household_key`) WHERE state in ('pending', 'active', 'at_risk') and household_key is not null;--> statement-breakpoint
CREATE INDEX `area_claims_area_state_idx` ON `area_claims` (`area_id`,`state`);--> statement-breakpoint
CREATE INDEX `area_claims_community_state_idx` ON `area_claims` (`community_id`,`state`);--> statement-breakpoint
CREATE INDEX `area_claims_user_state_idx` ON `area_claims` (`user_id`,`state`);--> statement-breakpoint
CREATE INDEX `area_claims_team_idx` ON `area_claims` (`team_id`);--> statement-breakpoint
CREATE TABLE `area_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `area_photos_area_idx` ON `area_photos` (`area_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `area_photos_file_uq` ON `area_photos` (`file_name`);--> statement-breakpoint
CREATE TABLE `area_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "area_plans_size_ck" CHECK("area_plans"."width" > 0 and "area_plans"."height" > 0)
);
--> statement-breakpoint
CREATE INDEX `area_plans_community_idx` ON `area_plans` (`community_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `area_plans_file_uq` ON `area_plans` (`file_name`);--> statement-breakpoint
CREATE TABLE `area_settings` (
	`community_id` integer PRIMARY KEY NOT NULL,
	`max_active_claims` integer DEFAULT 5 NOT NULL,
	`approve_claims` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "area_settings_max_ck" CHECK("area_settings"."max_active_claims" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`grid_id` integer,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`duties` text DEFAULT '' NOT NULL,
	`photo_id` integer,
	`capacity` integer DEFAULT 1 NOT NULL,
	`term_months` integer DEFAULT 12 NOT NULL,
	`min_care_days` integer DEFAULT 30 NOT NULL,
	`priority` integer DEFAULT false NOT NULL,
	`adoptable` integer DEFAULT true NOT NULL,
	`not_adoptable_reason` text,
	`pin_x` integer,
	`pin_y` integer,
	`latitude` real,
	`longitude` real,
	`retired_at` integer,
	`retired_reason` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "areas_name_ck" CHECK(length("areas"."name") between 1 and 60),
	CONSTRAINT "areas_capacity_ck" CHECK("areas"."capacity" between 1 and 50),
	CONSTRAINT "areas_term_ck" CHECK("areas"."term_months" between 1 and 36),
	CONSTRAINT "areas_min_care_ck" CHECK("areas"."min_care_days" between 1 and 365),
	CONSTRAINT "areas_pin_ck" CHECK(("areas"."pin_x" is null and "areas"."pin_y" is null) or ("areas"."pin_x" between 0 and 1000 and "areas"."pin_y" between 0 and 1000)),
	CONSTRAINT "areas_position_ck" CHECK(("areas"."latitude" is null and "areas"."longitude" is null) or ("areas"."latitude" between -90 and 90 and "areas"."longitude" between -180 and 180)),
	CONSTRAINT "areas_adoptable_ck" CHECK("areas"."adoptable" = 1 or length(coalesce("areas"."not_adoptable_reason", '')) > 0)
);
--> statement-breakpoint
CREATE INDEX `areas_community_idx` ON `areas` (`community_id`,`retired_at`,`kind`);--> statement-breakpoint
CREATE INDEX `areas_grid_idx` ON `areas` (`grid_id`);--> statement-breakpoint
CREATE TABLE `care_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`cared_on` integer NOT NULL,
	`minutes` integer NOT NULL,
	`people` integer DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`reject_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `area_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "care_logs_minutes_ck" CHECK("care_logs"."minutes" between 1 and 720),
	CONSTRAINT "care_logs_people_ck" CHECK("care_logs"."people" between 1 and 100),
	CONSTRAINT "care_logs_rejected_ck" CHECK("care_logs"."state" <> 'rejected' or length(coalesce("care_logs"."reject_reason", '')) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_logs_daily_uq` ON `care_logs` (`area_id`,`author_id`,`cared_on`);--> statement-breakpoint
CREATE INDEX `care_logs_claim_idx` ON `care_logs` (`claim_id`,`state`,`cared_on`);--> statement-breakpoint
CREATE INDEX `care_logs_area_idx` ON `care_logs` (`area_id`,`cared_on`);--> statement-breakpoint
CREATE INDEX `care_logs_community_idx` ON `care_logs` (`community_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `care_logs_author_idx` ON `care_logs` (`author_id`,`cared_on`);--> statement-breakpoint
CREATE TABLE `care_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `care_logs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "care_photos_position_ck" CHECK("care_photos"."position" between 0 and 3)
);
--> statement-breakpoint
CREATE INDEX `care_photos_log_idx` ON `care_photos` (`log_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `care_photos_file_uq` ON `care_photos` (`file_name`);--> statement-breakpoint
CREATE TABLE `care_thanks` (
	`log_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`log_id`, `user_id`),
	FOREIGN KEY (`log_id`) REFERENCES `care_logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `claim_nudges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`week` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `area_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_nudges_week_uq` ON `claim_nudges` (`claim_id`,`week`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`named` integer DEFAULT true NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `team_members_user_idx` ON `team_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_community_name_uq` ON `teams` (`community_id`,`name`);--> statement-breakpoint
CREATE INDEX `teams_community_state_idx` ON `teams` (`community_id`,`state`);--> statement-breakpoint
-- An area takes at most `capacity` live claims (pending, active or at risk). Write transactions begin IMMEDIATE, so
-- writers are serialised and this count is exact: twenty claims at once on a one-place area leave one claim.
CREATE TRIGGER `area_claims_capacity` BEFORE INSERT ON `area_claims`
WHEN NEW.state IN ('pending', 'active', 'at_risk')
BEGIN
	SELECT RAISE(ABORT, 'area_full')
	WHERE (SELECT count(*) FROM `area_claims` WHERE `area_id` = NEW.area_id AND `state` IN ('pending', 'active', 'at_risk'))
		>= (SELECT `capacity` FROM `areas` WHERE `id` = NEW.area_id);
END;
--> statement-breakpoint
-- No code brings an ended claim back to life; should one ever, the same limit holds.
CREATE TRIGGER `area_claims_capacity_revive` BEFORE UPDATE OF `state` ON `area_claims`
WHEN NEW.state IN ('pending', 'active', 'at_risk') AND OLD.state NOT IN ('pending', 'active', 'at_risk')
BEGIN
	SELECT RAISE(ABORT, 'area_full')
	WHERE (SELECT count(*) FROM `area_claims` WHERE `area_id` = NEW.area_id AND `state` IN ('pending', 'active', 'at_risk'))
		>= (SELECT `capacity` FROM `areas` WHERE `id` = NEW.area_id);
END;
