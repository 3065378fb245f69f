import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { markedExcerpt } from "@/lib/search/excerpt";
import { quoteTerms } from "@/lib/search/fts-query";
import { MATCH_CLOSE, MATCH_OPEN, markTerms, restorePunctuation } from "@/lib/search/highlight";
import type { SearchLanguage } from "@/lib/search/languages";
import {
  COMMENT_COLUMNS,
  type CommentRow,
  FIELD_WEIGHTS,
  NEWEST_COMMENT_FIRST,
  POST_OF_COMMENT,
  type PostRow,
  type SearchBackend,
  type SearchQuery,
} from "./backend";
import { warnUnlessIndexed } from "./postgresql-index";

/**
 * Search on PostgreSQL (docs/decisions/017), over what migration *_search keeps in the
 * commonplace_search schema: stored, weighted tsvectors with GIN indexes for words (in
 * the language of commonplace_search.settings), and pg_trgm indexes on expressions for
 * substrings. `expectedLanguage` is SEARCH_LANGUAGE: searches read words in the indexes'
 * language whatever it says, and warn once when the two differ.
 */
export function postgresSearch(expectedLanguage: SearchLanguage): SearchBackend {
  const ready = () => warnUnlessIndexed(db, expectedLanguage);
  return {
    postsByWords: async (query) => {
      await ready();
      const rows = await db.$queryRaw<WordPostRow[]>(postgresSearchSql.postsByWords(query));
      return rows.map(({ title, titleMarked, passageMarked, passage, lead, tail, ...row }) => ({
        ...row,
        markedTitle: restorePunctuation(titleMarked, title),
        markedSnippet: snippetOf({ passageMarked, passage, lead, tail }),
      }));
    },
    postsBySubstrings: async (query) => {
      const rows = await db.$queryRaw<SubstringPostRow[]>(postgresSearchSql.postsBySubstrings(query));
      return rows.map(({ title, body, ...row }) => ({
        ...row,
        markedTitle: markTerms(title, query.terms),
        markedSnippet: markedExcerpt(body, query.terms),
      }));
    },
    commentsByWords: async (query) => {
      await ready();
      const rows = await db.$queryRaw<WordCommentRow[]>(postgresSearchSql.commentsByWords(query));
      return rows.map(({ passageMarked, passage, lead, tail, ...row }) => ({
        ...row,
        markedSnippet: snippetOf({ passageMarked, passage, lead, tail }),
      }));
    },
    commentsBySubstrings: async (query) => {
      const rows = await db.$queryRaw<SubstringCommentRow[]>(postgresSearchSql.commentsBySubstrings(query));
      return rows.map(({ body, ...row }) => ({ ...row, markedSnippet: markedExcerpt(body, query.terms) }));
    },
  };
}

type SubstringPostRow = Omit<PostRow, "markedTitle" | "markedSnippet"> & { title: string; body: string };
type SubstringCommentRow = Omit<CommentRow, "markedSnippet"> & { body: string };

/**
 * ts_headline's passage as withPassages returns it: "passageMarked" is the passage with
 * punctuation read as spaces and matches marked, "passage" the same characters as
 * written; "lead" and "tail" what goes before and after it in the snippet.
 */
type Passage = { passageMarked: string; passage: string; lead: string; tail: string };
type WordPostRow = Omit<PostRow, "markedTitle" | "markedSnippet"> &
  Passage & { title: string; titleMarked: string };
type WordCommentRow = Omit<CommentRow, "markedSnippet"> & Passage;

function snippetOf({ passageMarked, passage, lead, tail }: Passage): string {
  return `${lead}${restorePunctuation(passageMarked, passage)}${tail}`;
}

// ts_rank's weights are {D, C, B, A}: the body (C) and standfirst (B) as fractions of
// the title (A), as FIELD_WEIGHTS has them; D is not used.
const { title, standfirst, body } = FIELD_WEIGHTS;
const RANK_WEIGHTS = Prisma.raw(
  `'{${[body, body, standfirst, title].map((w) => w / title).join(",")}}'::float4[]`,
);

