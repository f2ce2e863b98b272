-- Full-text search over proposals: FTS5 with the trigram tokenizer finds Chinese words of 3+ characters
-- inside titles and bodies (queries of 1-2 characters fall back to LIKE within one community).
-- External-content table kept in sync by triggers, so every write path updates it in its own transaction.
CREATE VIRTUAL TABLE `proposals_fts` USING fts5(title, body, content='proposals', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `proposals_fts_ai` AFTER INSERT ON `proposals` BEGIN
	INSERT INTO proposals_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_fts_ad` AFTER DELETE ON `proposals` BEGIN
	INSERT INTO proposals_fts(proposals_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_fts_au` AFTER UPDATE OF title, body ON `proposals` BEGIN
	INSERT INTO proposals_fts(proposals_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO proposals_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
