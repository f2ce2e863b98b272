CREATE TABLE `project_acceptances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`remarks` text NOT NULL,
	`representatives` text NOT NULL,
	`accepted_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_acceptances_project_uq` ON `project_acceptances` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `project_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_photos_size_ck" CHECK("project_photos"."size" > 0 and "project_photos"."size" <= 5242880),
	CONSTRAINT "project_photos_position_ck" CHECK("project_photos"."position" between 0 and 5)
);
--> statement-breakpoint
CREATE INDEX `project_photos_update_idx` ON `project_photos` (`update_id`,`position`);--> statement-breakpoint
CREATE INDEX `project_photos_project_idx` ON `project_photos` (`project_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `project_photos_file_uq` ON `project_photos` (`file_name`);--> statement-breakpoint
CREATE TABLE `project_spending` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`item` text NOT NULL,
	`planned` integer NOT NULL,
	`actual` integer,
	`author_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_spending_amounts_ck" CHECK("project_spending"."planned" >= 0 and ("project_spending"."actual" is null or "project_spending"."actual" >= 0))
);
--> statement-breakpoint
CREATE INDEX `project_spending_project_idx` ON `project_spending` (`project_id`,`id`);--> statement-breakpoint
CREATE TABLE `project_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`body` text NOT NULL,
	`percent` integer NOT NULL,
	`author_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_updates_percent_ck" CHECK("project_updates"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `project_updates_project_idx` ON `project_updates` (`project_id`,`created_at`);