CREATE TABLE `held_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
	`user_id` integer NOT NULL,
	`field` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `held_uploads_token_unique` ON `held_uploads` (`token`);--> statement-breakpoint
CREATE INDEX `held_uploads_user_idx` ON `held_uploads` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `held_uploads_created_idx` ON `held_uploads` (`created_at`);