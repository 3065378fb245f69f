-- A second full-text index over posts, for scripts written without spaces between words
-- (Chinese, Japanese, Thai…: docs/decisions/004-search-and-feeds.md). "PostSearch"
-- (unicode61) sees "Never ever know 声东击西" as four words, so 东击 or 击西 find nothing;
-- the trigram tokenizer indexes every three characters, so any substring of three or
-- more is a match. Same shape as "PostSearch": external content (the text lives once,
-- in "Post"), kept in sync by triggers for every writer, drafts included.
-- NOTE: a later migration that redefines "Post" (Prisma's copy-drop-rename for SQLite)
-- drops these triggers too; it must recreate them and run 'rebuild' on both indexes.
CREATE VIRTUAL TABLE "PostSearchTrigram" USING fts5(
    title,
    standfirst,
    bodyMarkdown,
    content = 'Post',
    content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER "Post_search_trigram_after_insert" AFTER INSERT ON "Post" BEGIN
    INSERT INTO "PostSearchTrigram" (rowid, title, standfirst, bodyMarkdown)
    VALUES (new."id", new."title", new."standfirst", new."bodyMarkdown");
END;

CREATE TRIGGER "Post_search_trigram_after_delete" AFTER DELETE ON "Post" BEGIN
    INSERT INTO "PostSearchTrigram" ("PostSearchTrigram", rowid, title, standfirst, bodyMarkdown)
    VALUES ('delete', old."id", old."title", old."standfirst", old."bodyMarkdown");
END;

-- Only text changes touch the index: view and share counters update "Post" all the time.
CREATE TRIGGER "Post_search_trigram_after_update" AFTER UPDATE OF "title", "standfirst", "bodyMarkdown" ON "Post" BEGIN
    INSERT INTO "PostSearchTrigram" ("PostSearchTrigram", rowid, title, standfirst, bodyMarkdown)
    VALUES ('delete', old."id", old."title", old."standfirst", old."bodyMarkdown");
    INSERT INTO "PostSearchTrigram" (rowid, title, standfirst, bodyMarkdown)
    VALUES (new."id", new."title", new."standfirst", new."bodyMarkdown");
END;

-- Index the posts that already exist.
INSERT INTO "PostSearchTrigram" ("PostSearchTrigram") VALUES ('rebuild');
