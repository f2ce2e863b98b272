-- A published evaluation never changes: neither the snapshot, nor its inputs, results and awards. The commands
-- guard every write with state = 'draft'; these triggers refuse whatever slips past them (a script, a hand edit).
CREATE TRIGGER `evaluation_snapshots_published_update` BEFORE UPDATE ON `evaluation_snapshots`
WHEN OLD.`state` = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_snapshots_published_delete` BEFORE DELETE ON `evaluation_snapshots`
WHEN OLD.`state` = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_inputs_published_insert` BEFORE INSERT ON `evaluation_inputs`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = NEW.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_inputs_published_update` BEFORE UPDATE ON `evaluation_inputs`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = OLD.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_inputs_published_delete` BEFORE DELETE ON `evaluation_inputs`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = OLD.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_results_published_insert` BEFORE INSERT ON `evaluation_results`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = NEW.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_results_published_update` BEFORE UPDATE ON `evaluation_results`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = OLD.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_results_published_delete` BEFORE DELETE ON `evaluation_results`
WHEN (SELECT `state` FROM `evaluation_snapshots` WHERE `id` = OLD.`snapshot_id`) = 'published'
BEGIN SELECT RAISE(ABORT, 'evaluation_published: a published evaluation never changes'); END;
--> statement-breakpoint
-- A scheme a snapshot has used is history: its weights, targets and minimums stay as they were.
CREATE TRIGGER `evaluation_schemes_used_update` BEFORE UPDATE ON `evaluation_schemes`
WHEN EXISTS (SELECT 1 FROM `evaluation_snapshots` WHERE `scheme_id` = OLD.`id`)
BEGIN SELECT RAISE(ABORT, 'evaluation_scheme_frozen: a scheme in use never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_schemes_used_delete` BEFORE DELETE ON `evaluation_schemes`
WHEN EXISTS (SELECT 1 FROM `evaluation_snapshots` WHERE `scheme_id` = OLD.`id`)
BEGIN SELECT RAISE(ABORT, 'evaluation_scheme_frozen: a scheme in use never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_scheme_indicators_used_insert` BEFORE INSERT ON `evaluation_scheme_indicators`
WHEN EXISTS (SELECT 1 FROM `evaluation_snapshots` WHERE `scheme_id` = NEW.`scheme_id`)
BEGIN SELECT RAISE(ABORT, 'evaluation_scheme_frozen: a scheme in use never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_scheme_indicators_used_update` BEFORE UPDATE ON `evaluation_scheme_indicators`
WHEN EXISTS (SELECT 1 FROM `evaluation_snapshots` WHERE `scheme_id` = OLD.`scheme_id`)
BEGIN SELECT RAISE(ABORT, 'evaluation_scheme_frozen: a scheme in use never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `evaluation_scheme_indicators_used_delete` BEFORE DELETE ON `evaluation_scheme_indicators`
WHEN EXISTS (SELECT 1 FROM `evaluation_snapshots` WHERE `scheme_id` = OLD.`scheme_id`)
BEGIN SELECT RAISE(ABORT, 'evaluation_scheme_frozen: a scheme in use never changes'); END;