// ts_headline marks matches with our markers (lib/search/highlight.ts). Titles are
// marked whole; snippets are the best passage of at most 32 words, as FTS5's are.
const MARKERS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}`;
const TITLE_HEADLINE = `HighlightAll=true, ${MARKERS}`;
const SNIPPET_HEADLINE = `MaxFragments=1, MaxWords=32, MinWords=16, ShortWord=0, ${MARKERS}`;

/** The language the stored words are read in (one row: evaluated once per statement). */
const LANGUAGE = Prisma.sql`(SELECT language FROM commonplace_search.settings)`;

/** The reader's terms as a tsquery in that language: what the GIN index is searched for. */
const tsquery = (terms: string[]) => Prisma.sql`websearch_to_tsquery(${LANGUAGE}, ${quoteTerms(terms)})`;

/** ts_headline over `text` from `found` (which carries "config" and "q"), punctuation read as spaces. */
const headline = (text: Prisma.Sql, options: string) =>
  Prisma.sql`ts_headline(found."config", commonplace_search.parseable(${text}), found."q", ${options})`;

/**
 * The rows of `found` (carrying "config", "q" and the "snippetSource" text) with the
 * best passage of the text (Passage): where it is, found by its own text, gives the
 * passage as written, and what precedes and follows it, kept when it holds no word (a
 * closing "." or "!") and an ellipsis where words are cut off. `marked` adds columns
 * computed beside it (ending in a comma).
 */
function withPassages(found: Prisma.Sql, marked: Prisma.Sql, columns: string[], order: Prisma.Sql) {
  const out = Prisma.raw(columns.map((column) => `placed."${column}"`).join(", "));
  const plain = Prisma.sql`translate(marked."passageMarked", ${MATCH_OPEN + MATCH_CLOSE}, '')`;
  const source = Prisma.sql`placed."snippetSource"`;
  const edge = (text: Prisma.Sql) =>
    Prisma.sql`CASE WHEN placed."at" = 0 OR ${text} ~ '[[:alnum:]]' THEN '…' ELSE ${text} END`;
  return Prisma.sql`
    WITH found AS (${found}),
    marked AS (
      SELECT found.*, ${marked} ${headline(Prisma.sql`found."snippetSource"`, SNIPPET_HEADLINE)} AS "passageMarked"
      FROM found),
    placed AS (
      SELECT marked.*, strpos(commonplace_search.parseable(marked."snippetSource"), ${plain}) AS "at",
             length(${plain}) AS "length"
      FROM marked)
    SELECT ${out}, placed."passageMarked",
           substr(${source}, placed."at", placed."length") AS "passage",
           ${edge(Prisma.sql`left(${source}, placed."at" - 1)`)} AS "lead",
           ${edge(Prisma.sql`substr(${source}, placed."at" + placed."length")`)} AS "tail"
    FROM placed
    ORDER BY ${order}`;
}

/** Every term inside `text` (lower-cased by the migration's functions, as terms are). */
const containsAll = (text: Prisma.Sql, terms: string[]) =>
  Prisma.join(
    terms.map((term) => Prisma.sql`${text} LIKE ${`%${term}%`}`),
    " AND ",
  );

/** The statements, apart from running them (tests read their plans). */
export const postgresSearchSql = {
  postsByWords: ({ terms, filter, window }: SearchQuery) =>
    withPassages(
      Prisma.sql`
        SELECT p."id", p."slug", p."publishedAt", p."title", p."bodyMarkdown" AS "snippetSource",
               ${LANGUAGE} AS "config", ${tsquery(terms)} AS "q",
               ts_rank(${RANK_WEIGHTS}, indexed.words, ${tsquery(terms)}, 1) AS "rank"
        FROM commonplace_search.posts indexed
        JOIN "Post" p ON p."id" = indexed.post_id
        WHERE indexed.words @@ ${tsquery(terms)} AND ${filter}
        ORDER BY "rank" DESC, p."publishedAt" DESC, p."id" DESC
        ${window}`,
      Prisma.sql`${headline(Prisma.sql`found."title"`, TITLE_HEADLINE)} AS "titleMarked",`,
      ["id", "slug", "publishedAt", "title", "titleMarked"],
      Prisma.sql`placed."rank" DESC, placed."publishedAt" DESC, placed."id" DESC`,
    ),

  commentsByWords: ({ terms, filter, window }: SearchQuery) =>
    withPassages(
      Prisma.sql`
        SELECT ${COMMENT_COLUMNS}, c."body" AS "snippetSource",
               ${LANGUAGE} AS "config", ${tsquery(terms)} AS "q",
               ts_rank(indexed.words, ${tsquery(terms)}, 1) AS "rank"
        FROM commonplace_search.comments indexed
        JOIN "Comment" c ON c."id" = indexed.comment_id
        ${POST_OF_COMMENT}
        WHERE indexed.words @@ ${tsquery(terms)} AND ${filter}
        ORDER BY "rank" DESC, ${NEWEST_COMMENT_FIRST}
        ${window}`,
      Prisma.empty,
      ["id", "postTitle", "authorName", "createdAt"],
      Prisma.sql`placed."rank" DESC, placed."createdAt" DESC, placed."id" DESC`,
    ),

  /**
   * Substrings through the trigram index (a term of three or more characters narrows it;
   * shorter ones are checked on what it finds). Ranked as the field weights say: each
   * term in the title counts as much as ten in the body.
   */
  postsBySubstrings: ({ terms, filter, window }: SearchQuery) => {
    const score = Prisma.join(
      terms.map((term) => {
        const pattern = `%${term}%`;
        return Prisma.sql`${Prisma.raw(String(title))} * (p."title" ILIKE ${pattern})::int
          + ${Prisma.raw(String(standfirst))} * (coalesce(p."standfirst", '') ILIKE ${pattern})::int
          + ${Prisma.raw(String(body))} * (p."bodyMarkdown" ILIKE ${pattern})::int`;
      }),
      " + ",
    );
    return Prisma.sql`
      SELECT p."id" AS "id", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
             p."title" AS "title", p."bodyMarkdown" AS "body"
      FROM "Post" p
      WHERE ${containsAll(Prisma.sql`commonplace_search.post_text(p."title", p."standfirst", p."bodyMarkdown")`, terms)}
        AND ${filter}
      ORDER BY ${score} DESC, p."publishedAt" DESC, p."id" DESC
      ${window}`;
  },

  /** Substrings in comment bodies, the newest first (nothing ranks one hit above another). */
  commentsBySubstrings: ({ terms, filter, window }: SearchQuery) => Prisma.sql`
    SELECT ${COMMENT_COLUMNS}, c."body" AS "body"
    FROM "Comment" c ${POST_OF_COMMENT}
    WHERE ${containsAll(Prisma.sql`commonplace_search.comment_text(c."body")`, terms)} AND ${filter}
    ORDER BY ${NEWEST_COMMENT_FIRST}
    ${window}`,
};
