CREATE TABLE `property_rating_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` integer NOT NULL,
	`title` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`closed_early_at` integer,
	`opened_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "property_rating_periods_title_ck" CHECK(length("property_rating_periods"."title") between 1 and 100)
);
--> statement-breakpoint
CREATE INDEX `property_rating_periods_community_idx` ON `property_rating_periods` (`community_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `rating_scores` (
	`rating_id` integer NOT NULL,
	`dimension` text NOT NULL,
	`score` integer NOT NULL,
	PRIMARY KEY(`rating_id`, `dimension`),
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rating_scores_score_ck" CHECK("rating_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `rating_subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`grid_id` integer,
	`title` text NOT NULL,
	`link` text NOT NULL,
	`rater_id` integer,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`invited_at` integer,
	`invited` integer DEFAULT 0 NOT NULL,
	`opened_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rater_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rating_subjects_window_ck" CHECK("rating_subjects"."closes_at" > "rating_subjects"."opens_at"),
	CONSTRAINT "rating_subjects_invited_ck" CHECK("rating_subjects"."invited" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_subjects_subject_uq` ON `rating_subjects` (`kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `rating_subjects_community_idx` ON `rating_subjects` (`community_id`,`closes_at`);--> statement-breakpoint
CREATE INDEX `rating_subjects_rater_idx` ON `rating_subjects` (`rater_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`rater_id` integer NOT NULL,
	`overall` integer NOT NULL,
	`comment` text,
	`comment_hidden_reason` text,
	`comment_hidden_by` integer,
	`comment_hidden_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rater_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`comment_hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_kind`,`subject_id`) REFERENCES `rating_subjects`(`kind`,`subject_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ratings_overall_ck" CHECK("ratings"."overall" between 1 and 5 and ("ratings"."subject_kind" <> 'report' or "ratings"."overall" <= 3)),
	CONSTRAINT "ratings_comment_ck" CHECK("ratings"."comment" is null or length("ratings"."comment") between 1 and 2000),
	CONSTRAINT "ratings_hidden_ck" CHECK("ratings"."comment_hidden_at" is null or ("ratings"."comment_hidden_reason" is not null and "ratings"."comment" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_subject_rater_uq` ON `ratings` (`subject_kind`,`subject_id`,`rater_id`);--> statement-breakpoint
CREATE INDEX `ratings_rater_idx` ON `ratings` (`rater_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `evaluation_inputs` (
	`snapshot_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`indicator` text NOT NULL,
	`numerator` integer,
	`denominator` integer,
	`n` integer,
	`weight` integer NOT NULL,
	`target_percent` integer NOT NULL,
	`min_n` integer NOT NULL,
	`actual` real,
	`score` real,
	`dropped` text,
	`effective_weight` real,
	`items` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`snapshot_id`, `community_id`, `indicator`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `evaluation_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_inputs_counts_ck" CHECK(("evaluation_inputs"."numerator" is null and "evaluation_inputs"."denominator" is null and "evaluation_inputs"."n" is null) or ("evaluation_inputs"."numerator" >= 0 and "evaluation_inputs"."denominator" >= "evaluation_inputs"."numerator" and "evaluation_inputs"."n" >= 0))
);
--> statement-breakpoint
CREATE INDEX `evaluation_inputs_community_idx` ON `evaluation_inputs` (`community_id`,`snapshot_id`);--> statement-breakpoint
CREATE TABLE `evaluation_results` (
	`snapshot_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`community_slug` text NOT NULL,
	`community_name` text NOT NULL,
	`score` real,
	`rank` integer,
	`tie_broken` integer DEFAULT false NOT NULL,
	`award_fen` integer,
	PRIMARY KEY(`snapshot_id`, `community_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `evaluation_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_results_award_ck" CHECK("evaluation_results"."award_fen" is null or "evaluation_results"."award_fen" >= 0),
	CONSTRAINT "evaluation_results_rank_ck" CHECK(("evaluation_results"."score" is null) = ("evaluation_results"."rank" is null))
);
--> statement-breakpoint
CREATE INDEX `evaluation_results_community_idx` ON `evaluation_results` (`community_id`,`snapshot_id`);--> statement-breakpoint
CREATE TABLE `evaluation_schemes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`version` integer NOT NULL,
	`period_kind` text DEFAULT 'quarter' NOT NULL,
	`starts_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_schemes_version_ck" CHECK("evaluation_schemes"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_schemes_version_uq` ON `evaluation_schemes` (`street_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_schemes_start_uq` ON `evaluation_schemes` (`street_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `evaluation_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`scheme_id` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`computed_at` integer NOT NULL,
	`computed_by` integer,
	`published_at` integer,
	`published_by` integer,
	`reward_pool_fen` integer,
	`reward_floor_fen` integer,
	`reward_cap_fen` integer,
	`awards_marked_at` integer,
	`awards_marked_by` integer,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheme_id`) REFERENCES `evaluation_schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`computed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`awards_marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_snapshots_period_ck" CHECK("evaluation_snapshots"."ends_at" > "evaluation_snapshots"."starts_at"),
	CONSTRAINT "evaluation_snapshots_published_ck" CHECK("evaluation_snapshots"."state" = 'draft' or "evaluation_snapshots"."published_at" is not null),
	CONSTRAINT "evaluation_snapshots_reward_ck" CHECK(("evaluation_snapshots"."reward_pool_fen" is null and "evaluation_snapshots"."reward_floor_fen" is null and "evaluation_snapshots"."reward_cap_fen" is null) or ("evaluation_snapshots"."reward_pool_fen" >= 0 and "evaluation_snapshots"."reward_floor_fen" >= 0 and "evaluation_snapshots"."reward_cap_fen" >= "evaluation_snapshots"."reward_floor_fen"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_snapshots_period_uq` ON `evaluation_snapshots` (`street_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `evaluation_snapshots_street_idx` ON `evaluation_snapshots` (`street_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `evaluation_scheme_indicators` (
	`scheme_id` integer NOT NULL,
	`indicator` text NOT NULL,
	`weight` integer NOT NULL,
	`target_percent` integer NOT NULL,
	`min_n` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`scheme_id`, `indicator`),
	FOREIGN KEY (`scheme_id`) REFERENCES `evaluation_schemes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_scheme_indicators_ck" CHECK("evaluation_scheme_indicators"."weight" between 1 and 100 and "evaluation_scheme_indicators"."target_percent" between 1 and 100 and "evaluation_scheme_indicators"."min_n" >= 0)
);
