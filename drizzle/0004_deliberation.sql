CREATE TABLE `proposal_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`other_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_events_proposal_idx` ON `proposal_events` (`proposal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `proposal_seconds` (
	`proposal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`carried_from` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `user_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_seconds_user_idx` ON `proposal_seconds` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text NOT NULL,
	`location` text,
	`state` text DEFAULT 'open' NOT NULL,
	`second_count` integer DEFAULT 0 NOT NULL,
	`qualified_at` integer,
	`response_due_at` integer,
	`responded_at` integer,
	`responded_by` integer,
	`response_note` text,
	`merged_into_id` integer,
	`consultation_id` integer,
	`edited_at` integer,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposals_seconds_ck" CHECK("proposals"."second_count" >= 0),
	CONSTRAINT "proposals_title_ck" CHECK(length("proposals"."title") between 1 and 200),
	CONSTRAINT "proposals_qualified_ck" CHECK("proposals"."state" in ('open', 'withdrawn') or "proposals"."qualified_at" is not null or "proposals"."responded_at" is not null)
);
--> statement-breakpoint
CREATE INDEX `proposals_community_state_idx` ON `proposals` (`community_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_community_created_idx` ON `proposals` (`community_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_community_seconds_idx` ON `proposals` (`community_id`,`second_count`);--> statement-breakpoint
CREATE INDEX `proposals_due_idx` ON `proposals` (`community_id`,`state`,`response_due_at`);--> statement-breakpoint
CREATE INDEX `proposals_author_idx` ON `proposals` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_merged_into_idx` ON `proposals` (`merged_into_id`);--> statement-breakpoint
CREATE TABLE `comment_reports` (
	`comment_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `reporter_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `consultation_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_reports_reporter_idx` ON `comment_reports` (`reporter_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `consultation_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`parent_id` integer,
	`stance` text,
	`body` text NOT NULL,
	`status` text DEFAULT 'visible' NOT NULL,
	`hidden_reason` text,
	`hidden_by` integer,
	`hidden_at` integer,
	`open_reports` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comments_body_ck" CHECK(length("consultation_comments"."body") between 1 and 2000),
	CONSTRAINT "comments_stance_ck" CHECK("consultation_comments"."parent_id" is not null or "consultation_comments"."stance" is not null),
	CONSTRAINT "comments_reports_ck" CHECK("consultation_comments"."open_reports" >= 0)
);
--> statement-breakpoint
CREATE INDEX `comments_thread_idx` ON `consultation_comments` (`consultation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `consultation_comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `consultation_comments` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `consultation_comments` (`consultation_id`,`status`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`proposal_id` integer,
	`topic` text NOT NULL,
	`background` text NOT NULL,
	`closes_at` integer,
	`major` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`locked_at` integer,
	`pinned_summary` text,
	`pinned_at` integer,
	`resolution` text,
	`closed_at` integer,
	`closed_by` integer,
	`implementation` text,
	`implementation_at` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consultations_closed_ck" CHECK("consultations"."state" = 'open' or ("consultations"."resolution" is not null and "consultations"."closed_at" is not null)),
	CONSTRAINT "consultations_implementation_ck" CHECK("consultations"."implementation" is null or "consultations"."state" = 'closed')
);
--> statement-breakpoint
CREATE INDEX `consultations_community_idx` ON `consultations` (`community_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `consultations_proposal_idx` ON `consultations` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `consultation_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`stage` integer NOT NULL,
	`held_at` integer NOT NULL,
	`body` text NOT NULL,
	`entitled` integer NOT NULL,
	`attended` integer NOT NULL,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstain` integer,
	`passed` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stages_stage_ck" CHECK("consultation_stages"."stage" between 1 and 4),
	CONSTRAINT "stages_attendance_ck" CHECK("consultation_stages"."entitled" >= 1 and "consultation_stages"."attended" >= 0 and "consultation_stages"."attended" <= "consultation_stages"."entitled"),
	CONSTRAINT "stages_votes_ck" CHECK(("consultation_stages"."stage" <= 2 and "consultation_stages"."votes_for" is null and "consultation_stages"."votes_against" is null and "consultation_stages"."votes_abstain" is null)
			 or ("consultation_stages"."stage" >= 3 and "consultation_stages"."votes_for" >= 0 and "consultation_stages"."votes_against" >= 0 and "consultation_stages"."votes_abstain" >= 0
			     and "consultation_stages"."votes_for" + "consultation_stages"."votes_against" + "consultation_stages"."votes_abstain" <= "consultation_stages"."attended"))
);
--> statement-breakpoint
CREATE INDEX `stages_thread_idx` ON `consultation_stages` (`consultation_id`,`stage`);--> statement-breakpoint
CREATE UNIQUE INDEX `stages_passed_uq` ON `consultation_stages` (`consultation_id`,`stage`) WHERE "consultation_stages"."passed" = 1;