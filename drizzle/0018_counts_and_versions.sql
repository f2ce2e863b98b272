CREATE TABLE `org_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "org_version_one_ck" CHECK("org_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `proposal_counts` (
	`community_id` integer NOT NULL,
	`state` text NOT NULL,
	`category` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`community_id`, `state`, `category`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proposal_counts_n_ck" CHECK("proposal_counts"."n" >= 0)
);
--> statement-breakpoint
DROP INDEX `proposals_community_seconds_idx`;--> statement-breakpoint
CREATE INDEX `proposals_community_state_seconds_idx` ON `proposals` (`community_id`,`state`,`second_count`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_deadline_idx` ON `proposals` (`community_id`,(case when "state" = 'qualified' then "response_due_at" end) is null,(case when "state" = 'qualified' then "response_due_at" end),"created_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `proposals_community_seconds_idx` ON `proposals` (`community_id`,`second_count`,`created_at`);
--> statement-breakpoint
-- The counts follow every write to proposals in the writer's own transaction, whichever path writes.
CREATE TRIGGER `proposal_counts_ai` AFTER INSERT ON `proposals` BEGIN
	INSERT INTO proposal_counts (community_id, state, category, n) VALUES (new.community_id, new.state, new.category, 1)
		ON CONFLICT (community_id, state, category) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_counts_ad` AFTER DELETE ON `proposals` BEGIN
	UPDATE proposal_counts SET n = n - 1 WHERE community_id = old.community_id AND state = old.state AND category = old.category;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_counts_au` AFTER UPDATE OF community_id, state, category ON `proposals`
	WHEN old.community_id IS NOT new.community_id OR old.state IS NOT new.state OR old.category IS NOT new.category BEGIN
	UPDATE proposal_counts SET n = n - 1 WHERE community_id = old.community_id AND state = old.state AND category = old.category;
	INSERT INTO proposal_counts (community_id, state, category, n) VALUES (new.community_id, new.state, new.category, 1)
		ON CONFLICT (community_id, state, category) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO proposal_counts (community_id, state, category, n)
	SELECT community_id, state, category, count(*) FROM proposals GROUP BY community_id, state, category;
--> statement-breakpoint
INSERT INTO org_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `streets_org_version_insert` AFTER INSERT ON `streets` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `streets_org_version_update` AFTER UPDATE ON `streets` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `streets_org_version_delete` AFTER DELETE ON `streets` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communities_org_version_insert` AFTER INSERT ON `communities` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communities_org_version_update` AFTER UPDATE ON `communities` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communities_org_version_delete` AFTER DELETE ON `communities` BEGIN
	UPDATE org_version SET version = version + 1 WHERE id = 1;
END;
