-- A report's handling is rated in the ratings module (0017), like a project or a 物業 period.
--
-- Written by hand instead of what drizzle-kit generated: that rebuilt `reports`, and dropping a table with
-- children inside the migration's transaction (foreign keys stay on there) would fail or cascade. So:
-- 1. every closed report with an account behind it becomes a rating subject for its reporter, its 30 days
--    counted from its closing, and marked invited (its reporter was offered the rating then);
INSERT INTO `rating_subjects` (`kind`, `subject_id`, `community_id`, `grid_id`, `title`, `link`, `rater_id`, `opens_at`, `closes_at`, `invited_at`, `invited`, `created_at`)
SELECT 'report', r.`id`, r.`community_id`, r.`grid_id`,
	CASE WHEN length(r.`description`) > 40 THEN substr(r.`description`, 1, 40) || '…' ELSE r.`description` END,
	'/c/' || c.`slug` || '/reports/' || r.`id`, r.`reporter_id`, r.`closed_at`, r.`closed_at` + 30 * 86400000, r.`closed_at`, 1, r.`closed_at`
FROM `reports` r JOIN `communities` c ON c.`id` = r.`community_id`
WHERE r.`state` = 'closed' AND r.`closed_at` IS NOT NULL AND r.`reporter_id` IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- 2. each rating given so far moves there: 滿意 3, 基本滿意 2, 不滿意 1, its note as the comment;
INSERT INTO `ratings` (`subject_kind`, `subject_id`, `rater_id`, `overall`, `comment`, `created_at`, `updated_at`)
SELECT 'report', r.`id`, r.`reporter_id`, CASE r.`rating` WHEN 'satisfied' THEN 3 WHEN 'basic' THEN 2 ELSE 1 END,
	nullif(r.`rating_note`, ''), r.`rated_at`, r.`rated_at`
FROM `reports` r JOIN `rating_subjects` s ON s.`kind` = 'report' AND s.`subject_id` = r.`id`
WHERE r.`rating` IS NOT NULL AND r.`rated_at` IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- 3. the old columns go. `rating` is named by a table CHECK, which SQLite cannot drop without rebuilding the
--    table: it stays, always null, and nothing reads it.
UPDATE `reports` SET `rating` = NULL WHERE `rating` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` DROP COLUMN `rating_note`;--> statement-breakpoint
ALTER TABLE `reports` DROP COLUMN `rated_at`;
