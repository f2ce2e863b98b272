CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_street_name_uq` ON `departments` (`street_id`,`name`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer,
	`last_error` text,
	`lease_until` integer
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	CONSTRAINT "outbox_attempts_ck" CHECK("outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
-- Departments become records: one per (street, name) that department accounts were appointed with.
INSERT INTO `departments` (`street_id`, `name`, `created_at`) SELECT DISTINCT `street_id`, COALESCE(NULLIF(TRIM(`department`), ''), '未命名部門'), CAST(unixepoch('subsec') * 1000 AS integer) FROM `memberships` WHERE `role` = 'department' AND `street_id` IS NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`street_id` integer,
	`community_id` integer,
	`grid_id` integer,
	`compound` text,
	`building` text,
	`unit` text,
	`department` text,
	`department_id` integer,
	`decision_reason` text,
	`decided_by` integer,
	`decided_at` integer,
	`scope_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_scope_ck" CHECK((role in ('resident','grid_worker','committee') and community_id is not null and street_id is not null)
 or (role in ('street_staff') and community_id is null and street_id is not null)
 or (role in ('department') and community_id is null and street_id is not null and department_id is not null)
 or (role in ('admin') and community_id is null and street_id is null))
);
--> statement-breakpoint
INSERT INTO `__new_memberships`("id", "user_id", "role", "status", "street_id", "community_id", "grid_id", "compound", "building", "unit", "department", "department_id", "decision_reason", "decided_by", "decided_at", "scope_key", "created_at") SELECT "id", "user_id", "role", "status", "street_id", "community_id", "grid_id", "compound", "building", "unit", "department", (SELECT d.id FROM `departments` d WHERE d.street_id = `memberships`.street_id AND d.name = COALESCE(NULLIF(TRIM(`memberships`.department), ''), '未命名部門') AND `memberships`.role = 'department'), "decision_reason", "decided_by", "decided_at", "scope_key", "created_at" FROM `memberships`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_live_uq` ON `memberships` (`user_id`,`role`,`scope_key`) WHERE "memberships"."status" in ('pending', 'verified');--> statement-breakpoint
CREATE INDEX `memberships_community_status_idx` ON `memberships` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);