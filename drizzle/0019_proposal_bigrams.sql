-- Search terms of 1-2 characters (電梯, 梯, 5F) through an index instead of scanning every proposal with LIKE: a
-- row per proposal holding a token for each character and each pair of adjacent characters of its title and of its
-- body. The tokens come from text_grams(), a function openDatabase registers on every connection (see
-- src/lib/server/db/grams.ts for the tokens and why they are not made in SQL). Contentless (the text is in
-- `proposals` already), rowids only (detail=none: a token is a whole term, so no positions are needed), deletable
-- by rowid (contentless_delete). Kept in step by triggers, like the trigram index of 0005.
CREATE VIRTUAL TABLE `proposals_grams` USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
CREATE TRIGGER `proposals_grams_ai` AFTER INSERT ON `proposals` BEGIN
	INSERT INTO proposals_grams(rowid, grams) VALUES (new.id, text_grams(new.title, new.body));
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_grams_ad` AFTER DELETE ON `proposals` BEGIN
	DELETE FROM proposals_grams WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `proposals_grams_au` AFTER UPDATE OF title, body ON `proposals` BEGIN
	DELETE FROM proposals_grams WHERE rowid = old.id;
	INSERT INTO proposals_grams(rowid, grams) VALUES (new.id, text_grams(new.title, new.body));
END;
--> statement-breakpoint
-- The proposals written before.
INSERT INTO proposals_grams(rowid, grams) SELECT id, text_grams(title, body) FROM proposals;
