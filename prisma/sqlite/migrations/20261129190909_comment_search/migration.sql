-- Full-text search over comment bodies, for the "In the discussion" results of /search
-- (docs/decisions/004-search-and-feeds.md). Two external-content FTS5 indexes, the twins
-- of "PostSearch" and "PostSearchTrigram": words (unicode61) for spaced scripts, every
-- three characters (trigram) for Chinese, Japanese, Thai… where 东击 sits inside 声东击西.
-- The text lives once, in "Comment"; triggers keep both indexes in sync for every writer.
-- Every comment is indexed, deleted ones too: queries filter on "deletedAt" and on the
-- post being readable now, so deleting, restoring, banning, publishing and scheduling
-- need no index work (and the indexes always mirror the table, so 'rebuild' is exact).
-- NOTE: a later migration that redefines "Comment" (Prisma's copy-drop-rename for
-- SQLite) drops these triggers; it must recreate them and run 'rebuild' on both indexes.
CREATE VIRTUAL TABLE "CommentSearch" USING fts5(
    body,
    content = 'Comment',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "CommentSearchTrigram" USING fts5(
    body,
    content = 'Comment',
    content_rowid = 'id',
    tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER "Comment_search_after_insert" AFTER INSERT ON "Comment" BEGIN
    INSERT INTO "CommentSearch" (rowid, body) VALUES (new."id", new."body");
    INSERT INTO "CommentSearchTrigram" (rowid, body) VALUES (new."id", new."body");
END;

CREATE TRIGGER "Comment_search_after_delete" AFTER DELETE ON "Comment" BEGIN
    INSERT INTO "CommentSearch" ("CommentSearch", rowid, body) VALUES ('delete', old."id", old."body");
    INSERT INTO "CommentSearchTrigram" ("CommentSearchTrigram", rowid, body) VALUES ('delete', old."id", old."body");
END;

-- Only an edited body touches the indexes: soft deletion and thread bookkeeping
-- ("parentId", "rootId", "depth", "deletedAt") update "Comment" without changing its text.
CREATE TRIGGER "Comment_search_after_update" AFTER UPDATE OF "body" ON "Comment" BEGIN
    INSERT INTO "CommentSearch" ("CommentSearch", rowid, body) VALUES ('delete', old."id", old."body");
    INSERT INTO "CommentSearch" (rowid, body) VALUES (new."id", new."body");
    INSERT INTO "CommentSearchTrigram" ("CommentSearchTrigram", rowid, body) VALUES ('delete', old."id", old."body");
    INSERT INTO "CommentSearchTrigram" (rowid, body) VALUES (new."id", new."body");
END;

-- Index the comments that already exist.
INSERT INTO "CommentSearch" ("CommentSearch") VALUES ('rebuild');
INSERT INTO "CommentSearchTrigram" ("CommentSearchTrigram") VALUES ('rebuild');
