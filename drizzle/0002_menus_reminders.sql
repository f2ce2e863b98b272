CREATE TABLE `menu_reminders` (
	`menu_id` integer NOT NULL,
	`kind` text NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`menu_id`, `kind`),
	FOREIGN KEY (`menu_id`) REFERENCES `menus`(`id`) ON UPDATE no action ON DELETE cascade
);
