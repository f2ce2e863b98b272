CREATE TABLE `ballot_choices` (
	`ballot_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	PRIMARY KEY(`ballot_id`, `project_id`),
	FOREIGN KEY (`ballot_id`) REFERENCES `ballots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ballot_choices_project_idx` ON `ballot_choices` (`project_id`);--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`menu_id` integer NOT NULL,
	`voter_id` integer,
	`external_voter` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`menu_id`) REFERENCES `menus`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ballots_voter_ck" CHECK("ballots"."voter_id" is not null or "ballots"."external_voter" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_menu_voter_uq` ON `ballots` (`menu_id`,`voter_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_menu_external_uq` ON `ballots` (`menu_id`,`external_voter`);--> statement-breakpoint
CREATE TABLE `menu_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`menu_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`estimated_cost` integer NOT NULL,
	`final_cost` integer,
	`feasibility` text DEFAULT 'pending' NOT NULL,
	`infeasible_reason` text,
	`proposal_id` integer,
	`external_id` text,
	`submitted_by` integer,
	`selected` integer,
	`votes` integer,
	`implementation_state` text DEFAULT 'not_started' NOT NULL,
	`progress_percent` integer DEFAULT 0 NOT NULL,
	`accepted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`menu_id`) REFERENCES `menus`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "menu_projects_cost_ck" CHECK("menu_projects"."estimated_cost" >= 0 and ("menu_projects"."final_cost" is null or "menu_projects"."final_cost" >= 0)),
	CONSTRAINT "menu_projects_progress_ck" CHECK("menu_projects"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `menu_projects_menu_idx` ON `menu_projects` (`menu_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `menu_projects_external_uq` ON `menu_projects` (`menu_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `menus` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`budget` integer NOT NULL,
	`ballot_rule` text NOT NULL,
	`max_choices` integer,
	`min_choices` integer,
	`tally_rule` text DEFAULT 'greedy' NOT NULL,
	`min_votes` integer,
	`collect_starts_at` integer NOT NULL,
	`review_starts_at` integer NOT NULL,
	`vote_starts_at` integer NOT NULL,
	`results_starts_at` integer NOT NULL,
	`implementation_starts_at` integer NOT NULL,
	`acceptance_starts_at` integer NOT NULL,
	`advanced_to` text,
	`results_published_at` integer,
	`results_json` text,
	`source` text DEFAULT 'native' NOT NULL,
	`pabulib_meta` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "menus_budget_ck" CHECK("menus"."budget" > 0),
	CONSTRAINT "menus_phase_order_ck" CHECK("menus"."collect_starts_at" <= "menus"."review_starts_at" and "menus"."review_starts_at" <= "menus"."vote_starts_at" and "menus"."vote_starts_at" < "menus"."results_starts_at" and "menus"."results_starts_at" <= "menus"."implementation_starts_at" and "menus"."implementation_starts_at" <= "menus"."acceptance_starts_at")
);
--> statement-breakpoint
CREATE INDEX `menus_community_idx` ON `menus` (`community_id`,`created_at`);