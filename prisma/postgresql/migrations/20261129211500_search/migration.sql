-- Full-text search on PostgreSQL (docs/decisions/017): the twin of the SQLite FTS5
-- indexes (PostSearch, PostSearchTrigram, CommentSearch, CommentSearchTrigram).
-- Expression GIN indexes, not stored columns: PostgreSQL keeps them in step with every
-- writer (app, seed, SQL shell) without triggers, and Prisma sees no column it does not
-- know (a tsvector column would be drift, and the schema must match SQLite's). Every row
-- is indexed, drafts and deleted comments too: queries filter on readability, so
-- publishing, deleting or a ban need no index work, as on SQLite.
-- The functions below are the one definition of what is indexed; lib/data/search/
-- postgresql.ts calls the same ones, so the planner matches its conditions to these
-- indexes. SQL-standard bodies (RETURN) are bound at creation, so a dump restores them
-- whatever the search_path.

-- Substring search for scripts without spaces between words (声东击西): trigram indexes
-- serve ILIKE '%东击西%'. A trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- PostgreSQL's default parser reads "<b>", "e.com/x", "a@b.c", "1.5" or "foo-bar" as
-- tags, hosts, e-mails and numbers, not as words. Search reads words as SQLite's
-- unicode61 does, runs of letters and digits, so ASCII punctuation is swapped for
-- private-use characters (which the parser reads as spaces) before parsing, and swapped
-- back in the highlighted text shown to readers.
CREATE FUNCTION commonplace_search_text(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN translate(input, $$!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~$$,
        U&'\E010\E011\E012\E013\E014\E015\E016\E017\E018\E019\E01A\E01B\E01C\E01D\E01E\E01F\E020\E021\E022\E023\E024\E025\E026\E027\E028\E029\E02A\E02B\E02C\E02D\E02E\E02F');

CREATE FUNCTION commonplace_search_restore(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN translate(input,
        U&'\E010\E011\E012\E013\E014\E015\E016\E017\E018\E019\E01A\E01B\E01C\E01D\E01E\E01F\E020\E021\E022\E023\E024\E025\E026\E027\E028\E029\E02A\E02B\E02C\E02D\E02E\E02F',
        $$!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~$$);

-- A post's words, weighted: title (A) > standfirst (B) > body (C).
CREATE FUNCTION commonplace_post_document(config regconfig, title text, standfirst text, body text)
    RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector(config, commonplace_search_text(title)), 'A')
        || setweight(to_tsvector(config, commonplace_search_text(coalesce(standfirst, ''))), 'B')
        || setweight(to_tsvector(config, commonplace_search_text(body)), 'C');

CREATE FUNCTION commonplace_comment_document(config regconfig, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector(config, commonplace_search_text(body));

-- The text substring search reads, lower-cased (search terms are): a post's fields in
-- one string (terms hold no spaces, so a match never straddles two fields), a comment's
-- body. Also what keeps the trigram indexes expressions, which Prisma leaves alone (an
-- index on a bare column with an operator class would be drift to it).
CREATE FUNCTION commonplace_post_text(title text, standfirst text, body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(title || ' ' || coalesce(standfirst, '') || ' ' || body);

CREATE FUNCTION commonplace_comment_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(body);

-- Word indexes for SEARCH_LANGUAGE=simple, the default. Another language needs its own:
-- `npm run db:search-index` replaces these (docs/decisions/017).
CREATE INDEX "Post_search_words" ON "Post"
    USING GIN (commonplace_post_document('simple', "title", "standfirst", "bodyMarkdown"));
CREATE INDEX "Comment_search_words" ON "Comment"
    USING GIN (commonplace_comment_document('simple', "body"));

CREATE INDEX "Post_search_trigrams" ON "Post"
    USING GIN (commonplace_post_text("title", "standfirst", "bodyMarkdown") gin_trgm_ops);
CREATE INDEX "Comment_search_trigrams" ON "Comment"
    USING GIN (commonplace_comment_text("body") gin_trgm_ops);
