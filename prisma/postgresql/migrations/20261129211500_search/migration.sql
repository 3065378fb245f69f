-- Full-text search on PostgreSQL (docs/decisions/017): the twin of the SQLite FTS5
-- indexes (PostSearch, PostSearchTrigram, CommentSearch, CommentSearchTrigram).
--
-- Words: each post's and comment's tsvector is stored, kept current by triggers for every
-- writer (app, seed, SQL shell), with a GIN index. Stored, not computed by the query: a
-- word found in every post would otherwise mean parsing every post again to rank it.
-- The vectors live in a schema of their own, "commonplace_search", which Prisma does not
-- read: a tsvector column on "Post" would be drift to it (and the schema must keep the
-- same models as SQLite's).
-- Substrings (声东击西): pg_trgm indexes on expressions, which Prisma leaves alone too.
--
-- Every row is indexed, drafts and deleted comments too: queries filter on readability,
-- so publishing, deleting or a ban need no index work, as on SQLite. Deleting a row
-- deletes its vector (foreign keys). Function bodies are SQL-standard (RETURN) or name
-- their schema, so a dump restores whatever the search_path.

-- `prisma migrate reset` drops "public" only: start clean if an earlier history left this.
DROP SCHEMA IF EXISTS commonplace_search CASCADE;
CREATE SCHEMA commonplace_search;

-- A trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- PostgreSQL's default parser reads "<b>", "e.com/x", "a@b.c", "1.5" or "foo-bar" as
-- tags, hosts, e-mails and numbers, not as words. Search reads words as SQLite's
-- unicode61 does, runs of letters and digits: the 32 ASCII punctuation characters (the
-- ranges are code points) are read as spaces. One character for one, so a marked passage
-- still lines up with the text as written (lib/data/search/postgresql.ts puts the
-- punctuation back, exactly: no stand-in character could be told from one in the text).
-- regexp_replace: translate() with 32 characters costs ten times as much here.
CREATE FUNCTION commonplace_search.parseable(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(input, '[!-/:-@[-`{-~]', ' ', 'g');

-- A post's words, weighted: title (A) > standfirst (B) > body (C).
CREATE FUNCTION commonplace_search.post_words(config regconfig, title text, standfirst text, body text)
    RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector(config, commonplace_search.parseable(title)), 'A')
        || setweight(to_tsvector(config, commonplace_search.parseable(coalesce(standfirst, ''))), 'B')
        || setweight(to_tsvector(config, commonplace_search.parseable(body)), 'C');

CREATE FUNCTION commonplace_search.comment_words(config regconfig, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector(config, commonplace_search.parseable(body));

-- The language words are read in: "simple" (as written, any language) until
-- `npm run db:search-index` applies SEARCH_LANGUAGE. One row.
CREATE TABLE commonplace_search.settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    language regconfig NOT NULL
);
INSERT INTO commonplace_search.settings (language) VALUES ('simple');
-- So the planner knows it is one row (unanalyzed, a table is guessed at thousands).
ANALYZE commonplace_search.settings;

-- Each vector remembers its language, so a language change can re-read the rows that
-- still have the old one, a batch at a time, while the blog runs.
CREATE TABLE commonplace_search.posts (
    post_id integer PRIMARY KEY REFERENCES public."Post" ("id") ON DELETE CASCADE,
    language regconfig NOT NULL,
    words tsvector NOT NULL
);
CREATE INDEX posts_words ON commonplace_search.posts USING GIN (words);

CREATE TABLE commonplace_search.comments (
    comment_id integer PRIMARY KEY REFERENCES public."Comment" ("id") ON DELETE CASCADE,
    language regconfig NOT NULL,
    words tsvector NOT NULL
);
CREATE INDEX comments_words ON commonplace_search.comments USING GIN (words);

CREATE FUNCTION commonplace_search.index_post() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO commonplace_search.posts AS indexed (post_id, language, words)
    SELECT NEW."id", settings.language,
           commonplace_search.post_words(settings.language, NEW."title", NEW."standfirst", NEW."bodyMarkdown")
    FROM commonplace_search.settings
    ON CONFLICT (post_id) DO UPDATE SET language = EXCLUDED.language, words = EXCLUDED.words;
    RETURN NULL;
END;
$$;

CREATE FUNCTION commonplace_search.index_comment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO commonplace_search.comments AS indexed (comment_id, language, words)
    SELECT NEW."id", settings.language, commonplace_search.comment_words(settings.language, NEW."body")
    FROM commonplace_search.settings
    ON CONFLICT (comment_id) DO UPDATE SET language = EXCLUDED.language, words = EXCLUDED.words;
    RETURN NULL;
END;
$$;

-- Only text changes touch the index: view and share counters update "Post" all the time,
-- soft deletion and thread bookkeeping update "Comment".
CREATE TRIGGER "Post_search" AFTER INSERT OR UPDATE OF "title", "standfirst", "bodyMarkdown" ON "Post"
    FOR EACH ROW EXECUTE FUNCTION commonplace_search.index_post();
CREATE TRIGGER "Comment_search" AFTER INSERT OR UPDATE OF "body" ON "Comment"
    FOR EACH ROW EXECUTE FUNCTION commonplace_search.index_comment();

-- Index what already exists.
INSERT INTO commonplace_search.posts (post_id, language, words)
SELECT "id", settings.language,
       commonplace_search.post_words(settings.language, "title", "standfirst", "bodyMarkdown")
FROM "Post", commonplace_search.settings;
INSERT INTO commonplace_search.comments (comment_id, language, words)
SELECT "id", settings.language, commonplace_search.comment_words(settings.language, "body")
FROM "Comment", commonplace_search.settings;

-- The text substring search reads, lower-cased (search terms are): a post's fields in
-- one string (terms hold no spaces, so a match never straddles two fields), a comment's
-- body. Being expressions also keeps these indexes out of Prisma's sight (an index on a
-- bare column with an operator class would be drift to it).
CREATE FUNCTION commonplace_search.post_text(title text, standfirst text, body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(title || ' ' || coalesce(standfirst, '') || ' ' || body);

CREATE FUNCTION commonplace_search.comment_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(body);

CREATE INDEX "Post_search_trigrams" ON "Post"
    USING GIN (commonplace_search.post_text("title", "standfirst", "bodyMarkdown") gin_trgm_ops);
CREATE INDEX "Comment_search_trigrams" ON "Comment"
    USING GIN (commonplace_search.comment_text("body") gin_trgm_ops);
