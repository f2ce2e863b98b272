-- Money in fen, every vote type in replays, and a voter code on every ballot (0016).
--
-- Written by hand around what drizzle-kit generated: it would rebuild `ballots` (a new CHECK), and dropping a
-- table inside the migration's transaction (foreign keys stay on there) runs its ON DELETE CASCADE, which would
-- take every ballot choice with it. So no table with children is rebuilt: columns are renamed or added, with
-- column CHECKs where schema.ts says so.
--
-- 1. Ballots: the .pb export's anonymous voter id becomes every ballot's voter code. A replayed voter keeps the
--    file's id; every resident's ballot gets a random one (SQLite's randomblob is ChaCha20 seeded from the
--    operating system), kept when the ballot changes. A trigger refuses a ballot without a code.
ALTER TABLE `ballots` RENAME COLUMN `external_voter` TO `voter_code`;--> statement-breakpoint
DROP INDEX `ballots_menu_external_uq`;--> statement-breakpoint
UPDATE `ballots` SET `voter_code` = lower(hex(randomblob(8))) WHERE `voter_code` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_menu_code_uq` ON `ballots` (`menu_id`,`voter_code`);--> statement-breakpoint
CREATE TRIGGER `ballots_voter_code_insert` BEFORE INSERT ON `ballots` WHEN NEW.`voter_code` IS NULL
BEGIN SELECT RAISE(ABORT, 'a ballot needs a voter code'); END;--> statement-breakpoint
CREATE TRIGGER `ballots_voter_code_update` BEFORE UPDATE OF `voter_code` ON `ballots` WHEN NEW.`voter_code` IS NULL
BEGIN SELECT RAISE(ABORT, 'a ballot needs a voter code'); END;--> statement-breakpoint
-- 2. Ballot choices: their place on the ballot (a rank on a ranked one) and the points given. Nothing refers to
--    this table, so it is rebuilt with its table CHECKs.
CREATE TABLE `__new_ballot_choices` (
	`ballot_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`position` integer,
	`points` integer,
	PRIMARY KEY(`ballot_id`, `project_id`),
	FOREIGN KEY (`ballot_id`) REFERENCES `ballots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `menu_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ballot_choices_position_ck" CHECK("__new_ballot_choices"."position" is null or "__new_ballot_choices"."position" >= 1),
	CONSTRAINT "ballot_choices_points_ck" CHECK("__new_ballot_choices"."points" is null or "__new_ballot_choices"."points" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_ballot_choices`("ballot_id", "project_id", "position", "points") SELECT "ballot_id", "project_id", NULL, NULL FROM `ballot_choices`;--> statement-breakpoint
DROP TABLE `ballot_choices`;--> statement-breakpoint
ALTER TABLE `__new_ballot_choices` RENAME TO `ballot_choices`;--> statement-breakpoint
CREATE INDEX `ballot_choices_project_idx` ON `ballot_choices` (`project_id`);--> statement-breakpoint
-- 3. Menus: their currency, how many stored units make one currency unit, and the form of their ballots.
ALTER TABLE `menus` ADD `currency` text DEFAULT 'CNY' NOT NULL CHECK (`currency` GLOB '[A-Z][A-Z][A-Z]');--> statement-breakpoint
ALTER TABLE `menus` ADD `amount_scale` integer DEFAULT 100 NOT NULL CHECK (`amount_scale` IN (1, 10, 100));--> statement-breakpoint
ALTER TABLE `menus` ADD `vote_type` text DEFAULT 'approval' NOT NULL CHECK (`vote_type` IN ('approval', 'choose-1', 'cumulative', 'ordinal'));--> statement-breakpoint
-- Replays so far were all approval files in whole currency units (decimal files were refused): scale 1, and
-- the currency their file named.
UPDATE `menus` SET `amount_scale` = 1,
	`currency` = CASE WHEN upper(trim(json_extract(`pabulib_meta`, '$.currency'))) GLOB '[A-Z][A-Z][A-Z]'
		THEN upper(trim(json_extract(`pabulib_meta`, '$.currency'))) ELSE 'CNY' END
	WHERE `source` = 'pabulib';--> statement-breakpoint
-- 4. The portal's own amounts, whole yuan until now, become fen (× 100); the CHECKs (> 0, >= 0) still hold.
UPDATE `menus` SET `budget` = `budget` * 100 WHERE `source` = 'native';--> statement-breakpoint
UPDATE `menu_projects` SET `estimated_cost` = `estimated_cost` * 100, `final_cost` = `final_cost` * 100
	WHERE `menu_id` IN (SELECT `id` FROM `menus` WHERE `source` = 'native');--> statement-breakpoint
UPDATE `project_spending` SET `planned` = `planned` * 100, `actual` = `actual` * 100;--> statement-breakpoint
-- Frozen results hold amounts too: the budget, the chosen cost, each project's cost, Equal Shares' total.
UPDATE `menus` SET `results_json` = json_set(`results_json`,
		'$.budget', json_extract(`results_json`, '$.budget') * 100,
		'$.cost', json_extract(`results_json`, '$.cost') * 100,
		'$.projects', (SELECT json_group_array(json_set(p.`value`, '$.cost', json_extract(p.`value`, '$.cost') * 100))
			FROM json_each(`results_json`, '$.projects') AS p))
	WHERE `source` = 'native' AND `results_json` IS NOT NULL;--> statement-breakpoint
UPDATE `menus` SET `results_json` = json_set(`results_json`, '$.equalShares.virtualBudget',
		json_extract(`results_json`, '$.equalShares.virtualBudget') * 100)
	WHERE `source` = 'native' AND json_extract(`results_json`, '$.equalShares') IS NOT NULL;
--> statement-breakpoint
-- 5. The audit log's amounts of the portal's menus were yuan too: fen now, so /audit reads them as it did. Only
--    the units change (what each row records stays); rows that are not valid JSON are left alone.
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.budget', json_extract(`summary`, '$.budget') * 100)
	WHERE `action` IN ('menu.create', 'menu.edit') AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.budget') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.estimatedCost', json_extract(`summary`, '$.estimatedCost') * 100)
	WHERE `action` = 'menu.submit_candidate' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.estimatedCost') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.finalCost', json_extract(`summary`, '$.finalCost') * 100)
	WHERE `action` = 'menu.review_candidate' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.finalCost') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.cost', json_extract(`summary`, '$.cost') * 100)
	WHERE `action` = 'menu.publish_results' AND `subject_id` IN (SELECT `id` FROM `menus` WHERE `source` = 'native')
	AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.cost') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.planned', json_extract(`summary`, '$.planned') * 100)
	WHERE `action` = 'menu.add_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.planned') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.actual', json_extract(`summary`, '$.actual') * 100)
	WHERE `action` = 'menu.add_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.actual') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.before.planned', json_extract(`summary`, '$.before.planned') * 100)
	WHERE `action` = 'menu.edit_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.before.planned') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.before.actual', json_extract(`summary`, '$.before.actual') * 100)
	WHERE `action` = 'menu.edit_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.before.actual') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.after.planned', json_extract(`summary`, '$.after.planned') * 100)
	WHERE `action` = 'menu.edit_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.after.planned') = 'integer' ELSE 0 END;--> statement-breakpoint
UPDATE `audit_log` SET `summary` = json_set(`summary`, '$.after.actual', json_extract(`summary`, '$.after.actual') * 100)
	WHERE `action` = 'menu.edit_spending' AND CASE WHEN json_valid(`summary`) THEN json_type(`summary`, '$.after.actual') = 'integer' ELSE 0 END;
