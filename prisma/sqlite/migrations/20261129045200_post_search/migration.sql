-- Full-text search over posts (docs/decisions/004-search-and-feeds.md).
-- An external-content FTS5 index: the text lives once, in "Post"; the index holds only
-- tokens. Triggers keep it in sync for every writer (app, admin editor, seeds, SQL shell).
-- Drafts and future posts are indexed too; queries filter on status and publishedAt, so
-- publishing or unpublishing needs no index change.
-- NOTE: a later migration that redefines "Post" (Prisma's copy-drop-rename for SQLite)
-- drops these triggers; such a migration must recreate them and run 'rebuild'.
CREATE VIRTUAL TABLE "PostSearch" USING fts5(
    title,
    standfirst,
    bodyMarkdown,
    content = 'Post',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Post_search_after_insert" AFTER INSERT ON "Post" BEGIN
    INSERT INTO "PostSearch" (rowid, title, standfirst, bodyMarkdown)
    VALUES (new."id", new."title", new."standfirst", new."bodyMarkdown");
END;

CREATE TRIGGER "Post_search_after_delete" AFTER DELETE ON "Post" BEGIN
    INSERT INTO "PostSearch" ("PostSearch", rowid, title, standfirst, bodyMarkdown)
    VALUES ('delete', old."id", old."title", old."standfirst", old."bodyMarkdown");
END;

-- Only text changes touch the index: view and share counters update "Post" all the time.
CREATE TRIGGER "Post_search_after_update" AFTER UPDATE OF "title", "standfirst", "bodyMarkdown" ON "Post" BEGIN
    INSERT INTO "PostSearch" ("PostSearch", rowid, title, standfirst, bodyMarkdown)
    VALUES ('delete', old."id", old."title", old."standfirst", old."bodyMarkdown");
    INSERT INTO "PostSearch" (rowid, title, standfirst, bodyMarkdown)
    VALUES (new."id", new."title", new."standfirst", new."bodyMarkdown");
END;

-- Index the posts that already exist.
INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild');
